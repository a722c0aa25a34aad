#include "ui/views/nat_lab_view.h"

#include <algorithm>
#include <cmath>
#include <cfloat>
#include <string>

#include "core/labs/nat_lab.h"
#include "core/nat/forwarding.h"
#include "ui/widgets.h"

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

bool narrow() { return ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 40; }

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

  title(ctx_, "NAT Lab");
  draw_open_menu();
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
  draw_topology();
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
  if (!ImGui::BeginCombo("Open", lab.title().c_str())) return;
  for (const std::string& id : NatLab::challenge_ids()) {
    std::string label = "Challenge: " + id;
    if (ImGui::Selectable(label.c_str(), lab.challenge_id() == id)) lab.open_challenge(id);
  }
  for (const std::string& name : lab.scenario_names()) {
    std::string label = "Scenario: " + name;
    if (ImGui::Selectable(label.c_str(), false)) lab.open_scenario(name);
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
  if (ImGui::SliderFloat("Speed", &speed, 0.25f, 4.0f, "%.2gx")) lab.set_speed(speed);

  const nat::Profile& current = lab.profile();
  ImGui::SetNextItemWidth(combo_width("NAT behaviour", ImGui::GetFontSize() * 18));
  if (ImGui::BeginCombo("NAT behaviour", current.name)) {
    for (const nat::Profile& p : nat::profiles())
      if (ImGui::Selectable(p.name, std::string(p.key) == current.key)) lab.set_profile(p.key);
    ImGui::EndCombo();
  }
  paragraph(current.summary, Tone::Muted);

  std::string where = "Step " + std::to_string(lab.step()) + " of " +
                      std::to_string(lab.event_count());
  if (lab.step() > 0) where += ": " + lab.records().back().title;
  else where += ": press Step or Play to send the first packet.";
  paragraph(where.c_str());
}

void NatLabView::draw_topology() {
  NatLab& lab = ctx_.model->nat();
  const std::vector<NatNode>& nodes = lab.nodes();
  const float width = ImGui::GetContentRegionAvail().x;
  const float line = ImGui::GetTextLineHeightWithSpacing();
  int lan = 0, internet = 0;
  for (const NatNode& n : nodes) {
    lan += n.kind == NatNode::Kind::LanHost;
    internet += n.kind == NatNode::Kind::InternetHost;
  }
  const float row = line * 3.2f;
  const float height = row * static_cast<float>(std::max({lan, internet, 1})) + line * 2.5f;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(width, height));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height),
                    colour(Tone::CardBackground), 6.0f);
  const bool cgn = lab.network().cgn() != nullptr;
  // Wider boxes and smaller text on a phone, so addresses stay readable.
  const bool small = width < ImGui::GetFontSize() * 30;
  const float box_w = std::min(width * (cgn ? 0.2f : 0.3f), ImGui::GetFontSize() * 10);
  const float text_size = ImGui::GetFontSize() * (small ? 0.8f : 1.0f);
  ImFont* font = ImGui::GetFont();
  auto text_w = [&](const char* t) { return font->CalcTextSizeA(text_size, FLT_MAX, 0, t).x; };
  const float box_h = line * 2.2f;
  const float top = origin.y + line * 1.6f;
  auto column_x = [&](NatNode::Kind k) {
    switch (k) {
      case NatNode::Kind::LanHost:
        return cgn ? 0.13f : 0.16f;
      case NatNode::Kind::Router:
        return cgn ? 0.38f : 0.5f;
      case NatNode::Kind::Cgn:
        return 0.62f;
      case NatNode::Kind::InternetHost:
        return cgn ? 0.87f : 0.84f;
    }
    return 0.5f;
  };
  // Side captions.
  dl->AddText(ImVec2(origin.x + 6, origin.y + 4), colour(Tone::Muted), "LAN");
  const char* net_caption = "Internet";
  dl->AddText(ImVec2(origin.x + width - ImGui::CalcTextSize(net_caption).x - 6, origin.y + 4),
              colour(Tone::Muted), net_caption);

  centres_.resize(nodes.size());
  int lan_i = 0, net_i = 0;
  const float middle = top + (height - line * 2.5f) * 0.5f;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const NatNode& n = nodes[i];
    float y = middle;
    if (n.kind == NatNode::Kind::LanHost) y = top + row * (static_cast<float>(lan_i++) + 0.5f);
    if (n.kind == NatNode::Kind::InternetHost) y = top + row * (static_cast<float>(net_i++) + 0.5f);
    centres_[i] = ImVec2(origin.x + width * column_x(n.kind), y);
  }
  auto centre_of = [&](const std::string& id) {
    for (size_t i = 0; i < nodes.size(); ++i)
      if (nodes[i].id == id) return centres_[i];
    return centres_.empty() ? origin : centres_[0];
  };
  // Links: LAN hosts to the router, the router (through the CGN) to the internet.
  const ImVec2 router = centre_of("router");
  const ImVec2 edge = cgn ? centre_of("cgn") : router;
  if (cgn) dl->AddLine(router, edge, colour(Tone::Muted), 2.0f);
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].kind == NatNode::Kind::LanHost)
      dl->AddLine(centres_[i], router, colour(Tone::Muted), 2.0f);
    if (nodes[i].kind == NatNode::Kind::InternetHost)
      dl->AddLine(edge, centres_[i], colour(Tone::Muted), 2.0f);
  }
  // Boxes: name on the first line, address on the second.
  for (size_t i = 0; i < nodes.size(); ++i) {
    const NatNode& n = nodes[i];
    const bool box_of_nat = n.kind == NatNode::Kind::Router || n.kind == NatNode::Kind::Cgn;
    ImVec2 a(centres_[i].x - box_w * 0.5f, centres_[i].y - box_h * 0.5f);
    ImVec2 b(centres_[i].x + box_w * 0.5f, centres_[i].y + box_h * 0.5f);
    dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_WindowBg), 4.0f);
    dl->AddRect(a, b, colour(box_of_nat ? Tone::Accent : Tone::Text), 4.0f, 0,
                box_of_nat ? 2.5f : 1.0f);
    const char* name = n.name.empty() ? "host" : n.name.c_str();
    ImVec4 clip(a.x + 2, a.y, b.x - 2, b.y);
    float nx = centres_[i].x - std::min(text_w(name), box_w - 4) * 0.5f;
    dl->AddText(font, text_size, ImVec2(nx, a.y + 2), colour(Tone::Text), name, nullptr, 0,
                &clip);
    float ax = centres_[i].x - std::min(text_w(n.address.c_str()), box_w - 4) * 0.5f;
    dl->AddText(font, text_size, ImVec2(ax, a.y + 2 + line), colour(Tone::Muted),
                n.address.c_str(), nullptr, 0, &clip);
  }
  // The newest step's packets travel one after another along their paths.
  if (lab.step() == 0) return;
  const auto& packets = lab.records().back().packets;
  if (packets.empty()) return;
  const float progress = ctx_.settings->reduced_motion ? 1.0f : static_cast<float>(lab.progress());
  const float n = static_cast<float>(packets.size());
  const size_t moving = std::min(packets.size() - 1, static_cast<size_t>(progress * n));
  const float t = progress >= 1.0f ? 1.0f : progress * n - static_cast<float>(moving);
  std::vector<ImVec2>& points = path_points_;
  for (size_t k = 0; k <= moving; ++k) {
    const NatPacket& p = packets[k];
    points.clear();
    for (const std::string& id : p.path) points.push_back(centre_of(id));
    const bool arrived = k < moving || t >= 1.0f;
    const Tone tone_of = p.reply ? Tone::Success : Tone::Accent;
    // The route taken so far stays highlighted, so a paused step still shows it.
    const float reach = arrived ? 1.0f : t;
    ImVec2 prev = points.front();
    for (int s = 1; s <= 24; ++s) {
      const float f = reach * static_cast<float>(s) / 24.0f;
      const ImVec2 next = along(points, f);
      dl->AddLine(prev, next, colour(tone_of), 3.0f);
      prev = next;
    }
    const ImVec2 at = along(points, reach);
    const float r = ImGui::GetFontSize() * 0.4f;
    if (arrived && p.action == nat::Action::Dropped) {
      const ImU32 red = colour(Tone::Danger);
      dl->AddLine(ImVec2(at.x - r, at.y - r), ImVec2(at.x + r, at.y + r), red, 3.0f);
      dl->AddLine(ImVec2(at.x - r, at.y + r), ImVec2(at.x + r, at.y - r), red, 3.0f);
    } else if (!arrived) {
      dl->AddCircleFilled(at, r, colour(tone_of));
    }
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
    ImGui::TextUnformatted(p.reply ? "The answer" : "The packet");
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
    const ImVec2 size(0, ImGui::GetTextLineHeightWithSpacing() * 4.2f);
    if (ImGui::BeginTable("headers", 4, flags, size)) {
      ImGui::TableSetupColumn("");
      ImGui::TableSetupColumn("Protocol");
      ImGui::TableSetupColumn("Source");
      ImGui::TableSetupColumn("Destination");
      ImGui::TableHeadersRow();
      auto row = [this](const char* when, const nat::Packet& pk) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(when);
        ImGui::TableNextColumn();
        std::string proto = net::to_string(pk.proto);
        if (pk.proto == net::Transport::Tcp) proto += " " + nat::describe_tcp_flags(pk.tcp_flags);
        ImGui::TextUnformatted(proto.c_str());
        ImGui::TableNextColumn();
        mono(ctx_, net::to_string(pk.src).c_str());
        ImGui::TableNextColumn();
        mono(ctx_, net::to_string(pk.dst).c_str());
      };
      row("Before", p.before);
      row(p.action == nat::Action::Dropped ? "When dropped" : "After", p.after);
      ImGui::EndTable();
    }
    std::string outcome = std::string("Outcome: ") + action_words(p);
    if (!p.dropped_at.empty()) outcome += " at " + p.dropped_at;
    paragraph(outcome.c_str(), p.action == nat::Action::Dropped ? Tone::Warning : Tone::Success);
    paragraph(p.reason.c_str());
    if (ImGui::TreeNode("What each box did")) {
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
  ImGui::TableHeadersRow();
  for (const auto& r : lab.table()) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.nat.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.proto.c_str());
    ImGui::TableNextColumn();
    mono(ctx_, r.inside.c_str());
    ImGui::TableNextColumn();
    mono(ctx_, r.outside.c_str());
    ImGui::TableNextColumn();
    mono(ctx_, r.remote.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.state.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%lld s", r.expires_in_s);
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
    if (ImGui::SmallButton(("Remove##" + std::to_string(id)).c_str())) {
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
  ImGui::InputText("Protocol", protocol_, sizeof protocol_, ImGuiInputTextFlags_AutoSelectAll);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("tcp, udp or both");
  same_line_if_fits(field + ImGui::CalcTextSize("External port").x + 8);
  ImGui::SetNextItemWidth(field);
  ImGui::InputInt("External port", &external_port_, 0, 0, ImGuiInputTextFlags_AutoSelectAll);
  ImGui::SetNextItemWidth(field);
  ImGui::InputText("Internal address", address_, sizeof address_);
  same_line_if_fits(field + ImGui::CalcTextSize("Internal port").x + 8);
  ImGui::SetNextItemWidth(field);
  ImGui::InputInt("Internal port", &internal_port_, 0, 0, ImGuiInputTextFlags_AutoSelectAll);
  if (ImGui::Button("Add rule")) {
    labs::NatRuleInput in;
    in.proto = protocol_;
    in.external_port = external_port_;
    in.internal_address = address_;
    in.internal_port = internal_port_;
    rule_problem_ = lab.add_rule(in);
  }
  if (!rule_problem_.empty()) paragraph(rule_problem_.c_str(), Tone::Warning);
}

void NatLabView::draw_challenge() {
  NatLab& lab = ctx_.model->nat();
  const labs::NatChallenge& c = *lab.challenge();
  paragraph(c.goal.c_str());
  if (!c.choices.empty()) {
    ImGui::TextUnformatted("NAT behaviour to try:");
    for (const auto& choice : c.choices) {
      same_line_if_fits(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                        ImGui::CalcTextSize(choice.label.c_str()).x);
      if (ImGui::RadioButton(choice.label.c_str(), lab.chosen() == choice.key))
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
  if (c.solved) paragraph("Solved!", Tone::Success);
  if (!c.engine_showed.empty())
    paragraph(c.engine_showed.c_str(), c.solved ? Tone::Success : Tone::Warning);
}

}  // namespace portlab::ui
