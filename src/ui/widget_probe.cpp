#include "ui/widget_probe.h"

#include <imgui_internal.h>

namespace portlab::ui {

void WidgetProbe::attach() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  g.TestEngine = this;
  g.TestEngineHookItems = true;
}

void WidgetProbe::detach() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  g.TestEngine = nullptr;
  g.TestEngineHookItems = false;
}

void WidgetProbe::on_item_add(ImGuiID id, const ImVec2& min, const ImVec2& max) {
  if (id == 0) return;
  const ImRect clip = ImGui::GetCurrentContext()->CurrentWindow->ClipRect;
  const ImVec2 centre((min.x + max.x) / 2, (min.y + max.y) / 2);
  items_.push_back(ProbedItem{id, "", min, max, 0, clip.Contains(centre)});
}

void WidgetProbe::on_item_info(ImGuiID id, const char* label, int flags) {
  // ItemInfo follows the ItemAdd of the same widget within the frame.
  for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
    if (it->id == id) {
      it->label = label ? label : "";
      it->status_flags = flags;
      return;
    }
  }
}

}  // namespace portlab::ui

// The hooks ImGui declares when IMGUI_ENABLE_TEST_ENGINE is set.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
  if (auto* probe = static_cast<portlab::ui::WidgetProbe*>(ctx->TestEngine)) probe->on_item_add(id, bb.Min, bb.Max);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  if (auto* probe = static_cast<portlab::ui::WidgetProbe*>(ctx->TestEngine)) probe->on_item_info(id, label, flags);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
