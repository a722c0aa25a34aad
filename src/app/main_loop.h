// The app: one SDL window with an OpenGL ES 3.0 (WebGL2) context, ImGui, the
// model, and the shared frame function. The platform backend calls step()
// from its loop; step() renders only when something changed (input, a
// running animation, or a few trailing frames so ImGui can settle), so an
// idle app draws nothing.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/a11y_bridge.h"
#include "app/gl_textures.h"
#include "app/platform.h"
#include "core/json.h"
#include "core/model/model.h"
#include "core/nav/navigator.h"
#include "core/progress/progress_store.h"
#include "core/settings/settings.h"
#include "ui/fonts.h"
#include "ui/shell.h"
#include "ui/a11y/mirror_patch.h"
#include "ui/a11y/semantics.h"

namespace portlab::app {

class App {
 public:
  bool init(const LaunchOptions& options);
  // Handles every pending event and renders if needed. False: quit.
  bool step();
  // True when no frame is wanted until the next event: the loop may sleep.
  bool idle() const { return frames_wanted_ == 0 && deferred_events_.empty() && !quit_; }
  // Something outside SDL's event queue happened (browser event, command).
  void wake();
  // While idle: how long the loop may sleep before a screen wants a frame
  // without input (a countdown), in ms; -1 to sleep until the next event.
  int sleep_limit_ms() const;
  // The browser's file picker delivered a file: a progress import to preview.
  void file_picked(const std::string& text);
  // Tears everything down; returns the process exit code.
  int shutdown();

  // The test hook behind window.portlab.state(): a JSON object.
  std::string state_json() const;
  // The quiz part of state(): the question on screen and the session's counts.
  json::Value quiz_state() const;
  // The activities part of state(): the lesson step's (or the lab screen's
  // open one) as {id, lab, goal, met, prediction}.
  json::Value activities_state() const;
  // The link "Copy link to this setup" would copy for the lab on screen (a
  // lab screen, or a lesson step's inline lab); null when there is none.
  json::Value setup_link_state() const;
  json::Value lab_state() const;
  // The test hook behind window.portlab.command(): takes a JSON object such
  // as {"open": "#/settings"} and answers {"ok": true} or {"ok": false, "error": ...};
  // {"widgets": true} also answers the labelled widgets of the last frame
  // with their rectangles in CSS pixels, roles, names, values and states
  // (natively empty on the first call, which starts recording).
  std::string command(const std::string& json_text);
  // Assistive technology acting on the browser mirror (web/a11y.js).
  A11yBridge& a11y() { return a11y_; }

 private:
  // The parts of init: what needs no window (settings, content, progress,
  // then ImGui and its font atlas), then the window and its GL context.
  // load_model returns what could not be loaded, least important first.
  std::vector<std::string> load_model();
  void init_imgui();
  bool open_window();
  void handle_event(const SDL_Event& event);
  // The UI scale in effect: the learner's, enlarged in presenter mode.
  float ui_scale() const;
  void apply_settings();
  // Save settings and progress whenever they changed since the last save,
  // right after the frame that changed them: answers, steps, exams and
  // settings are never lost to a closed tab.
  void save_settings();
  void save_progress();
  // Draws one frame into the back buffer; true while something animates.
  bool draw_frame();
  bool write_screenshot();
  // After a frame, in the browser: what changed for the mirror, and the
  // new screen's name when the route changed.
  void publish_semantics();
  std::string route_announcement(const nav::Route& before, const nav::Route& now) const;

  LaunchOptions options_;
  SDL_Window* window_ = nullptr;
  SDL_GLContext gl_context_ = nullptr;

  nav::Navigator navigator_;
  settings::Settings settings_;
  settings::Settings saved_settings_;
  bool settings_writable_ = true;
  storage::KeyValueStore* store_ = nullptr;

  model::Model model_;
  std::unique_ptr<progress::ProgressStore> progress_store_;
  progress::Progress saved_progress_;
  GlTextures textures_;
  std::string labs_os_;  // the default OS the labs were last set to
  std::string page_address_;  // the page without its fragment; "" natively
  // Each frame's semantics: always in the browser (the mirror); natively
  // from a test's first {"widgets": true} command or the first Tab.
  ui::a11y::Recorder recorder_;
  A11yBridge a11y_{recorder_};
  ui::a11y::MirrorDiff mirror_;
  std::optional<nav::Route> mirrored_route_;  // the route of the last frame published

  ui::FontSet fonts_;
  ui::Shell shell_;
  // The theme and scale ImGui's style was last built for (none before the first frame).
  std::optional<std::pair<settings::Theme, float>> styled_for_;

  std::vector<SDL_Event> deferred_events_;  // input held back to the next frame
  int frames_wanted_ = 0;
  uint64_t wake_at_ticks_ = 0;  // SDL_GetTicks64() when a screen wants a frame; 0: none
  uint64_t frames_rendered_ = 0;
  bool quit_ = false;
  int exit_code_ = 0;
};

}  // namespace portlab::app
