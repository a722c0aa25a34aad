#include "ui/shell.h"

#include <imgui.h>

#include <algorithm>

#include "ui/a11y/semantics.h"
#include "ui/keys.h"
#include "ui/widgets.h"
#include "ui/widgets/drag_scroll.h"

namespace portlab::ui {

namespace {

struct NavEntry {
  nav::Screen screen;
  const char* label;
};
constexpr NavEntry kNavEntries[] = {
    {nav::Screen::Home, "Home"},
    {nav::Screen::Explorer, "Explorer"},
    {nav::Screen::Bind, "Bind Lab"},
    {nav::Screen::Ephemeral, "Ephemeral Lab"},
    {nav::Screen::Nat, "NAT Lab"},
    {nav::Screen::Quiz, "Practice"},
    {nav::Screen::Settings, "Settings"},
    {nav::Screen::About, "About"},
};

constexpr ImGuiWindowFlags kRootFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus;

}  // namespace

void Shell::init(const ViewContext& ctx) {
  ctx_ = ctx;
  home_.init(ctx);
  // The lesson draws a step's lab with the very views of the lab screens.
  lesson_.init(ctx, LabViews{&bind_lab_, &ephemeral_lab_, &nat_lab_, &explorer_});
  explorer_.init(ctx);
  bind_lab_.init(ctx);
  ephemeral_lab_.init(ctx);
  nat_lab_.init(ctx);
  quiz_.init(ctx);
  settings_view_.init(ctx);
  about_.init(ctx);
}

void Shell::discard() {
  about_.discard();
  settings_view_.discard();
  quiz_.discard();
  nat_lab_.discard();
  ephemeral_lab_.discard();
  bind_lab_.discard();
  explorer_.discard();
  lesson_.discard();
  home_.discard();
}

bool Shell::draw() {
  handle_shortcuts();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::Begin("PortLab", nullptr, kRootFlags);
  if (ctx_.model->presenter) draw_presenter_bar();
  else draw_top_bar();
  draw_notice();
  const bool animating = draw_screen();
  ImGui::End();
  return animating;
}

void Shell::draw_top_bar() {
  ImGui::PushFont(ctx_.fonts->heading);
  text(Tone::Accent, "PortLab");
  ImGui::PopFont();
  const nav::Screen current = ctx_.navigator->current().screen;
  // Links to the screens; the one on screen is the current page.
  a11y::begin(a11y::Role::Group, "Screens");
  for (const NavEntry& entry : kNavEntries) {
    same_line_if_fits(button_width(entry.label));
    const bool selected = entry.screen == current;
    if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    a11y::next_item(a11y::Role::Link, selected ? a11y::kCurrent : 0u);
    if (ImGui::Button(entry.label)) ctx_.navigator->go(nav::Route{entry.screen, {}});
    if (selected) ImGui::PopStyleColor();
  }
  a11y::end();
  ImGui::Separator();
}

void Shell::draw_presenter_bar() {
  // Minimal chrome for a projector: one quiet way out, no navigation.
  const char* label = "Leave presenter mode (Esc)";
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - button_width(label)));
  if (ImGui::Button(label)) ctx_.model->presenter = false;
}

void Shell::draw_notice() {
  const std::string& notice = ctx_.navigator->notice();
  if (notice.empty()) return;
  // Every notice is a problem the learner should hear of at once.
  alert(notice.c_str(), Tone::Warning);  // wrapped at the window's edge
  ImGui::SameLine();
  if (ImGui::Button("Dismiss")) ctx_.navigator->clear_notice();
}

bool Shell::draw_screen() {
  // The screen scrolls on its own. On wide displays its content keeps a
  // readable width, centred by widening the side padding, so the scrollbar
  // still sits at the window's edge.
  // A lesson step with its lab beside the text takes the whole width.
  const float avail = ImGui::GetContentRegionAvail().x;
  const bool lesson_with_lab =
      ctx_.navigator->current().screen == nav::Screen::Lesson && lesson_.wants_width(avail);
  const float max_width = ImGui::GetFontSize() * (lesson_with_lab ? 100.0f : 64.0f);
  const float padding = ImGui::GetStyle().WindowPadding.x;
  const float side = std::max(padding, (avail - max_width) * 0.5f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side, padding));
  // NavFlattened: arrow keys move between the top bar and the screen as if
  // they were one window.
  ImGui::BeginChild("screen", ImVec2(0, 0), false,
                    ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NavFlattened);
  ImGui::PopStyleVar();
  View* shown = nullptr;
  switch (ctx_.navigator->current().screen) {
    case nav::Screen::Home: home_.draw(); shown = &home_; break;
    case nav::Screen::Lesson: lesson_.draw(); shown = &lesson_; break;
    case nav::Screen::Explorer: explorer_.draw(); shown = &explorer_; break;
    case nav::Screen::Bind: bind_lab_.draw(); shown = &bind_lab_; break;
    case nav::Screen::Ephemeral: ephemeral_lab_.draw(); shown = &ephemeral_lab_; break;
    case nav::Screen::Nat: nat_lab_.draw(); shown = &nat_lab_; break;
    case nav::Screen::Quiz: quiz_.draw(); shown = &quiz_; break;
    case nav::Screen::Settings: settings_view_.draw(); shown = &settings_view_; break;
    case nav::Screen::About: about_.draw(); shown = &about_; break;
  }
  // Touch screens scroll by dragging the page itself.
  scroll_by_background_drag();
  ImGui::EndChild();
  wake_after_ms_ = shown ? shown->wake_after_ms() : -1;
  return shown && shown->animating();
}

void Shell::handle_shortcuts() {
  const ImGuiIO& io = ImGui::GetIO();
  settings::Settings& s = *ctx_.settings;
  if (io.KeyCtrl && !io.WantTextInput) {
    // Both the main row and the keypad: classrooms use either.
    if (ImGui::IsKeyPressed(keys::kEqual) || ImGui::IsKeyPressed(keys::kKeypadPlus))
      s.ui_scale = settings::step_ui_scale(s.ui_scale, +1);
    if (ImGui::IsKeyPressed(keys::kMinus) || ImGui::IsKeyPressed(keys::kKeypadMinus))
      s.ui_scale = settings::step_ui_scale(s.ui_scale, -1);
    if (ImGui::IsKeyPressed(keys::kNum0) || ImGui::IsKeyPressed(keys::kKeypad0)) s.ui_scale = settings::kDefaultUiScale;
  }
  // P presents the current screen to a class (large text, no top bar);
  // Escape or P again goes back.
  if (!io.WantTextInput && !io.KeyCtrl && !io.KeyAlt && ImGui::IsKeyPressed(keys::kP, false))
    ctx_.model->presenter = !ctx_.model->presenter;
  if (ctx_.model->presenter && ImGui::IsKeyPressed(keys::kEscape, false)) ctx_.model->presenter = false;
  if (io.KeyAlt && !io.WantTextInput) {
    if (ImGui::IsKeyPressed(keys::kLeft)) ctx_.navigator->back();
    if (ImGui::IsKeyPressed(keys::kRight)) ctx_.navigator->forward();
  }
}

}  // namespace portlab::ui
