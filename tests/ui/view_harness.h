// Headless view testing: ImGui with no renderer, a fixed display size,
// injected mouse and keyboard, and widgets found by label through the
// WidgetProbe (the accessibility recorder, ui/a11y/semantics.h: what a
// screen reader would be told). A test builds a model, hands it to a view,
// and drives frames.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/model/model.h"
#include "core/nav/navigator.h"
#include "core/settings/settings.h"
#include "memory_files.h"
#include "memory_textures.h"
#include "ui/fonts.h"
#include "ui/view_context.h"
#include "ui/widget_probe.h"

namespace portlab::test {

class ViewHarness {
 public:
  using DrawFn = std::function<void()>;

  explicit ViewHarness(float width = 1280, float height = 800);
  ~ViewHarness();
  ViewHarness(const ViewHarness&) = delete;
  ViewHarness& operator=(const ViewHarness&) = delete;

  // The model every view of the test shares.
  nav::Navigator navigator;
  settings::Settings settings;
  ui::FontSet fonts;
  model::Model model;
  MemoryTextures textures;
  MemoryFiles files;
  ui::ViewContext context() { return ui::ViewContext{&navigator, &settings, &fonts, &model, &textures, &files}; }

  // Loads the shipped lessons and question banks into `model`, as the app
  // does at start-up.
  void load_shipped_content();

  void set_display_size(float width, float height);
  // One frame: NewFrame, draw(), Render. Items seen are kept until the next frame.
  void frame(const DrawFn& draw);
  void frames(int count, const DrawFn& draw);
  // Draws frames until the view asks for no timed frame: a Sockets panel
  // postpones a listing that was slow to build (as it is under ASan on a
  // busy machine) by a few frames of simulated time. At most 10 simulated
  // seconds, so a view that never settles still ends the test.
  template <typename View>
  void frames_until_settled(const View& view, const DrawFn& draw) {
    for (int i = 0; i < 600; ++i) {
      frame(draw);
      if (view.wake_after_ms() < 0) return;
    }
  }

  // Wraps a view's draw() in a window covering the display, as the shell does.
  static DrawFn in_window(const DrawFn& draw);

  // A widget of the last frame by its visible label (text before "##"), or
  // by its full label; nullptr if none.
  const ui::ProbedItem* find(const std::string& label) const;
  // Whether keyboard navigation currently rests on this widget.
  bool has_keyboard_focus(const ui::ProbedItem& item) const;
  // Labels of all labelled widgets of the last frame, for failure messages.
  std::vector<std::string> labels() const;
  // The recorder attached to the harness's context: the last frame's
  // semantics nodes, pending input for the next frame.
  ui::WidgetProbe& recorder() { return probe_; }
  // Draws without a recorder attached (as the native app does) or with one again.
  void set_recording(bool on);

  // Moves the mouse onto the widget and clicks it over the next frames.
  // False if the widget was not submitted or lies outside the display.
  bool click(const std::string& label, const DrawFn& draw);
  // Presses and releases a key (USB HID id, see ui/keys.h) with modifiers.
  void press_key(int key, const DrawFn& draw, bool ctrl = false, bool alt = false);

 private:
  // Rasterises `fonts` at the settings' scale, as the app does before its
  // first frame (nothing uploads the atlas).
  void build_atlas();

  ui::WidgetProbe probe_;
};

// One view under test in a full-display window, with its model in `h`.
template <typename ViewType>
struct ViewFixture {
  ViewHarness h;
  ViewType view;
  ViewHarness::DrawFn draw = ViewHarness::in_window([this] { view.draw(); });

  explicit ViewFixture(float width = 1280, float height = 800) : h(width, height) {
    view.init(h.context());
    h.frames(2, draw);  // ImGui lays out new windows over two frames
  }
  ~ViewFixture() { view.discard(); }
  bool click(const std::string& label) { return h.click(label, draw); }
};

}  // namespace portlab::test
