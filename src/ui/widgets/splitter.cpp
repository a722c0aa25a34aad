#include "ui/widgets/splitter.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <string>

#include "ui/a11y/semantics.h"

#include "ui/keys.h"
#include "ui/theme.h"

namespace portlab::ui {

namespace {

// One key press moves the divider this share of the total.
constexpr float kKeyStep = 0.04f;
// A pointer target at least 24 px wide (WCAG 2.5.8), kept a few pixels off
// the text pane's scrollbar on its left so each target stays apart.
constexpr float kMinTarget = 24.0f;
constexpr float kScrollbarGap = 4.0f;

float target_width() { return std::max(kMinTarget, ImGui::GetFontSize() * 0.6f); }

float clamp_ratio(float ratio, float total, float min_first, float min_second) {
  if (total <= 0) return ratio;
  const float lo = std::min(min_first / total, 0.5f);
  const float hi = std::max(1.0f - min_second / total, 0.5f);
  return std::clamp(ratio, lo, std::max(lo, hi));
}

}  // namespace

float Splitter::thickness() { return kScrollbarGap + target_width(); }

float Splitter::first_width(float total, float min_first, float min_second) const {
  return total * clamp_ratio(ratio_, total, min_first, min_second);
}

bool Splitter::draw(const char* label, float total, float height, float min_first, float min_second) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  const float before = ratio_ = clamp_ratio(ratio_, total, min_first, min_second);
  const ImVec2 at(ImGui::GetCursorScreenPos().x + kScrollbarGap, ImGui::GetCursorScreenPos().y);
  const float w = target_width();
  // Assistive technology sees a slider: the first pane's share, which it
  // can set (the bridge's value arrives as a percentage).
  if (a11y::Recorder* recorder = a11y::current()) {
    float percent = 0;
    if (recorder->take_pending_value(ImGui::GetID(label), percent))
      ratio_ = clamp_ratio(percent / 100.0f, total, min_first, min_second);
    a11y::next_item(a11y::Role::Slider, 0, std::to_string(static_cast<int>(ratio_ * 100.0f + 0.5f)) + " %");
  }
  // A Tab stop (ImGui 1.86 tabs only through "inputable" items), so the
  // keyboard reaches it without the arrows, which turn a lesson's steps.
  ImGui::PushItemFlag(ImGuiItemFlags_Inputable, true);
  ImGui::SetCursorScreenPos(at);
  ImGui::InvisibleButton(label, ImVec2(w, std::max(height, 1.0f)));
  ImGui::PopItemFlag();
  const ImGuiID id = ImGui::GetItemID();
  // InvisibleButton gives no label to the widget probe (the test hook and
  // the browser tests find widgets by label), so say it here.
  IMGUI_TEST_ENGINE_ITEM_INFO(id, label, g.LastItemData.StatusFlags);
  if (a11y::Recorder* recorder = a11y::current()) {
    if (a11y::Node* node = recorder->find(id)) {
      node->value_min = 0;
      node->value_max = 100;
      node->value_now = ratio_ * 100.0f;
    }
  }
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  if (hovered || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  if (hovered && !active) ImGui::SetTooltip("%s (drag, or focus it and use Left and Right)", label);
  if (active && g.ActiveIdSource == ImGuiInputSource_Mouse && total > 0 && g.IO.MouseDelta.x != 0.0f)
    ratio_ += g.IO.MouseDelta.x / total;

  // The keys belong to the divider only while the keyboard rests on it (a
  // click leaves it with no visible focus, and the arrows turn steps then).
  // The focus is judged as of the last frame, like the lesson's own check.
  if (keyboard_focused_ && g.NavId == id && !g.IO.WantTextInput) {
    const bool left = ImGui::IsKeyPressed(keys::kLeft), right = ImGui::IsKeyPressed(keys::kRight);
    if (left) ratio_ -= kKeyStep;
    if (right) ratio_ += kKeyStep;
    // Keep keyboard navigation where it is instead of moving to the pane
    // beside the divider.
    if ((left || right) && g.NavMoveSubmitted &&
        (g.NavMoveDir == ImGuiDir_Left || g.NavMoveDir == ImGuiDir_Right))
      ImGui::NavMoveRequestCancel();
  }
  // Reached by Tab or the arrows: the keyboard's until a click elsewhere
  // (a click on the divider itself makes it the mouse's).
  if (g.NavJustMovedToId == id) reached_by_keys_ = true;
  if (g.NavId != id || (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left))) reached_by_keys_ = false;
  keyboard_focused_ = g.NavId == id && (reached_by_keys_ || !g.NavDisableHighlight);
  ratio_ = clamp_ratio(ratio_, total, min_first, min_second);

  // A thin rule with a grip in its middle; brighter while in use.
  const Tone line_tone = active || keyboard_focused_ ? Tone::Accent : hovered ? Tone::Text : Tone::Muted;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float x = at.x + w * 0.5f;
  dl->AddLine(ImVec2(x, at.y), ImVec2(x, at.y + height), ImGui::GetColorU32(tone(line_tone)),
              active || keyboard_focused_ ? 2.0f : 1.0f);
  const float grip = ImGui::GetFontSize() * 1.2f;
  const float mid = at.y + std::min(height * 0.5f, ImGui::GetFontSize() * 12.0f);
  const float half = std::max(8.0f, ImGui::GetFontSize() * 0.6f) * 0.3f;  // the grip as thin as it looks
  dl->AddRectFilled(ImVec2(x - half, mid - grip), ImVec2(x + half, mid + grip), ImGui::GetColorU32(tone(line_tone)),
                    half);
  return ratio_ != before;
}

}  // namespace portlab::ui
