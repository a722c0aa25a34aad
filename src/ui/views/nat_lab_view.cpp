#include "ui/views/nat_lab_view.h"

#include <algorithm>
#include <cmath>
#include <cfloat>
#include <cstdlib>
#include <string>

#include "core/labs/nat_lab.h"
#include "core/nat/forwarding.h"
#include "ui/a11y/semantics.h"
#include "ui/widgets.h"
#include "ui/widgets/nat_drawing.h"

namespace portlab::ui {
namespace {

using labs::NatLab;
using labs::NatNode;
using labs::NatPacket;

// Letter keys by USB HID usage id (a = 4), as the platform reports them.
// P is the shell's presenter mode, so play/pause is K (as in video players).
constexpr int kKeyB = 5;
constexpr int kKeyK = 14;
constexpr int kKeyN = 17;

constexpr const char* kKeysHelp =
    "Keys: N steps forward, B steps back, K plays or pauses (when no text field is active).";

ImU32 colour(Tone t) { return ImGui::GetColorU32(tone(t)); }

// Two columns need room for the drawing and the controls in the first: the
// screen has it; a lesson step's lab pane usually stacks.
bool narrow() { return ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 52; }

// A combo's width that leaves room for its label on the same line.
float combo_width(const char* label, float widest) {
  const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(label).x -
                     ImGui::GetStyle().ItemInnerSpacing.x;
  return std::max(ImGui::GetFontSize() * 6, std::min(room, widest));
}

const char* action_words(const NatPacket& p) {
  switch (p.action) {
    case nat::Action::Translated:
      return "translated and delivered";
    case nat::Action::Delivered:
      return "delivered";
    case nat::Action::Dropped:
      return "dropped";
  }
  return "";
}

// Where along a polyline a fraction `t` of its length lies.
ImVec2 along(const std::vector<ImVec2>& points, float t) {
  if (points.size() == 1) return points.front();
  float total = 0;
  for (size_t i = 1; i < points.size(); ++i)
    total += std::hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
  float left = std::clamp(t, 0.0f, 1.0f) * total;
  for (size_t i = 1; i < points.size(); ++i) {
    ImVec2 a = points[i - 1], b = points[i];
    float len = std::hypot(b.x - a.x, b.y - a.y);
    if (left <= len && len > 0) {
      float f = left / len;
      return ImVec2(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f);
    }
    left -= len;
  }
  return points.back();
}

}  // namespace

void NatLabView::draw() {
  title(ctx_, "NAT Lab");
  draw_open_menu();
  // The open activity (a challenge tried from the list, a setup link's
  // goal) above the lab it is about; the lab's challenges and its setup
  // link below it.
  challenges_.draw_open(ctx_, "nat");
  draw_lab();
  // A teacher shares what is on screen, right below it; the challenge list
  // (long in the Bind Lab) follows.
  heading(ctx_, "Share this setup");
  share_.draw(ctx_, "nat");
  challenges_.draw(ctx_, "nat");
}

void NatLabView::draw_lab() {
  NatLab& lab = ctx_.model->nat();
  const bool reduced = ctx_.settings->reduced_motion;
  lab.advance(ImGui::GetIO().DeltaTime * 1000.0);
  // Without motion a step shows its end state at once; playing still
  // waits a step's time between events so the learner can read them.
  if (reduced && !lab.playing()) lab.finish_animation();
  if (shown_title_ != lab.title()) {
    shown_title_ = lab.title();
    rule_problem_.clear();
    hints_shown_ = 0;
  }
  handle_keys();

  heading(ctx_, lab.title().c_str());
  // Wide: the story (goal, controls, drawing, headers) on the left, what the
  // learner edits and the table on the right. Phone: one column, drawing
  // above the tables.
  const bool stack = narrow();
  const bool columns = !stack && ImGui::BeginTable("nat-columns", 2);
  if (columns) {
    ImGui::TableSetupColumn("story", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("edit", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableNextColumn();
  }
  if (lab.challenge()) draw_challenge();
  else if (!lab.description().empty()) paragraph(lab.description().c_str(), Tone::Muted);
  heading(ctx_, "Network");
  draw_controls();
  // The drawing's text alternative: a summary, a table of the devices and
  // one line per packet of the step. It tells the step, not where a packet
  // is on the wire, so it stays the same while packets travel.
  describe_drawing();
  a11y::begin(a11y::Role::Figure, "Network drawing", figure_summary_.c_str());
  draw_topology();
  a11y::end();
  draw_packets();
  if (columns) ImGui::TableNextColumn();
  if (columns) {
    draw_rules();
    draw_table();
    ImGui::EndTable();
  } else {
    draw_table();
    draw_rules();
  }
  animating_ = lab.playing() || (!reduced && lab.progress() < 1.0);
  // Check and rule changes above may have solved the built-in challenge:
  // progress keeps it (the model decides; cheap when nothing changed).
  ctx_.model->note_lab_challenges();
}

void NatLabView::handle_keys() {
  if (ImGui::GetIO().WantTextInput || ImGui::GetIO().KeyCtrl || ImGui::GetIO().KeyAlt) return;
  NatLab& lab = ctx_.model->nat();
  if (ImGui::IsKeyPressed(kKeyN)) lab.step_forward();
  if (ImGui::IsKeyPressed(kKeyB)) lab.step_back();
  if (ImGui::IsKeyPressed(kKeyK)) lab.playing() ? lab.pause() : lab.play();
}

void NatLabView::draw_open_menu() {
  NatLab& lab = ctx_.model->nat();
  ImGui::SetNextItemWidth(combo_width("Open", ImGui::GetFontSize() * 22));
  if (!begin_combo("Open", lab.title().c_str())) return;
  for (const std::string& id : NatLab::challenge_ids()) {
    std::string label = "Challenge: " + id;
    if (option(label.c_str(), lab.challenge_id() == id)) lab.open_challenge(id);
  }
  for (const std::string& name : lab.scenario_names()) {
    std::string label = "Scenario: " + name;
    if (option(label.c_str(), false)) lab.open_scenario(name);
  }
  ImGui::EndCombo();
}

void NatLabView::draw_controls() {
  NatLab& lab = ctx_.model->nat();
  auto button = [](const char* label, bool first = false) {
    if (!first) same_line_if_fits(button_width(label));
    return ImGui::Button(label);
  };
  ImGui::BeginDisabled(lab.step() == 0);
  if (button("Step back", true)) lab.step_back();
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", kKeysHelp);
  ImGui::BeginDisabled(lab.step() >= lab.event_count());
  if (button("Step")) lab.step_forward();
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", kKeysHelp);
  if (lab.playing()) {
    if (button("Pause")) lab.pause();
  } else if (button("Play")) {
    lab.play();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", kKeysHelp);
  if (button("Restart")) lab.restart();
  float speed = static_cast<float>(lab.speed());
  const float slider = ImGui::GetFontSize() * 9;
  same_line_if_fits(slider + ImGui::CalcTextSize("Speed").x + ImGui::GetStyle().ItemSpacing.x);
  ImGui::SetNextItemWidth(slider);
  if (slider_float("Speed", &speed, 0.25f, 4.0f, "%.2gx")) lab.set_speed(speed);

  const nat::Profile& current = lab.profile();
  ImGui::SetNextItemWidth(combo_width("NAT behaviour", ImGui::GetFontSize() * 18));
  if (begin_combo("NAT behaviour", current.name)) {
    for (const nat::Profile& p : nat::profiles())
      if (option(p.name, std::string(p.key) == current.key)) lab.set_profile(p.key);
    ImGui::EndCombo();
  }
  paragraph(current.summary, Tone::Muted);

  std::string where = "Step " + std::to_string(lab.step()) + " of " +
                      std::to_string(lab.event_count());
  if (lab.step() > 0) where += ": " + lab.records().back().title;
  else where += ": press Step or Play to send the first packet.";
  // Read out at each step: what happened now (the packet's own story
  // follows under "Packet headers").
  status(where.c_str());
}

namespace {

// Where the drawing puts each kind of box, as a fraction of its width: the
// LAN on the left, the NAT boxes, the internet cloud, then internet hosts.
float column_of(NatNode::Kind k, bool cgn) {
  switch (k) {
    case NatNode::Kind::LanHost:
      return cgn ? 0.1f : 0.12f;
    case NatNode::Kind::Router:
      return cgn ? 0.33f : 0.41f;
    case NatNode::Kind::Cgn:
      return 0.56f;
    case NatNode::Kind::InternetHost:
      return cgn ? 0.9f : 0.88f;
  }
  return 0.5f;
}
float cloud_column(bool cgn) { return cgn ? 0.74f : 0.66f; }

// `from` moved `by` pixels towards `to` (at most the whole way).
ImVec2 towards(ImVec2 from, ImVec2 to, float by) {
  const float len = std::hypot(to.x - from.x, to.y - from.y);
  if (len <= 0) return from;
  const float f = std::min(by / len, 0.45f);
  return ImVec2(from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f);
}

// The fraction of a polyline's length at which its point `index` lies.
float fraction_at(const std::vector<ImVec2>& points, size_t index) {
  float total = 0, upto = 0;
  for (size_t i = 1; i < points.size(); ++i) {
    const float len = std::hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
    total += len;
    if (i <= index) upto += len;
  }
  return total > 0 ? upto / total : 0.0f;
}

// Where a packet's polyline passes the NAT boxes (point indices; npos
// when it does not).
struct BoxPoints {
  size_t router = std::string::npos, cgn = std::string::npos;
  size_t of(const std::string& box) const {
    return box == "cgn" ? cgn : box == "router" ? router : std::string::npos;
  }
};

}  // namespace

void NatLabView::draw_topology() {
  namespace nd = nat_drawing;
  NatLab& lab = ctx_.model->nat();
  const std::vector<NatNode>& nodes = lab.nodes();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float width = ImGui::GetContentRegionAvail().x;
  const float fs = ImGui::GetFontSize();
  // Smaller glyphs and text on a phone (or a narrow lesson column), so the
  // addresses stay readable side by side.
  const bool small = width < fs * 30;
  const FontSet* fonts = ctx_.fonts;
  const nd::Type type = nd::make_type(fonts ? fonts->body : nullptr, fonts ? fonts->bold : nullptr,
                                      fonts ? fonts->mono : nullptr, small);
  const bool cgn = lab.network().cgn() != nullptr;
  int lan = 0, internet = 0;
  for (const NatNode& n : nodes) {
    lan += n.kind == NatNode::Kind::LanHost;
    internet += n.kind == NatNode::Kind::InternetHost;
  }
  const float pad = fs * 0.6f;
  const float glyph = fs * (small ? 2.1f : 2.6f);
  const float row = glyph + type.line * 2 + fs * 0.9f;
  const float caption = type.line * 1.2f;
  const int rows = std::max({lan, internet, 1});
  // The step's rewrites are written beside the NAT box that made them, on
  // strips of their own so they never cover a host: the router's over the
  // hosts, the carrier NAT's under them, each tied to its box by a line.
  // Room for all of them is kept from the start of the step, so nothing
  // jumps while packets travel.
  size_t router_lines = 0, cgn_lines = 0;
  if (lab.step() > 0)
    for (const NatPacket& p : lab.records().back().packets)
      for (const nat_drawing::Rewrite& w : nat_drawing::rewrites(p)) ++(w.box == "cgn" ? cgn_lines : router_lines);
  auto strip = [&](size_t lines) { return lines ? (static_cast<float>(lines) + 0.4f) * type.line : 0.0f; };
  const float extra_top = strip(router_lines);
  const float extra_bottom = strip(cgn_lines);
  const float drawing_h = caption + extra_top + row * static_cast<float>(rows) + extra_bottom;

  // The newest step's packets, one after another: which one is moving and
  // how far along it is.
  const std::vector<NatPacket>* packets = nullptr;
  if (lab.step() > 0 && !lab.records().back().packets.empty()) packets = &lab.records().back().packets;
  const float progress = ctx_.settings->reduced_motion ? 1.0f : static_cast<float>(lab.progress());
  size_t moving = 0;
  float t = 1.0f;
  if (packets) {
    const float n = static_cast<float>(packets->size());
    moving = std::min(packets->size() - 1, static_cast<size_t>(progress * n));
    t = progress >= 1.0f ? 1.0f : progress * n - static_cast<float>(moving);
  }

  // The band under the drawing: one row of envelope cards per packet, the
  // sender's copy under the sender and what arrived under the receiver
  // (stacked when they would overlap). Laid out for every packet of the
  // step at once, so the height does not jump while they travel.
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  centres_.resize(nodes.size());
  {
    int lan_i = 0, net_i = 0;
    const float top = origin.y + caption + extra_top;
    const float middle = top + row * static_cast<float>(rows) * 0.5f;
    // Each column is centred on the middle, so one host sits level with the router.
    auto host_y = [&](int i, int count) {
      return middle + row * (static_cast<float>(i) - static_cast<float>(count - 1) * 0.5f) -
             type.line;
    };
    for (size_t i = 0; i < nodes.size(); ++i) {
      const NatNode& nd_ = nodes[i];
      float y = middle - type.line;
      if (nd_.kind == NatNode::Kind::LanHost) y = host_y(lan_i++, lan);
      if (nd_.kind == NatNode::Kind::InternetHost) y = host_y(net_i++, internet);
      centres_[i] = ImVec2(origin.x + width * column_of(nd_.kind, cgn), y);
    }
  }
  const ImVec2 cloud(origin.x + width * cloud_column(cgn), origin.y + caption + extra_top +
                                                               row * static_cast<float>(rows) * 0.5f -
                                                               type.line);
  auto index_of = [&](const std::string& id) -> int {
    for (size_t i = 0; i < nodes.size(); ++i)
      if (nodes[i].id == id) return static_cast<int>(i);
    return -1;
  };
  auto is_nat_box = [&](const std::string& id) { return id == "router" || id == "cgn"; };
  // A packet's polyline: node centres, through the cloud between a NAT box
  // and an internet host; an address with no box is the internet itself.
  // `boxes` receives where it passes the NAT boxes.
  auto build_path = [&](const NatPacket& p, std::vector<ImVec2>& points, BoxPoints* boxes) {
    points.clear();
    *boxes = BoxPoints{};
    for (size_t k = 0; k < p.path.size(); ++k) {
      const int i = index_of(p.path[k]);
      const bool inet = i < 0 || nodes[static_cast<size_t>(i)].kind == NatNode::Kind::InternetHost;
      if (k > 0 && inet && is_nat_box(p.path[k - 1])) points.push_back(cloud);
      if (p.path[k] == "router") boxes->router = points.size();
      if (p.path[k] == "cgn") boxes->cgn = points.size();
      points.push_back(i < 0 ? cloud : centres_[static_cast<size_t>(i)]);
      if (k + 1 < p.path.size() && inet && is_nat_box(p.path[k + 1]) && i >= 0) points.push_back(cloud);
    }
    // Start and stop beside the glyphs rather than on them.
    if (points.size() >= 2) {
      points.front() = towards(points.front(), points[1], glyph * 0.5f);
      points.back() = towards(points.back(), points[points.size() - 2], glyph * 0.55f);
    }
  };

  struct RowLayout {
    nd::Envelope sent, arrived;
    ImVec2 sent_size, arrived_size;
    float sent_x = 0, arrived_x = 0;  // left edges at rest
    bool stacked = false;
    float reason_h = 0, height = 0;
  };
  std::vector<RowLayout> layout;
  const float gap = fs * 0.5f;
  const float reason_wrap = width - pad * 2;
  float band_h = 0;
  auto clamp_left = [&](float centre, float w) {
    return std::clamp(centre - w * 0.5f, origin.x + pad, std::max(origin.x + pad, origin.x + width - pad - w));
  };
  if (packets) {
    for (const NatPacket& p : *packets) {
      RowLayout r;
      r.sent = nd::sent_envelope(p);
      r.arrived = nd::arrived_envelope(p);
      r.sent_size = nd::envelope_card_size(r.sent, type);
      r.arrived_size = nd::envelope_card_size(r.arrived, type);
      BoxPoints ignored;
      build_path(p, path_points_, &ignored);
      const float from_x = path_points_.empty() ? origin.x : path_points_.front().x;
      const float to_x = path_points_.empty() ? origin.x : path_points_.back().x;
      r.sent_x = clamp_left(from_x, r.sent_size.x);
      r.arrived_x = clamp_left(to_x, r.arrived_size.x);
      const float lo = std::min(r.sent_x, r.arrived_x);
      const float lo_w = lo == r.sent_x ? r.sent_size.x : r.arrived_size.x;
      const float hi = std::max(r.sent_x, r.arrived_x);
      r.stacked = lo + lo_w + gap * 3 > hi || r.sent_x == r.arrived_x;
      r.height = r.stacked ? r.sent_size.y + gap + r.arrived_size.y
                           : std::max(r.sent_size.y, r.arrived_size.y);
      if (p.action == nat::Action::Dropped && !p.reason.empty()) {
        r.reason_h = type.body->CalcTextSizeA(type.body_size, FLT_MAX, reason_wrap, p.reason.c_str()).y;
        r.height += gap * 0.5f + r.reason_h;
      }
      band_h += r.height + gap;
      layout.push_back(std::move(r));
    }
    band_h += gap;
  }

  const float height = drawing_h + band_h + pad * 0.5f;
  ImGui::Dummy(ImVec2(width, height));
  dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), colour(Tone::CardBackground), 6.0f);
  if (packets)
    dl->AddLine(ImVec2(origin.x + pad, origin.y + drawing_h), ImVec2(origin.x + width - pad, origin.y + drawing_h),
                ImGui::GetColorU32(ImGuiCol_Border));
  // Side captions.
  dl->AddText(type.bold, type.body_size, ImVec2(origin.x + pad, origin.y + pad * 0.5f), colour(Tone::Muted),
              "Home network (LAN)");
  {
    const char* net_caption = "Internet";
    const float w = type.bold->CalcTextSizeA(type.body_size, FLT_MAX, 0, net_caption).x;
    dl->AddText(type.bold, type.body_size, ImVec2(origin.x + width - pad - w, origin.y + pad * 0.5f),
                colour(Tone::Muted), net_caption);
  }

  // Wires: LAN hosts to the router, the router (through the CGN) to the
  // cloud, the cloud to each internet host.
  const int router_i = index_of("router");
  const int cgn_i = index_of("cgn");
  const ImVec2 router = router_i >= 0 ? centres_[static_cast<size_t>(router_i)] : cloud;
  const ImVec2 edge = cgn_i >= 0 ? centres_[static_cast<size_t>(cgn_i)] : router;
  const ImU32 wire = colour(Tone::Muted);
  const float wire_w = std::max(1.5f, fs * 0.1f);
  if (cgn_i >= 0) dl->AddLine(router, edge, wire, wire_w);
  dl->AddLine(edge, cloud, wire, wire_w);
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].kind == NatNode::Kind::LanHost) dl->AddLine(centres_[i], router, wire, wire_w);
    if (nodes[i].kind == NatNode::Kind::InternetHost) dl->AddLine(cloud, centres_[i], wire, wire_w);
  }

  // Routes taken so far, highlighted (a paused step still shows them), and
  // which NAT box has rewritten a packet by now.
  std::vector<nat_drawing::Rewrite> router_done, cgn_done;
  if (packets) {
    for (size_t k = 0; k <= moving; ++k) {
      const NatPacket& p = (*packets)[k];
      BoxPoints boxes;
      build_path(p, path_points_, &boxes);
      if (path_points_.empty()) continue;
      const bool arrived = k < moving || t >= 1.0f;
      const float reach = arrived ? 1.0f : t;
      const ImU32 route = colour(p.reply ? Tone::Success : Tone::Accent);
      ImVec2 prev = path_points_.front();
      for (int s = 1; s <= 24; ++s) {
        const ImVec2 next = along(path_points_, reach * static_cast<float>(s) / 24.0f);
        dl->AddLine(prev, next, route, wire_w * 2.0f);
        prev = next;
      }
      for (const nd::Rewrite& w : nd::rewrites(p)) {
        const size_t at = boxes.of(w.box);
        if (at == std::string::npos || reach < fraction_at(path_points_, at)) continue;
        (w.box == "cgn" ? cgn_done : router_done).push_back(w);
      }
    }
  }

  // The glyphs, each with its name and address under it on a plate of the
  // background colour (wires pass behind the text, never through it).
  auto label = [&](ImVec2 centre, const char* text, ImFont* font, float size, float y, ImU32 c,
                   float room) {
    float w = font->CalcTextSizeA(size, FLT_MAX, 0, text).x;
    // Shrink a label that would run into its neighbour, down to a floor.
    if (w > room) {
      const float shrunk = std::max(size * room / w, size * 0.75f);
      w = w * shrunk / size;
      size = shrunk;
    }
    const float x = centre.x - std::min(w, room) * 0.5f;
    const ImVec4 clip(x - 1, y - 1, x + std::min(w, room) + 1, y + size * 1.3f);
    dl->AddRectFilled(ImVec2(clip.x - 2, clip.y), ImVec2(clip.z + 2, clip.w), colour(Tone::CardBackground), 3.0f);
    dl->AddText(font, size, ImVec2(x, y), c, text, nullptr, 0, &clip);
  };
  const float room = width * 0.22f;
  if (a11y::current()) {
    a11y::begin(a11y::Role::Table, "Devices");
    a11y::begin(a11y::Role::Row, "");
    const ImVec2 top(origin.x, origin.y);
    const ImVec2 bottom(origin.x + width, origin.y + caption);
    for (const char* h : {"Device", "Address", "Where"}) a11y::text_at(a11y::Role::ColumnHeader, h, top, bottom);
    a11y::end();
  }
  for (size_t i = 0; i < nodes.size(); ++i) {
    const NatNode& n = nodes[i];
    const ImVec2 c = centres_[i];
    const bool rewrote = (n.id == "router" && !router_done.empty()) || (n.id == "cgn" && !cgn_done.empty());
    nd::draw_device(dl, nd::device_for(n), c, glyph, rewrote);
    const float y = c.y + glyph * 0.5f + fs * 0.15f;
    const char* name = n.name.empty() ? "host" : n.name.c_str();
    label(c, name, n.kind == NatNode::Kind::Router || n.kind == NatNode::Kind::Cgn ? type.bold : type.body,
          type.body_size, y, colour(Tone::Text), room);
    label(c, n.address.c_str(), type.mono, type.mono_size, y + type.line, colour(Tone::Muted), room);
    if (a11y::current()) {
      // A row of the devices table, its cells over the drawn name and address.
      const float x0 = c.x - room * 0.5f, x1 = c.x + room * 0.5f;
      a11y::begin(a11y::Role::Row, name);
      a11y::text_at(a11y::Role::Cell, name, ImVec2(x0, y), ImVec2(x1, y + type.line));
      a11y::text_at(a11y::Role::Cell, n.address.c_str(), ImVec2(x0, y + type.line), ImVec2(x1, y + type.line * 2));
      a11y::text_at(a11y::Role::Cell,
                    n.kind == NatNode::Kind::LanHost        ? "home network"
                    : n.kind == NatNode::Kind::InternetHost ? "internet"
                                                            : "address translator",
                    ImVec2(x0, y + type.line), ImVec2(x1, y + type.line * 2));
      a11y::end();
    }
  }
  if (a11y::current()) a11y::end();  // the devices table
  nd::draw_device(dl, nd::Device::Cloud, cloud, glyph * 1.25f, false);
  label(cloud, "internet", type.body, type.body_size, cloud.y + glyph * 0.5f + fs * 0.15f, colour(Tone::Muted),
        room);
  // Each rewrite on its box's strip: "src", the old value struck through,
  // an arrow, the new value; a line from the strip to the box.
  const ImU32 tie = colour(Tone::Warning);
  auto draw_rewrites = [&](const std::vector<nd::Rewrite>& done, ImVec2 c, float first_y, float step_y) {
    float y = first_y;
    for (const nd::Rewrite& w : done) {
      const char* field = w.source ? "src" : "dst";
      const float fw = type.body->CalcTextSizeA(type.body_size, FLT_MAX, 0, field).x + fs * 0.3f;
      const float total = fw + nd::rewrite_width(w.from, w.to, type);
      const float x = std::clamp(c.x - total * 0.5f, origin.x + pad * 0.5f,
                                 std::max(origin.x + pad * 0.5f, origin.x + width - pad * 0.5f - total));
      const float ty = y + (type.line - type.mono_size) * 0.5f;
      dl->AddRectFilled(ImVec2(x - 3, y), ImVec2(x + total + 3, y + type.line), colour(Tone::CardBackground), 3.0f);
      dl->AddText(type.body, type.body_size, ImVec2(x, y + (type.line - type.body_size) * 0.5f), colour(Tone::Muted),
                  field);
      nd::draw_rewrite(dl, ImVec2(x + fw, ty), w.from, w.to, type);
      y += step_y;
    }
  };
  if (router_i >= 0 && !router_done.empty()) {
    const ImVec2 c = centres_[static_cast<size_t>(router_i)];
    const float top = origin.y + caption;
    dl->AddLine(ImVec2(c.x, top + type.line * static_cast<float>(router_done.size())),
                ImVec2(c.x, c.y - glyph * 0.5f), tie, 1.0f);
    draw_rewrites(router_done, c, top, type.line);
  }
  if (cgn_i >= 0 && !cgn_done.empty()) {
    const ImVec2 c = centres_[static_cast<size_t>(cgn_i)];
    const float top = origin.y + drawing_h - extra_bottom + type.line * 0.2f;
    dl->AddLine(ImVec2(c.x, c.y + glyph * 0.5f + fs * 0.15f + type.line * 2.0f), ImVec2(c.x, top), tie, 1.0f);
    draw_rewrites(cgn_done, c, top, type.line);
  }
  if (!packets) return;

  // Envelopes on the wires and their cards in the band.
  float band_y = origin.y + drawing_h + gap;
  const float icon = fs * (small ? 1.1f : 1.3f);
  if (a11y::current()) a11y::begin(a11y::Role::List, "Packets of this step");
  for (size_t k = 0; k < packets->size(); ++k) {
    const NatPacket& p = (*packets)[k];
    const RowLayout& r = layout[k];
    const float row_y = band_y;
    band_y += r.height + gap;
    // Each packet's whole story, over its row of cards, from the start of
    // the step: it does not follow the envelope along the wire.
    if (k < packet_lines_.size())
      a11y::text_at(a11y::Role::ListItem, packet_lines_[k].c_str(), ImVec2(origin.x + pad, row_y),
                    ImVec2(origin.x + width - pad, row_y + r.height));
    if (k > moving) continue;
    BoxPoints boxes;
    build_path(p, path_points_, &boxes);
    if (path_points_.empty()) continue;
    const bool arrived = k < moving || t >= 1.0f;
    const float reach = arrived ? 1.0f : t;
    const ImVec2 at = along(path_points_, reach);
    const Tone tone_of = p.reply ? Tone::Success : Tone::Accent;
    const bool dropped = arrived && p.action == nat::Action::Dropped;
    if (dropped) {
      nd::draw_cross(dl, at, fs * 0.45f, colour(Tone::Danger));
      const std::string words = "dropped";
      const float w = type.bold->CalcTextSizeA(type.body_size, FLT_MAX, 0, words.c_str()).x;
      dl->AddText(type.bold, type.body_size, ImVec2(at.x - w * 0.5f, at.y - fs * 0.6f - type.line),
                  colour(Tone::Danger), words.c_str());
    } else {
      nd::draw_envelope_icon(dl, ImVec2(at.x, at.y - (arrived ? icon * 0.5f : 0.0f)), icon, colour(tone_of));
    }

    // The sender's copy stays under the sender; the travelling card follows
    // the packet and turns into what arrived once it passes the NAT box.
    const float sent_y = row_y;
    const float arrived_y = r.stacked ? row_y + r.sent_size.y + gap : row_y;
    nd::draw_envelope_card(dl, ImVec2(r.sent_x, sent_y), r.sent, type, true);
    if (arrived) {
      if (!r.stacked) {
        // An arrow from the sent card to what arrived, in the packet's direction.
        const bool rightwards = r.arrived_x > r.sent_x;
        const float y = row_y + std::min(r.sent_size.y, r.arrived_size.y) * 0.5f;
        const float a = rightwards ? r.sent_x + r.sent_size.x + gap * 0.5f : r.sent_x - gap * 0.5f;
        const float b = rightwards ? r.arrived_x - gap * 0.5f : r.arrived_x + r.arrived_size.x + gap * 0.5f;
        nd::draw_arrow(dl, ImVec2(a, y), ImVec2(b, y), colour(tone_of), wire_w * 1.5f);
      }
      nd::draw_envelope_card(dl, ImVec2(r.arrived_x, arrived_y), r.arrived, type, false);
    } else {
      const nd::Envelope on_way = nd::travelling_envelope(p, [&](const std::string& box) {
        const size_t i = boxes.of(box);
        return i != std::string::npos && reach >= fraction_at(path_points_, i);
      });
      const ImVec2 size = nd::envelope_card_size(on_way, type);
      nd::draw_envelope_card(dl, ImVec2(clamp_left(at.x, size.x), arrived_y), on_way, type, false);
    }
    if (dropped && r.reason_h > 0) {
      const float y = row_y + r.height - r.reason_h;
      dl->AddText(type.body, type.body_size, ImVec2(origin.x + pad, y), colour(Tone::Danger), p.reason.c_str(),
                  nullptr, reason_wrap);
    }
  }
  if (a11y::current()) a11y::end();  // the packets
}

void NatLabView::describe_drawing() {
  namespace nd = nat_drawing;
  if (!a11y::current()) return;  // only assistive technology reads it
  NatLab& lab = ctx_.model->nat();
  const std::string key = lab.title() + '\n' + std::to_string(lab.step()) + '/' +
                          std::to_string(lab.event_count()) + '\n' + lab.profile().key + '\n' +
                          std::to_string(lab.nodes().size()) + '/' + std::to_string(lab.table().size());
  if (key == figure_key_) return;
  figure_key_ = key;
  std::string lan, boxes, internet;
  for (const NatNode& n : lab.nodes()) {
    const std::string one = (n.name.empty() ? std::string("host") : n.name) + " " + n.address;
    std::string& to = n.kind == NatNode::Kind::LanHost        ? lan
                      : n.kind == NatNode::Kind::InternetHost ? internet
                                                              : boxes;
    to += (to.empty() ? "" : ", ") + one;
  }
  figure_summary_ = "Home network: " + (lan.empty() ? std::string("no host") : lan) + ". Behind " +
                    (boxes.empty() ? std::string("no NAT") : boxes) + ". Internet: " +
                    (internet.empty() ? std::string("no host") : internet) + ".";
  packet_lines_.clear();
  if (lab.step() == 0) {
    figure_summary_ += " No packet sent yet.";
    return;
  }
  const auto& record = lab.records().back();
  figure_summary_ += " Step " + std::to_string(lab.step()) + ": " + record.title;
  for (const NatPacket& p : record.packets) {
    const nd::Envelope sent = nd::sent_envelope(p);
    const nd::Envelope got = nd::arrived_envelope(p);
    std::string line = std::string(p.reply ? "The answer, " : "The packet, ") + sent.kind + ": sent from " +
                       sent.from.value + " to " + sent.to.value + ".";
    for (const nd::Rewrite& w : nd::rewrites(p))
      line += std::string(" The ") + (w.box == "cgn" ? "carrier NAT" : "router") + " rewrites the " +
              (w.source ? "source " : "destination ") + w.from + " to " + w.to + ".";
    if (got.dropped) {
      line += " Dropped at " + nd::stop_place(p) + ": " + p.reason;
    } else {
      line += std::string(" ") + (p.reply ? "Answer received" : "Received") + " from " + got.from.value +
              " to " + got.to.value + ": " + action_words(p) + ".";
    }
    packet_lines_.push_back(std::move(line));
  }
}

void NatLabView::draw_packets() {
  NatLab& lab = ctx_.model->nat();
  heading(ctx_, "Packet headers");
  if (lab.step() == 0) {
    paragraph("No packet yet.", Tone::Muted);
    return;
  }
  const auto& record = lab.records().back();
  if (record.packets.empty()) {
    paragraph(record.summary.c_str());
    return;
  }
  int index = 0;
  for (const NatPacket& p : record.packets) {
    ImGui::PushID(index++);
    ui::text(p.reply ? "The answer" : "The packet");
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
    const ImVec2 size(0, ImGui::GetTextLineHeightWithSpacing() * 4.2f);
    if (ImGui::BeginTable("headers", 4, flags, size)) {
      ImGui::TableSetupColumn("##When");
      ImGui::TableSetupColumn("Protocol");
      ImGui::TableSetupColumn("Source");
      ImGui::TableSetupColumn("Destination");
      table_headers_row();
      // `changed`: a value a NAT rewrote, in the drawing's rewrite colour.
      auto endpoint = [this](const net::Endpoint& e, bool changed) {
        ImGui::TableNextColumn();
        if (changed) ImGui::PushStyleColor(ImGuiCol_Text, tone(Tone::Warning));
        mono(ctx_, net::to_string(e).c_str());
        if (changed) ImGui::PopStyleColor();
      };
      auto row = [&](const char* when, const nat::Packet& pk, const nat::Packet* before) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ui::text(when);
        ImGui::TableNextColumn();
        std::string proto = net::to_string(pk.proto);
        if (pk.proto == net::Transport::Tcp) proto += " " + nat::describe_tcp_flags(pk.tcp_flags);
        ui::text(proto.c_str());
        endpoint(pk.src, before && !(before->src == pk.src));
        endpoint(pk.dst, before && !(before->dst == pk.dst));
      };
      row("Before", p.before, nullptr);
      row(p.action == nat::Action::Dropped ? "When dropped" : "After", p.after, &p.before);
      ImGui::EndTable();
    }
    std::string outcome = std::string("Outcome: ") + action_words(p);
    if (!p.dropped_at.empty()) outcome += " at " + p.dropped_at;
    status(outcome.c_str(), p.action == nat::Action::Dropped ? Tone::Warning : Tone::Success);
    status(p.reason.c_str());
    if (ImGui::TreeNodeEx("What each box did", ImGuiTreeNodeFlags_FramePadding)) {
      for (const nat::Step& s : p.steps) {
        std::string text = s.where + ": " + s.explanation;
        if (!s.rule.empty()) text += " (" + s.rule + ")";
        if (s.approximate) text += " [approximate]";
        paragraph(text.c_str(), Tone::Muted);
      }
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
}

void NatLabView::draw_table() {
  NatLab& lab = ctx_.model->nat();
  heading(ctx_, "NAT table");
  if (lab.table().empty()) {
    paragraph("Empty: no flow has crossed the router yet.", Tone::Muted);
    return;
  }
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
      ImGuiTableFlags_SizingFixedFit;
  const float rows = static_cast<float>(lab.table().size() + 1);
  const float height = std::min(rows, 9.0f) * ImGui::GetTextLineHeightWithSpacing() * 1.25f;
  if (!ImGui::BeginTable("nat-table", 7, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const char* h : {"NAT", "Protocol", "Inside", "Outside", "Remote", "State", "Expires in"})
    ImGui::TableSetupColumn(h);
  table_headers_row();
  for (const auto& r : lab.table()) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ui::text(r.nat.c_str());
    ImGui::TableNextColumn();
    ui::text(r.proto.c_str());
    ImGui::TableNextColumn();
    mono(ctx_, r.inside.c_str());
    ImGui::TableNextColumn();
    mono(ctx_, r.outside.c_str());
    ImGui::TableNextColumn();
    mono(ctx_, r.remote.c_str());
    ImGui::TableNextColumn();
    ui::text(r.state.c_str());
    ImGui::TableNextColumn();
    textf("%lld s", r.expires_in_s);
  }
  ImGui::EndTable();
}

void NatLabView::draw_rules() {
  NatLab& lab = ctx_.model->nat();
  heading(ctx_, "Forwarding rules");
  for (const nat::ForwardRule& r : lab.scenario_rules())
    paragraph(("Set by the scenario: " + nat::describe(r)).c_str(), Tone::Muted);
  int id = 0;
  for (const nat::ForwardRule& r : lab.rules()) {
    ImGui::PushID(id);
    std::string text = nat::describe(r);
    mono(ctx_, text.c_str());
    ImGui::SameLine();
    std::string remove = "Remove " + text;
    if (ImGui::Button(("Remove##" + std::to_string(id)).c_str())) {
      lab.remove_rule(static_cast<size_t>(id));
      ImGui::PopID();
      break;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", remove.c_str());
    ImGui::PopID();
    ++id;
  }
  if (lab.rules().empty()) paragraph("You have added no rule.", Tone::Muted);

  const float field = ImGui::GetFontSize() * 8;
  ImGui::SetNextItemWidth(field);
  text_field("Protocol", protocol_, sizeof protocol_, ImGuiInputTextFlags_AutoSelectAll);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("tcp, udp or both");
  same_line_if_fits(field + ImGui::CalcTextSize("External port").x + 8);
  ImGui::SetNextItemWidth(field);
  text_field("External port", external_port_, sizeof external_port_,
             ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_AutoSelectAll, "1-65535");
  ImGui::SetNextItemWidth(field);
  text_field("Internal address", address_, sizeof address_);
  same_line_if_fits(field + ImGui::CalcTextSize("Internal port").x + 8);
  ImGui::SetNextItemWidth(field);
  text_field("Internal port", internal_port_, sizeof internal_port_,
             ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_AutoSelectAll, "1-65535");
  if (ImGui::Button("Add rule")) {
    labs::NatRuleInput in;
    in.proto = protocol_;
    in.external_port = std::atoi(external_port_);
    in.internal_address = address_;
    in.internal_port = std::atoi(internal_port_);
    rule_problem_ = lab.add_rule(in);
  }
  if (!rule_problem_.empty()) alert(rule_problem_.c_str(), Tone::Warning);
}

void NatLabView::draw_challenge() {
  NatLab& lab = ctx_.model->nat();
  const labs::NatChallenge& c = *lab.challenge();
  paragraph(c.goal.c_str());
  if (!c.choices.empty()) {
    ui::text("NAT behaviour to try:");
    for (const auto& choice : c.choices) {
      same_line_if_fits(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                        ImGui::CalcTextSize(choice.label.c_str()).x);
      if (radio(choice.label.c_str(), lab.chosen() == choice.key))
        lab.choose(choice.key);
    }
  }
  if (ImGui::Button("Check")) lab.check();
  if (hints_shown_ < static_cast<int>(c.hints.size())) {
    same_line_if_fits(button_width("Show a hint"));
    if (ImGui::Button("Show a hint")) ++hints_shown_;
  }
  for (int i = 0; i < hints_shown_ && i < static_cast<int>(c.hints.size()); ++i)
    paragraph(("Hint: " + c.hints[static_cast<size_t>(i)]).c_str(), Tone::Muted);
  if (c.solved) status("Solved!", Tone::Success);
  if (!c.engine_showed.empty())
    status(c.engine_showed.c_str(), c.solved ? Tone::Success : Tone::Warning);
}

}  // namespace portlab::ui
