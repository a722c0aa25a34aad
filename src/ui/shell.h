// The whole UI of one frame: the top bar, a notice line when there is
// something to tell, and the current screen. The app calls draw() between
// ImGui::NewFrame() and ImGui::Render() on both targets.
#pragma once

#include "ui/view_context.h"
#include "ui/views/about_view.h"
#include "ui/views/bind_lab_view.h"
#include "ui/views/ephemeral_lab_view.h"
#include "ui/views/explorer_view.h"
#include "ui/views/home_view.h"
#include "ui/views/lesson_view.h"
#include "ui/views/nat_lab_view.h"
#include "ui/views/quiz_view.h"
#include "ui/views/settings_view.h"

namespace portlab::ui {

class Shell {
 public:
  void init(const ViewContext& ctx);
  // Returns true while something on screen is animating and needs more frames.
  bool draw();
  // After draw(): when the screen wants its next frame without input, in
  // milliseconds (-1: only on input). See View::wake_after_ms().
  int wake_after_ms() const { return wake_after_ms_; }
  void discard();

 private:
  void draw_top_bar();
  void draw_presenter_bar();
  void draw_notice();
  bool draw_screen();  // true while the screen animates
  void handle_shortcuts();

  ViewContext ctx_;
  int wake_after_ms_ = -1;
  HomeView home_;
  LessonView lesson_;
  ExplorerView explorer_;
  BindLabView bind_lab_;
  EphemeralLabView ephemeral_lab_;
  NatLabView nat_lab_;
  QuizView quiz_;
  SettingsView settings_view_;
  AboutView about_;
};

}  // namespace portlab::ui
