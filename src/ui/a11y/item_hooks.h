// What ImGui's test-engine hooks (ui/a11y/imgui_hooks.cpp, compiled into the
// imgui library) call on the object attached as the context's TestEngine.
// An interface, so that library needs no symbol of portlab_ui (static
// libraries link in one order).
#pragma once

#include <imgui.h>

namespace portlab::ui::a11y {

class ItemHooks {
 public:
  virtual void on_item_add(ImGuiID id, const ImVec2& min, const ImVec2& max) = 0;
  virtual void on_item_info(ImGuiID id, const char* label, int flags) = 0;

 protected:
  ~ItemHooks() = default;
};

}  // namespace portlab::ui::a11y
