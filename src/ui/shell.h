// The whole UI of one frame: the top bar, a notice line when there is
// something to tell, and the current screen. The app calls draw() between
// ImGui::NewFrame() and ImGui::Render() on both targets.
#pragma once

#include "ui/view_context.h"
#include "ui/views/about_view.h"
#include "ui/views/home_view.h"
#include "ui/views/settings_view.h"

namespace portlab::ui {

class Shell {
 public:
  void init(const ViewContext& ctx);
  // Returns true while something on screen is animating and needs more frames.
  bool draw();
  void discard();

 private:
  void draw_top_bar();
  void draw_notice();
  void draw_screen();
  void handle_shortcuts();

  ViewContext ctx_;
  HomeView home_;
  SettingsView settings_view_;
  AboutView about_;
};

}  // namespace portlab::ui
