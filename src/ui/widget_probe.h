// Lets a test see every widget ImGui submits: its id, label, rectangle and
// role. The probe is the accessibility recorder (ui/a11y/semantics.h): what
// assistive technology reads is what the tests find widgets by.
//
// ImGui is compiled with IMGUI_ENABLE_TEST_ENGINE on every target; its hooks
// (ui/a11y/imgui_hooks.cpp) call into the recorder only while one is
// attached, so the app pays one untaken branch per widget otherwise.
#pragma once

#include <vector>

#include "ui/a11y/semantics.h"

namespace portlab::ui {

// A widget (or text) of the last frame. `visible()`: its centre lies inside
// what its window shows - a widget scrolled out of a pane is still submitted,
// with a rectangle another widget covers on screen.
using ProbedItem = a11y::Node;

class WidgetProbe : public a11y::Recorder {
 public:
  // Call before each frame: forgets the previous frame's items.
  void clear() { begin_frame(); }
  const std::vector<ProbedItem>& items() const { return nodes(); }
};

}  // namespace portlab::ui
