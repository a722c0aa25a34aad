#include "ui/widgets/sockets_panel.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "ui/a11y/semantics.h"
#include "ui/widgets.h"

namespace portlab::ui {

namespace {

constexpr int kShownLines = 14;  // taller listings scroll inside the panel
// Builds this slow (a host of thousands of sockets) are not repeated every
// frame while the host keeps changing: the next waits 40 times as long.
constexpr double kSlowBuild = 0.002;
constexpr double kCatchUpFactor = 40;

}  // namespace

void SocketsPanel::draw(const host::Host& host, const host::Processes& processes) {
  wake_after_ms_ = -1;
  heading(ctx_, "Sockets");
  const ports::OsId os = host.profile().id;
  const std::vector<host::ListingTool> tools = host::listing_tools(os);
  if (tools.empty()) {
    const std::string why =
        std::string("PortLab does not lay out ") + host.profile().name + "'s netstat yet.";
    paragraph(why.c_str(), Tone::Muted);
    return;
  }
  // The learner's pick while this system has it, else its usual tool.
  const bool has_chosen =
      chosen_ && std::find(tools.begin(), tools.end(), *chosen_) != tools.end();
  const host::ListingTool tool = draw_tools(tools, has_chosen ? *chosen_ : tools.front());

  // The terminal is as wide as the panel: ss spreads its columns over it.
  ImGui::PushFont(ctx_.fonts->mono);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float char_width = ImGui::CalcTextSize("0").x;
  const float width = ImGui::GetContentRegionAvail().x;
  const int columns =
      std::max(20, static_cast<int>((width - style.WindowPadding.x * 2 - style.ScrollbarSize) /
                                    char_width));
  // Every line (the prompt too) is an item, so lines stand a text line plus
  // the item spacing apart.
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const auto shown = [&](size_t lines) {
    return static_cast<float>(std::min<size_t>(lines + 1, kShownLines)) * line +
           style.WindowPadding.y * 2;
  };
  ImGui::PopFont();

  refresh(host, processes, tool, columns, ImVec2(width, shown(lines_.size())));
  draw_output(shown(lines_.size()));
  for (const std::string& note : listing_.notes) paragraph(note.c_str(), Tone::Muted);
}

void SocketsPanel::refresh(const host::Host& host, const host::Processes& processes,
                           host::ListingTool tool, int columns, ImVec2 size) {
  const ports::OsId os = host.profile().id;
  const uint64_t stamp = host.sockets().stamp();
  if (built_ && stamp == built_stamp_ && os == built_os_ && tool == built_tool_ &&
      columns == built_columns_)
    return;
  // A new tool or system is built at once; a changed host when the panel is
  // in sight, and a slow listing only once its catch-up time has passed.
  const bool same_view = built_ && os == built_os_ && tool == built_tool_;
  const double now = ImGui::GetTime();
  const double due = built_at_ + build_cost_ * kCatchUpFactor;
  const bool visible = ImGui::IsRectVisible(size);
  if (same_view && !(visible && (build_cost_ < kSlowBuild || now >= due))) {
    if (visible) wake_after_ms_ = static_cast<int>((due - now) * 1000) + 1;
    return;
  }
  const auto start = std::chrono::steady_clock::now();
  listing_ = host::list_sockets(host, tool, processes, columns);
  lines_ = host::terminal_lines(listing_.text, columns);
  prompt_ = host::prompt_line(os, tool);
  build_cost_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  built_at_ = now;
  built_ = true;
  built_stamp_ = stamp;
  built_os_ = os;
  built_tool_ = tool;
  built_columns_ = columns;
}

host::ListingTool SocketsPanel::draw_tools(const std::vector<host::ListingTool>& tools,
                                           host::ListingTool current) {
  // A system with one tool shows it too: a lesson can say "choose netstat -ano".
  bool first = true;
  for (host::ListingTool t : tools) {
    const char* label = host::command(t);
    if (!first) same_line_if_fits(ImGui::GetFrameHeight() + button_width(label));
    first = false;
    if (radio(label, t == current)) {
      chosen_ = t;
      current = t;
    }
  }
  return current;
}

void SocketsPanel::draw_output(float height) {
  ImGui::PushFont(ctx_.fonts->mono);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, tone(Tone::CardBackground));
  ImGui::BeginChild("sockets-output", ImVec2(0, height), true);
  ui::text(Tone::Muted, prompt_.c_str());
  // For assistive technology the listing is a list of its lines, named
  // after the command that printed it.
  a11y::begin(a11y::Role::List, prompt_.c_str());
  // Each line is a selectable that does nothing when chosen, so the arrow
  // keys walk the listing and scroll it as they walk the rest of the screen;
  // the mouse shows no highlight on this read-only text. Only the lines in
  // sight are drawn: a listing of thousands costs a screenful per frame.
  const ImVec4 none(0, 0, 0, 0);
  ImGui::PushStyleColor(ImGuiCol_HeaderHovered, none);
  ImGui::PushStyleColor(ImGuiCol_HeaderActive, none);
  std::string label;
  const a11y::ScopedClipping only_lines_in_sight;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(lines_.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const std::string_view l = lines_[static_cast<size_t>(i)];
      if (l.empty()) {
        ImGui::TextUnformatted("");
        continue;
      }
      label.assign(l);
      ImGui::PushID(i);
      a11y::next_item(a11y::Role::ListItem);
      ImGui::Selectable(label.c_str());
      ImGui::PopID();
    }
  a11y::end();
  ImGui::PopStyleColor(2);
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

}  // namespace portlab::ui
