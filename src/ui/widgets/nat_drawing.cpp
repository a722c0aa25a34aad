#include "ui/widgets/nat_drawing.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <initializer_list>

#include "core/nat/packet.h"
#include "core/net/address.h"
#include "ui/theme.h"

namespace portlab::ui::nat_drawing {
namespace {

bool contains_any(const std::string& text, std::initializer_list<const char*> words) {
  for (const char* w : words)
    if (text.find(w) != std::string::npos) return true;
  return false;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string kind_of(const nat::Packet& p) {
  std::string k = p.proto == net::Transport::Tcp ? "TCP" : p.proto == net::Transport::Udp ? "UDP" : "";
  if (k.empty()) k = lower(net::to_string(p.proto));
  if (p.proto == net::Transport::Tcp && p.tcp_flags) k += " " + nat::describe_tcp_flags(p.tcp_flags);
  return k;
}

ImU32 col(Tone t, float alpha = 1.0f) {
  ImVec4 c = tone(t);
  c.w *= alpha;
  return ImGui::ColorConvertFloat4ToU32(c);
}

ImU32 col(ImGuiCol c, float alpha = 1.0f) {
  ImVec4 v = ImGui::GetStyleColorVec4(c);
  v.w *= alpha;
  return ImGui::ColorConvertFloat4ToU32(v);
}

ImFont* or_current(ImFont* f) { return f ? f : ImGui::GetFont(); }

float text_width(ImFont* font, float size, const char* text) { return font->CalcTextSizeA(size, FLT_MAX, 0, text).x; }

// The card's inner measures, shared by its size and its drawing so both
// agree on every pixel.
struct CardMetrics {
  float pad, label_w, arrow_w, gap, icon_w, icon_h;
};

CardMetrics metrics(const Type& t) {
  CardMetrics m;
  m.pad = t.line * 0.4f;
  m.gap = t.mono_size * 0.45f;
  m.arrow_w = t.mono_size * 1.3f;
  m.label_w = std::max(text_width(t.body, t.body_size, "from"), text_width(t.body, t.body_size, "to")) + m.gap;
  m.icon_w = t.body_size * 1.25f;
  m.icon_h = t.body_size * 0.8f;
  return m;
}

float line_width(const EnvelopeLine& l, const Type& t, const CardMetrics& m) {
  if (l.rewritten()) return m.label_w + rewrite_width(l.replaced, l.value, t);
  return m.label_w + text_width(t.mono, t.mono_size, l.value.c_str());
}

float header_width(const Envelope& e, const Type& t, const CardMetrics& m) {
  return m.icon_w + m.gap + text_width(t.bold, t.body_size, e.kind.c_str()) + m.gap +
         text_width(t.body, t.body_size, e.caption.c_str());
}

}  // namespace

// ---------------------------------------------------------------- the words

Device device_for(const labs::NatNode& node) {
  switch (node.kind) {
    case labs::NatNode::Kind::Router:
      return Device::Router;
    case labs::NatNode::Kind::Cgn:
      return Device::Cgn;
    case labs::NatNode::Kind::LanHost:
    case labs::NatNode::Kind::InternetHost:
      break;
  }
  const std::string name = lower(node.name);
  if (contains_any(name, {"phone", "mobile", "tablet"})) return Device::Phone;
  if (contains_any(name,
                   {"server", "game", "web", "site", "nas", "dns", "vpn", "rendezvous", "gateway", "cdn", "mail"}))
    return Device::Server;
  if (node.kind == labs::NatNode::Kind::LanHost) return Device::Laptop;
  // On the internet a name for a person means their computer, anything
  // else a service.
  if (contains_any(name, {"friend", "peer", "player", "stranger", "laptop", "pc", "user"})) return Device::Laptop;
  return Device::Server;
}

Envelope sent_envelope(const labs::NatPacket& p) {
  Envelope e;
  e.kind = kind_of(p.before);
  e.caption = p.reply ? "answer sent" : "sent";
  e.reply = p.reply;
  e.from = {"from", net::to_string(p.before.src), ""};
  e.to = {"to", net::to_string(p.before.dst), ""};
  return e;
}

Envelope arrived_envelope(const labs::NatPacket& p) {
  Envelope e;
  e.kind = kind_of(p.after);
  e.reply = p.reply;
  e.dropped = p.action == nat::Action::Dropped;
  e.caption = e.dropped ? "dropped at " + stop_place(p) : p.reply ? "answer received" : "received";
  e.from = {"from", net::to_string(p.after.src), ""};
  e.to = {"to", net::to_string(p.after.dst), ""};
  if (!(p.after.src == p.before.src)) e.from.replaced = net::to_string(p.before.src);
  if (!(p.after.dst == p.before.dst)) e.to.replaced = net::to_string(p.before.dst);
  return e;
}

std::string rewriter(const labs::NatPacket& p) {
  if (p.after.src == p.before.src && p.after.dst == p.before.dst) return "";
  for (const std::string& id : p.path)
    if (id == "router" || id == "cgn") return id;
  return "";
}

std::vector<Rewrite> rewrites(const labs::NatPacket& p) {
  std::vector<Rewrite> out;
  // The engine words them "The source A becomes B." (nat_device.cpp).
  for (const nat::Step& s : p.steps) {
    const bool source = s.kind == "rewrite-source";
    if (!source && s.kind != "rewrite-destination") continue;
    const std::string box = s.where.substr(0, s.where.find('.'));
    const size_t of = s.explanation.find(source ? "The source " : "The destination ");
    const size_t becomes = s.explanation.find(" becomes ");
    if (of == std::string::npos || becomes == std::string::npos) continue;
    const size_t from_at = of + (source ? 11 : 16);
    std::string to = s.explanation.substr(becomes + 9);
    if (!to.empty() && to.back() == '.') to.pop_back();
    out.push_back({box, source, s.explanation.substr(from_at, becomes - from_at), to});
  }
  if (!out.empty()) return out;
  const std::string box = rewriter(p);
  if (box.empty()) return out;
  if (!(p.after.src == p.before.src))
    out.push_back({box, true, net::to_string(p.before.src), net::to_string(p.after.src)});
  if (!(p.after.dst == p.before.dst))
    out.push_back({box, false, net::to_string(p.before.dst), net::to_string(p.after.dst)});
  return out;
}

std::string stop_place(const labs::NatPacket& p) {
  if (p.action != nat::Action::Dropped) return "";
  const std::string& at = p.dropped_at;
  if (at.rfind("router", 0) == 0) return "the router";
  if (at.rfind("cgn", 0) == 0) return "the carrier NAT";
  if (at.rfind("lan", 0) == 0) return "the LAN";
  if (at.rfind("internet", 0) == 0) return "the internet";
  return at.empty() ? "the network" : at;
}

// ---------------------------------------------------------- the drawing

Type make_type(ImFont* body, ImFont* bold, ImFont* mono, bool small) {
  Type t;
  const float size = ImGui::GetFontSize() * (small ? 0.8f : 0.9f);
  ImFont* current = ImGui::GetFont();
  t.body = or_current(body);
  t.bold = or_current(bold);
  t.mono = or_current(mono);
  // The fonts are rasterised at different sizes; keep their ratio to the
  // current one so the mono text stays a touch smaller, as everywhere else.
  t.body_size = size * t.body->FontSize / current->FontSize;
  t.mono_size = size * t.mono->FontSize / current->FontSize;
  t.line = std::max(t.body_size, t.mono_size) * 1.3f;
  return t;
}

void draw_device(ImDrawList* dl, Device device, ImVec2 c, float s, bool highlight) {
  const ImU32 line = highlight ? col(Tone::Accent) : col(Tone::Text);
  const ImU32 fill = col(ImGuiCol_WindowBg);
  const ImU32 glass = col(Tone::Accent, highlight ? 0.45f : 0.22f);
  const ImU32 lamp = col(Tone::Success);
  const float th = std::max(1.5f, s * (highlight ? 0.07f : 0.05f));
  const float r = s * 0.06f;
  auto box = [&](float x0, float y0, float x1, float y1, float round) {
    const ImVec2 a(c.x + x0 * s, c.y + y0 * s), b(c.x + x1 * s, c.y + y1 * s);
    dl->AddRectFilled(a, b, fill, round);
    dl->AddRect(a, b, line, round, 0, th);
  };
  auto at = [&](float x, float y) { return ImVec2(c.x + x * s, c.y + y * s); };
  switch (device) {
    case Device::Laptop: {
      box(-0.36f, -0.34f, 0.36f, 0.16f, r);
      dl->AddRectFilled(at(-0.28f, -0.26f), at(0.28f, 0.08f), glass, r * 0.5f);
      // The base: a flat trapezoid wider than the screen, with a notch.
      dl->AddQuadFilled(at(-0.42f, 0.2f), at(0.42f, 0.2f), at(0.5f, 0.3f), at(-0.5f, 0.3f), line);
      dl->AddLine(at(-0.08f, 0.24f), at(0.08f, 0.24f), fill, std::max(1.0f, th * 0.6f));
      break;
    }
    case Device::Phone: {
      box(-0.2f, -0.42f, 0.2f, 0.42f, s * 0.08f);
      dl->AddRectFilled(at(-0.14f, -0.3f), at(0.14f, 0.26f), glass, r * 0.5f);
      dl->AddLine(at(-0.05f, -0.36f), at(0.05f, -0.36f), line, std::max(1.0f, th * 0.7f));
      dl->AddCircleFilled(at(0, 0.34f), s * 0.035f, line);
      break;
    }
    case Device::Server: {
      // Three rack units, each with a slot and a lit lamp.
      for (int i = 0; i < 3; ++i) {
        const float y0 = -0.4f + static_cast<float>(i) * 0.28f;
        box(-0.34f, y0, 0.34f, y0 + 0.22f, r * 0.6f);
        dl->AddLine(at(-0.24f, y0 + 0.11f), at(0.04f, y0 + 0.11f), line, std::max(1.0f, th * 0.6f));
        dl->AddCircleFilled(at(0.22f, y0 + 0.11f), s * 0.035f, lamp);
      }
      break;
    }
    case Device::Router: {
      // Two antennas over a flat box with a row of lamps: a home router.
      const float ath = std::max(1.5f, th * 0.8f);
      dl->AddLine(at(-0.28f, -0.02f), at(-0.36f, -0.4f), line, ath);
      dl->AddLine(at(0.28f, -0.02f), at(0.36f, -0.4f), line, ath);
      dl->AddCircleFilled(at(-0.36f, -0.4f), s * 0.045f, line);
      dl->AddCircleFilled(at(0.36f, -0.4f), s * 0.045f, line);
      box(-0.48f, -0.04f, 0.48f, 0.3f, r);
      for (int i = 0; i < 4; ++i)
        dl->AddCircleFilled(at(-0.3f + 0.14f * static_cast<float>(i), 0.13f), s * 0.035f, lamp);
      dl->AddLine(at(0.14f, 0.13f), at(0.36f, 0.13f), line, std::max(1.0f, th * 0.6f));
      break;
    }
    case Device::Cgn: {
      // A tall carrier cabinet: a header band and rows of line cards.
      box(-0.36f, -0.44f, 0.36f, 0.44f, r);
      dl->AddRectFilled(at(-0.36f, -0.44f), at(0.36f, -0.22f), glass, r);
      for (int i = 0; i < 3; ++i) {
        const float y = -0.1f + 0.16f * static_cast<float>(i);
        dl->AddLine(at(-0.24f, y), at(0.1f, y), line, std::max(1.0f, th * 0.6f));
        dl->AddCircleFilled(at(0.22f, y), s * 0.032f, lamp);
      }
      break;
    }
    case Device::Cloud: {
      // Overlapping circles on a flat base; the outline is the same shapes
      // drawn a little larger underneath.
      const ImU32 edge = col(Tone::Muted);
      // Tinted but opaque: translucent puffs would show where they overlap.
      const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg), ac = tone(Tone::Accent);
      const ImU32 inside = ImGui::ColorConvertFloat4ToU32(
          ImVec4(bg.x + (ac.x - bg.x) * 0.14f, bg.y + (ac.y - bg.y) * 0.14f, bg.z + (ac.z - bg.z) * 0.14f, 1.0f));
      struct Puff {
        float x, y, r;
      };
      const Puff puffs[] = {
          {-0.27f, 0.06f, 0.19f}, {-0.06f, -0.1f, 0.26f}, {0.2f, -0.02f, 0.21f}, {0.34f, 0.1f, 0.15f}};
      const float w = std::max(1.5f, th * 0.8f);
      for (const Puff& p : puffs) dl->AddCircleFilled(at(p.x, p.y), p.r * s + w, edge, 24);
      dl->AddRectFilled(at(-0.27f, 0.1f), ImVec2(c.x + 0.34f * s, c.y + 0.25f * s + w), edge);
      for (const Puff& p : puffs) dl->AddCircleFilled(at(p.x, p.y), p.r * s, inside, 24);
      dl->AddRectFilled(at(-0.27f, 0.1f), at(0.34f, 0.25f), inside);
      break;
    }
  }
}

ImVec2 envelope_card_size(const Envelope& e, const Type& t) {
  const CardMetrics m = metrics(t);
  const float w = std::max({header_width(e, t, m), line_width(e.from, t, m), line_width(e.to, t, m)});
  return ImVec2(w + m.pad * 2, t.line * 3 + m.pad * 2);
}

void draw_envelope_icon(ImDrawList* dl, ImVec2 at, float size, ImU32 fill) {
  const float w = size, h = size * 0.66f;
  const ImVec2 a(at.x - w * 0.5f, at.y - h * 0.5f), b(at.x + w * 0.5f, at.y + h * 0.5f);
  const ImU32 paper = col(ImGuiCol_WindowBg);
  dl->AddRectFilled(a, b, fill, size * 0.08f);
  // The flap: a V from the top corners to the middle.
  const float th = std::max(1.0f, size * 0.08f);
  dl->AddLine(ImVec2(a.x + th, a.y + th), ImVec2(at.x, at.y + h * 0.1f), paper, th);
  dl->AddLine(ImVec2(at.x, at.y + h * 0.1f), ImVec2(b.x - th, a.y + th), paper, th);
}

void draw_cross(ImDrawList* dl, ImVec2 at, float radius, ImU32 colour) {
  const float th = std::max(2.0f, radius * 0.35f);
  dl->AddLine(ImVec2(at.x - radius, at.y - radius), ImVec2(at.x + radius, at.y + radius), colour, th);
  dl->AddLine(ImVec2(at.x - radius, at.y + radius), ImVec2(at.x + radius, at.y - radius), colour, th);
}

void draw_arrow(ImDrawList* dl, ImVec2 from, ImVec2 to, ImU32 colour, float thickness) {
  const float dx = to.x - from.x, dy = to.y - from.y;
  const float len = std::hypot(dx, dy);
  if (len <= 0) return;
  const float ux = dx / len, uy = dy / len;
  const float head = std::min(len * 0.5f, thickness * 3.5f);
  const ImVec2 base(to.x - ux * head, to.y - uy * head);
  dl->AddLine(from, base, colour, thickness);
  dl->AddTriangleFilled(to, ImVec2(base.x - uy * head * 0.6f, base.y + ux * head * 0.6f),
                        ImVec2(base.x + uy * head * 0.6f, base.y - ux * head * 0.6f), colour);
}

float rewrite_width(const std::string& old_value, const std::string& new_value, const Type& t) {
  const CardMetrics m = metrics(t);
  return text_width(t.mono, t.mono_size, old_value.c_str()) + m.arrow_w + m.gap +
         text_width(t.mono, t.mono_size, new_value.c_str());
}

void draw_rewrite(ImDrawList* dl, ImVec2 at, const std::string& old_value, const std::string& new_value,
                  const Type& t) {
  const CardMetrics m = metrics(t);
  float x = at.x;
  const float y = at.y;
  // The old value, struck through, then an arrow to the new one.
  const float ow = text_width(t.mono, t.mono_size, old_value.c_str());
  dl->AddText(t.mono, t.mono_size, ImVec2(x, y), col(Tone::Muted), old_value.c_str());
  const float mid = y + t.mono_size * 0.55f;
  dl->AddLine(ImVec2(x - 1, mid), ImVec2(x + ow + 1, mid), col(Tone::Danger), std::max(1.5f, t.mono_size * 0.1f));
  x += ow + m.gap * 0.5f;
  draw_arrow(dl, ImVec2(x, mid), ImVec2(x + m.arrow_w - m.gap * 0.5f, mid), col(Tone::Warning),
             std::max(1.2f, t.mono_size * 0.08f));
  x += m.arrow_w + m.gap * 0.5f;
  const float nw = text_width(t.mono, t.mono_size, new_value.c_str());
  // The new value on a tinted ground, so the eye lands on it.
  dl->AddRectFilled(ImVec2(x - 2, y - 1), ImVec2(x + nw + 2, y + t.mono_size + 1), col(Tone::Warning, 0.18f), 3.0f);
  dl->AddText(t.mono, t.mono_size, ImVec2(x, y), col(Tone::Warning), new_value.c_str());
}

void draw_envelope_card(ImDrawList* dl, ImVec2 p, const Envelope& e, const Type& t, bool faded) {
  const CardMetrics m = metrics(t);
  const ImVec2 size = envelope_card_size(e, t);
  // Faded is the frame and icon only: the text stays at full contrast.
  const float frame_alpha = faded ? 0.6f : 1.0f;
  const Tone edge = e.dropped ? Tone::Danger : e.reply ? Tone::Success : Tone::Accent;
  dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), col(ImGuiCol_WindowBg), t.line * 0.25f);
  dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), col(edge, frame_alpha), t.line * 0.25f, 0, faded ? 1.0f : 2.0f);
  // Each row's text is centred in its line.
  auto baseline = [&](int row, float font_size) {
    return p.y + m.pad + t.line * static_cast<float>(row) + (t.line - font_size) * 0.5f;
  };
  float x = p.x + m.pad;
  draw_envelope_icon(dl, ImVec2(x + m.icon_w * 0.5f, p.y + m.pad + t.line * 0.5f), m.icon_w, col(edge, frame_alpha));
  x += m.icon_w + m.gap;
  dl->AddText(t.bold, t.body_size, ImVec2(x, baseline(0, t.body_size)), col(Tone::Text), e.kind.c_str());
  x += text_width(t.bold, t.body_size, e.kind.c_str()) + m.gap;
  dl->AddText(t.body, t.body_size, ImVec2(x, baseline(0, t.body_size)), col(e.dropped ? Tone::Danger : Tone::Muted),
              e.caption.c_str());

  int row = 1;
  for (const EnvelopeLine* l : {&e.from, &e.to}) {
    float lx = p.x + m.pad;
    dl->AddText(t.body, t.body_size, ImVec2(lx, baseline(row, t.body_size)), col(Tone::Muted), l->label);
    lx += m.label_w;
    const float y = baseline(row, t.mono_size);
    if (l->rewritten()) {
      draw_rewrite(dl, ImVec2(lx, y), l->replaced, l->value, t);
    } else {
      dl->AddText(t.mono, t.mono_size, ImVec2(lx, y), col(Tone::Text), l->value.c_str());
    }
    ++row;
  }
}

}  // namespace portlab::ui::nat_drawing
