// The NAT Lab's pictures: device glyphs (laptop, phone, server, router,
// carrier NAT, the internet as a cloud) and packets as labelled envelopes
// whose rewritten fields show the old value struck through beside the new.
//
// Two halves: what each picture *says* (device_for, sent_envelope,
// arrived_envelope...) is plain functions over the lab's records, so tests
// check the words without drawing; the draw_* functions only paint them with
// ImDrawList, in theme colours, sized from the font size so they follow the
// UI scale. Everything is drawn from primitives and the fonts' ASCII: the
// atlas holds ✓ ✗ → only when the content uses them, so a cross or an arrow
// here is made of lines.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "core/labs/nat_lab.h"

namespace portlab::ui::nat_drawing {

// ---------------------------------------------------------------- the words

enum class Device { Laptop, Phone, Server, Router, Cgn, Cloud };

// The glyph of a topology box: the router and the carrier NAT by kind; a
// host by its name ("phone", "tablet" -> phone; "server", "game", "web",
// "nas"... -> server); other LAN hosts are laptops, other internet hosts
// servers unless the name says a person is behind them ("friend", "peer",
// "player"...), who gets a laptop.
Device device_for(const labs::NatNode& node);

// One address line of an envelope. `replaced` is what a NAT rewrote into
// `value` ("" when unchanged): drawn struck through, `value` beside it.
struct EnvelopeLine {
  const char* label = "";  // "from" or "to"
  std::string value;       // "203.0.113.1:51000"
  std::string replaced;    // "192.168.1.10:51000", or ""
  bool rewritten() const { return !replaced.empty(); }
};

// What one envelope says.
struct Envelope {
  std::string kind;     // "TCP SYN", "UDP"
  std::string caption;  // "sent", "received", "answer sent", "dropped at the router"
  EnvelopeLine from, to;
  bool reply = false;
  bool dropped = false;
};

// The packet as its sender wrote it (nothing rewritten yet).
Envelope sent_envelope(const labs::NatPacket& p);
// The packet as it arrived, or as it was where it was dropped: fields a NAT
// changed carry the value they replaced.
Envelope arrived_envelope(const labs::NatPacket& p);
// The node drawn as doing the rewrite: the first NAT box ("router" or
// "cgn") on the packet's path, or "" when no address or port changed.
std::string rewriter(const labs::NatPacket& p);

// One rewrite a NAT box made, in path order: behind a carrier NAT a packet
// is rewritten twice (192.168.1.10 -> 100.64.0.2 -> 198.51.100.1).
struct Rewrite {
  std::string box;       // "router" or "cgn"
  bool source = true;    // false: the destination
  std::string from, to;  // "192.168.1.10:51000", "203.0.113.1:51000"
};
// The rewrites of the engine's trace; when the trace names none (a packet
// built by hand) but an address changed, one at rewriter() from before to after.
std::vector<Rewrite> rewrites(const labs::NatPacket& p);
// The packet on its way, once it has passed the NAT boxes for which
// `passed` is true: their rewrites applied, the sender's value struck.
template <typename Passed>
Envelope travelling_envelope(const labs::NatPacket& p, Passed passed) {
  Envelope e = sent_envelope(p);
  e.caption = "on the way";
  for (const Rewrite& r : rewrites(p)) {
    if (!passed(r.box)) continue;
    EnvelopeLine& l = r.source ? e.from : e.to;
    if (!l.rewritten()) l.replaced = l.value;
    l.value = r.to;
    if (l.value == l.replaced) l.replaced.clear();
  }
  return e;
}
// Where a dropped packet stopped, in words: "the router", "the carrier NAT",
// "the internet", "the LAN"; "" when it was not dropped.
std::string stop_place(const labs::NatPacket& p);

// ---------------------------------------------------------- the drawing

// The fonts and sizes the drawing writes with (derived from the current
// font size, so they follow the UI scale).
struct Type {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* mono = nullptr;
  float body_size = 0, mono_size = 0;
  float line = 0;  // one line of either, with a little spacing
};
// `body`, `bold`, `mono` may be null (then ImGui's current font is used);
// `small` shrinks the text for narrow drawings.
Type make_type(ImFont* body, ImFont* bold, ImFont* mono, bool small);

// A device glyph fitted in a square of side `size` around `centre`;
// `highlight` draws it in the accent colour with a thicker outline (the
// NAT box that rewrote the packet).
void draw_device(ImDrawList* dl, Device device, ImVec2 centre, float size, bool highlight);

// The size a card for `e` takes.
ImVec2 envelope_card_size(const Envelope& e, const Type& type);
// The card at `top_left`: an envelope icon, the kind and caption, then the
// from and to lines, rewritten values struck through with the new beside.
// `faded` draws its frame and icon quieter (the sender's copy left behind);
// the text keeps full contrast.
void draw_envelope_card(ImDrawList* dl, ImVec2 top_left, const Envelope& e, const Type& type, bool faded);
// An old value struck through, an arrow, and the new value on a tinted
// ground, in the mono font, its text's top-left at `at`; and its width.
void draw_rewrite(ImDrawList* dl, ImVec2 at, const std::string& old_value, const std::string& new_value,
                  const Type& type);
float rewrite_width(const std::string& old_value, const std::string& new_value, const Type& type);
// The small envelope that travels along the wires, centred on `at`.
void draw_envelope_icon(ImDrawList* dl, ImVec2 at, float size, ImU32 fill);
// A cross (where a packet was dropped), made of two thick lines.
void draw_cross(ImDrawList* dl, ImVec2 at, float radius, ImU32 colour);
// A short arrow from `from` to `to`, head included.
void draw_arrow(ImDrawList* dl, ImVec2 from, ImVec2 to, ImU32 colour, float thickness);

}  // namespace portlab::ui::nat_drawing
