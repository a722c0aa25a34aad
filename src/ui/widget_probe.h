// Lets a test see every widget ImGui submits: its id, label and rectangle.
//
// ImGui is compiled with IMGUI_ENABLE_TEST_ENGINE on every target; its hooks
// call into this file only while a probe is attached (tests), so the app pays
// one untaken branch per widget.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

namespace portlab::ui {

struct ProbedItem {
  ImGuiID id = 0;
  std::string label;  // as submitted, including any "##suffix"
  ImVec2 min, max;    // screen rectangle
  int status_flags = 0;
  // Its centre lies inside what its window shows: a widget scrolled out of
  // a pane (a lesson step's lab beside the text) is still submitted, with a
  // rectangle that another widget covers on screen.
  bool visible = true;
};

class WidgetProbe {
 public:
  // Starts recording for the current ImGui context.
  void attach();
  void detach();
  // Call before each frame: forgets the previous frame's items.
  void clear() { items_.clear(); }
  const std::vector<ProbedItem>& items() const { return items_; }

  // Internal: called from the ImGui hooks.
  void on_item_add(ImGuiID id, const ImVec2& min, const ImVec2& max);
  void on_item_info(ImGuiID id, const char* label, int flags);

 private:
  std::vector<ProbedItem> items_;
};

}  // namespace portlab::ui
