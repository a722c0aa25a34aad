#include "ui/views/ephemeral_lab_view.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/host/describe.h"
#include "ui/a11y/semantics.h"
#include "ui/widgets.h"

namespace portlab::ui {

namespace {

using labs::EphemeralMode;

const char* algorithm_name(std::optional<host::Rfc6056> a) {
  if (!a) return "The OS's own";
  switch (*a) {
    case host::Rfc6056::RandomStart: return "RFC 6056 alg. 1 (random start)";
    case host::Rfc6056::RandomEachTry: return "RFC 6056 alg. 2 (random each try)";
    case host::Rfc6056::Hash: return "RFC 6056 alg. 3 (hash + counter)";
    case host::Rfc6056::DoubleHash: return "RFC 6056 alg. 4 (double hash)";
    case host::Rfc6056::RandomIncrements: return "RFC 6056 alg. 5 (random increments)";
  }
  return "";
}

bool radio_row(const char* label, bool active, bool first) {
  if (!first) same_line_if_fits(ImGui::GetFrameHeight() + button_width(label));
  return radio(label, active);
}

bool button_row(const char* label, bool first) {
  if (!first) same_line_if_fits(button_width(label));
  return ImGui::Button(label);
}

}  // namespace

void EphemeralLabView::draw() {
  title(ctx_, "Ephemeral Lab");
  paragraph("A client opens connections; the simulated kernel picks each local port from the "
            "ephemeral range. Close them to watch TIME_WAIT age, or shrink the range until it "
            "runs out.",
            Tone::Muted);
  // The open activity (a challenge tried from the list, a setup link's
  // goal) above the lab it is about; the lab's challenges and its setup
  // link below it.
  challenges_.draw_open(ctx_, "ephemeral");
  draw_lab();
  // A teacher shares what is on screen, right below it; the challenge list
  // (long in the Bind Lab) follows.
  heading(ctx_, "Share this setup");
  share_.draw(ctx_, "ephemeral");
  challenges_.draw(ctx_, "ephemeral");
}

void EphemeralLabView::draw_lab() {
  labs::EphemeralLab& lab = ctx_.model->ephemeral;
  draw_setup();
  draw_destinations();
  draw_actions();
  draw_clock();
  draw_allocations();
  port_map_.draw(ctx_.model->ephemeral.host());
  draw_sockets(lab.host(), lab.processes());
  draw_comparison();
  // Time, not animation: with reduced motion the entries still expire, the
  // app just keeps drawing frames while they do.
  animating_ = lab.ageing() && lab.speed() > 0;
}

void EphemeralLabView::draw_setup() {
  labs::EphemeralLab& lab = ctx_.model->ephemeral;
  heading(ctx_, "Client host");
  bool first = true;
  for (const ports::OsProfile& p : ports::os_profiles()) {
    if (radio_row(p.name, lab.os().id == p.id, first)) os_message_ = lab.set_os(p.key);
    first = false;
  }
  if (!os_message_.empty()) alert(os_message_.c_str());

  const struct {
    EphemeralMode mode;
    const char* label;
  } modes[] = {{EphemeralMode::Connect, "TCP connect()"},
               {EphemeralMode::BindZero, "bind(0)"},
               {EphemeralMode::Udp, "UDP sendto()"}};
  first = true;
  for (const auto& m : modes) {
    if (radio_row(m.label, lab.mode() == m.mode, first)) lab.set_mode(m.mode);
    first = false;
  }

  const float label = ImGui::CalcTextSize("Algorithm").x + ImGui::GetStyle().ItemInnerSpacing.x;
  ImGui::SetNextItemWidth(
      std::min(ImGui::GetFontSize() * 18, ImGui::GetContentRegionAvail().x - label));
  if (begin_combo("Algorithm", algorithm_name(lab.algorithm()))) {
    for (int k = 0; k <= 5; ++k) {
      std::optional<host::Rfc6056> a;
      if (k) a = static_cast<host::Rfc6056>(k);
      if (option(algorithm_name(a), lab.algorithm() == a)) lab.set_algorithm(a);
    }
    ImGui::EndCombo();
  }
  if (lab.algorithm() && lab.mode() != EphemeralMode::Connect)
    paragraph("RFC 6056 algorithms choose connect() ports; bind(0) and UDP keep the OS's own.",
              Tone::Muted);

  const ports::PortRange range = lab.host().settings().ephemeral(
      lab.mode() == EphemeralMode::Udp ? net::Transport::Udp : net::Transport::Tcp);
  const std::string now = "Range " + host::describe(range) + ", seed " +
                          std::to_string(lab.seed());
  paragraph(now.c_str());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  const bool enter = text_field("##Port range", range_text_, sizeof range_text_,
                                ImGuiInputTextFlags_EnterReturnsTrue);
  same_line_if_fits(button_width("Set range"));
  if (ImGui::Button("Set range") || enter) range_message_ = lab.set_range(range_text_);
  same_line_if_fits(button_width("Exhaustion demo (4 ports)"));
  if (ImGui::Button("Exhaustion demo (4 ports)")) {
    lab.start_exhaustion_demo();
    range_message_.clear();
  }
  if (!range_message_.empty()) alert(range_message_.c_str());
}

void EphemeralLabView::draw_destinations() {
  labs::EphemeralLab& lab = ctx_.model->ephemeral;
  heading(ctx_, "Servers");
  if (radio("Each in turn", !lab.selected_destination()))
    lab.select_destination(std::nullopt);
  for (size_t i = 0; i < lab.destinations().size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    const std::string label = net::to_string(lab.destinations()[i]);
    const bool removable = lab.destinations().size() > 1;
    // The row wraps as one piece: the server and its Remove button.
    same_line_if_fits(ImGui::GetFrameHeight() + button_width(label.c_str()) +
                      (removable ? button_width("Remove") : 0));
    if (radio(label.c_str(), lab.selected_destination() == i))
      lab.select_destination(i);
    if (removable) {
      ImGui::SameLine();
      if (ImGui::Button("Remove")) {
        lab.remove_destination(i);
        ImGui::PopID();
        break;
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove %s", label.c_str());
    }
    ImGui::PopID();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  const bool enter = text_field("##Server to add", dest_text_, sizeof dest_text_,
                                ImGuiInputTextFlags_EnterReturnsTrue);
  same_line_if_fits(button_width("Add server"));
  if (ImGui::Button("Add server") || enter) dest_message_ = lab.add_destination(dest_text_);
  if (!dest_message_.empty()) alert(dest_message_.c_str());
}

void EphemeralLabView::draw_actions() {
  labs::EphemeralLab& lab = ctx_.model->ephemeral;
  heading(ctx_, "Connections");
  if (button_row("Open 1 connection", true)) lab.open(1);
  if (button_row("Open 5 connections", false)) lab.open(5);
  if (button_row("Open 50 connections", false)) lab.open(50);
  if (button_row("Close all", false)) lab.close_all();
  if (button_row("Start over", false)) lab.reset();

  const auto& all = lab.allocations();
  failure_line_.clear();
  if (!all.empty() && all.back().decision.ok) {
    // The table below lists every call; this line tells the last one's
    // result where a screen reader hears it after the click.
    const labs::Allocation& last = all.back();
    char said[160];
    std::snprintf(said, sizeof said, "Call %d: local port %d%s%s, %d probe%s.", last.number,
                  last.decision.port, last.mode == EphemeralMode::BindZero ? "" : " toward ",
                  last.mode == EphemeralMode::BindZero ? " (bind 0)" : net::to_string(last.dest).c_str(),
                  last.decision.probes, last.decision.probes == 1 ? "" : "s");
    status(said, Tone::Muted);
  }
  if (!all.empty() && !all.back().decision.ok) {
    const host::Decision& d = all.back().decision;
    failure_line_ = "Call " + std::to_string(all.back().number) + " failed: " + d.error +
                    " (rule " + d.rule + ")";
    ImGui::PushFont(ctx_.fonts->bold);
    alert(failure_line_.c_str());
    ImGui::PopFont();
    status(d.explanation.c_str());
    if (std::string(d.error) == "EADDRNOTAVAIL")
      paragraph("Every port of the range is already used toward this server: close "
                "connections and let TIME_WAIT end, add another server, or widen the range.",
                Tone::Muted);
  }
}

void EphemeralLabView::draw_clock() {
  labs::EphemeralLab& lab = ctx_.model->ephemeral;
  if (lab.ageing() && lab.speed() > 0) {
    const float real_ms = ImGui::GetIO().DeltaTime * 1000.0f;
    lab.tick(static_cast<sim::Millis>(std::min(real_ms, 250.0f) + 0.5f));
  }
  char line[160];
  std::snprintf(line, sizeof line, "Simulated clock %.1f s. %d connected, %d in TIME_WAIT%s",
                lab.host().now() / 1000.0, lab.count(host::SocketState::Connected), lab.count(host::SocketState::TimeWait),
                lab.ageing() ? "" : ".");
  std::string text = line;
  if (lab.ageing()) {
    std::snprintf(line, sizeof line, "; the next leaves in %.1f s.",
                  lab.next_expiry() / 1000.0);
    text += line;
  }
  paragraph(text.c_str());
  ImGui::AlignTextToFramePadding();
  ui::text("Time runs");
  const struct {
    int factor;
    const char* label;
  } speeds[] = {{0, "Pause"}, {1, "1x"}, {10, "10x"}, {60, "60x"}};
  for (const auto& s : speeds) {
    if (radio_row(s.label, lab.speed() == s.factor, false)) lab.set_speed(s.factor);
  }
  if (button_row("Skip 10 s", false)) lab.advance(10 * sim::kSecond);
}

void EphemeralLabView::draw_allocations() {
  labs::EphemeralLab& lab = ctx_.model->ephemeral;
  if (lab.allocations().empty()) return;
  const labs::Allocation* chosen = lab.selected_allocation();
  heading(ctx_, "Ports handed out");
  const auto& all = lab.allocations();
  const float height = ImGui::GetTextLineHeightWithSpacing() *
                       static_cast<float>(std::min<size_t>(all.size(), 8) + 1.5f);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersInnerH;
  if (!ImGui::BeginTable("allocations", 5, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("#");
  ImGui::TableSetupColumn("To");
  ImGui::TableSetupColumn("Port");
  ImGui::TableSetupColumn("Probes");
  ImGui::TableSetupColumn("Why", ImGuiTableColumnFlags_WidthStretch);
  table_headers_row();
  // Newest first; only the visible rows are drawn, so a long burst costs
  // nothing extra per frame.
  const a11y::ScopedClipping only_rows_in_sight;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(all.size()));
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const labs::Allocation& a = all[all.size() - 1 - static_cast<size_t>(row)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      // The row is one selectable: the full explanation shows below.
      char number[24];
      std::snprintf(number, sizeof number, "%d##call", a.number);
      a11y::next_item(a11y::Role::Button, &a == chosen ? uint32_t{a11y::kSelected} : 0u);
      if (ImGui::Selectable(number, &a == chosen, ImGuiSelectableFlags_SpanAllColumns))
        lab.select_allocation(a.number);
      ImGui::TableNextColumn();
      ui::text(a.mode == EphemeralMode::BindZero ? "(bind 0)" : net::to_string(a.dest).c_str());
      ImGui::TableNextColumn();
      if (a.decision.ok) {
        const host::Socket* s = lab.host().socket(a.socket);
        textf("%d", a.decision.port);
        if (s && s->state == host::SocketState::TimeWait) {
          ImGui::SameLine();
          ui::text(Tone::Warning, "TIME_WAIT");
        } else if (!s) {
          ImGui::SameLine();
          ui::text(Tone::Muted, "gone");
        }
      } else {
        ui::text(Tone::Danger, a.decision.error);
      }
      ImGui::TableNextColumn();
      textf("%d", a.decision.probes);
      ImGui::TableNextColumn();
      ui::text(a.decision.explanation.c_str());
      if (a.decision.approximate) {
        ImGui::SameLine();
        ui::text(Tone::Warning, "approximate");
      }
    }
  }
  ImGui::EndTable();
  if (chosen) {
    const std::string why = "Call " + std::to_string(chosen->number) + ": " +
                            (chosen->decision.explanation.empty()
                                 ? std::string("no explanation recorded")
                                 : chosen->decision.explanation);
    paragraph(why.c_str());
  }
}

void EphemeralLabView::draw_comparison() {
  labs::EphemeralLab& lab = ctx_.model->ephemeral;
  heading(ctx_, "Comparing algorithms");
  char intro[240];
  std::snprintf(intro, sizeof intro,
                "%d connects to one server from %d ports on %s, seed %llu. Guessable: the next "
                "port is at most %d above the previous one. Probes: ports tried per connect.",
                labs::kCompareConnects, labs::kCompareRange, lab.os().name,
                static_cast<unsigned long long>(lab.seed()), labs::kGuessWindow);
  paragraph(intro, Tone::Muted);
  const std::vector<labs::AlgorithmScore>& scores = lab.comparison();
  double most_probes = 1;
  for (const auto& s : scores) most_probes = std::max(most_probes, s.probes_per_connect);

  const float font = ImGui::GetFontSize();
  const float avail = ImGui::GetContentRegionAvail().x;
  // Narrow screens put each name above its bars, so the bars keep a
  // readable length.
  const bool narrow = avail < font * 40;
  const float label_w = narrow ? 0 : font * 11;
  const float bar_w = (avail - label_w - font) * 0.5f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 guess_col = ImGui::GetColorU32(tone(Tone::Warning));
  const ImU32 probe_col = ImGui::GetColorU32(tone(Tone::Accent));
  const ImU32 track_col = ImGui::GetColorU32(tone(Tone::CardBackground));
  // The chart's text alternative: a table of each algorithm's two values,
  // the header and value cells placed where the chart draws them.
  a11y::begin(a11y::Role::Figure, "Chart comparing the algorithms",
              "Per algorithm: how often the next port was guessable, and ports probed per connect.");
  a11y::begin(a11y::Role::Table, "Algorithms compared");
  a11y::begin(a11y::Role::Row, "");
  {
    // The names' column has no drawn header; its header sits where it would.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    a11y::text_at(a11y::Role::ColumnHeader, "Algorithm", at,
                  ImVec2(at.x + font * 4, at.y + ImGui::GetTextLineHeight()));
  }
  ImGui::TextColored(tone(Tone::Warning), "Guessable");
  a11y::text(a11y::Role::ColumnHeader, "Guessable");
  ImGui::SameLine();
  ImGui::TextColored(tone(Tone::Accent), "  Probes per connect");
  a11y::text(a11y::Role::ColumnHeader, "Probes per connect");
  a11y::end();
  for (const labs::AlgorithmScore& s : scores) {
    a11y::begin(a11y::Role::Row, s.name.c_str());
    const float h = ImGui::GetTextLineHeight();
    if (narrow) {
      ImGui::TextUnformatted(s.name.c_str());
      a11y::text(a11y::Role::Cell, s.name.c_str());
    }
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (narrow) {
      ImGui::Dummy(ImVec2(avail, h));
    } else {
      ImGui::TextUnformatted(s.name.c_str());
      a11y::text(a11y::Role::Cell, s.name.c_str());
    }
    const float x1 = at.x + label_w;
    const float x2 = x1 + bar_w + font;
    const float guess = static_cast<float>(s.predictability);
    const float probes = static_cast<float>(s.probes_per_connect / most_probes);
    draw->AddRectFilled(ImVec2(x1, at.y), ImVec2(x1 + bar_w, at.y + h), track_col);
    draw->AddRectFilled(ImVec2(x1, at.y), ImVec2(x1 + bar_w * guess, at.y + h), guess_col);
    draw->AddRectFilled(ImVec2(x2, at.y), ImVec2(x2 + bar_w, at.y + h), track_col);
    draw->AddRectFilled(ImVec2(x2, at.y), ImVec2(x2 + bar_w * probes, at.y + h), probe_col);
    char value[32];
    std::snprintf(value, sizeof value, "%.0f %%", s.predictability * 100);
    draw->AddText(ImVec2(x1 + font * 0.3f, at.y), ImGui::GetColorU32(ImGuiCol_Text), value);
    a11y::text_at(a11y::Role::Cell, value, ImVec2(x1, at.y), ImVec2(x1 + bar_w, at.y + h));
    std::snprintf(value, sizeof value, "%.2f", s.probes_per_connect);
    draw->AddText(ImVec2(x2 + font * 0.3f, at.y), ImGui::GetColorU32(ImGuiCol_Text), value);
    a11y::text_at(a11y::Role::Cell, value, ImVec2(x2, at.y), ImVec2(x2 + bar_w, at.y + h));
    a11y::end();
  }
  a11y::end();
  a11y::end();
  paragraph("Counting up per server never meets a port in use but is easy to guess; random "
            "choices are hard to guess but run into ports already taken as the range fills.",
            Tone::Muted);
}

}  // namespace portlab::ui
