// The test-engine hooks ImGui declares when IMGUI_ENABLE_TEST_ENGINE is set
// (every target). ImGui calls them only while something is attached as the
// context's TestEngine (g.TestEngineHookItems): an a11y::Recorder, in the
// browser (the mirror), in tests and when a test asks for {"widgets": true}.
// Natively the app pays one untaken branch per item.
#include <imgui.h>
#include <imgui_internal.h>

#include "ui/a11y/item_hooks.h"

using portlab::ui::a11y::ItemHooks;

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
  if (auto* hooks = static_cast<ItemHooks*>(ctx->TestEngine)) hooks->on_item_add(id, bb.Min, bb.Max);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  if (auto* hooks = static_cast<ItemHooks*>(ctx->TestEngine)) hooks->on_item_info(id, label, flags);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
