#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>

namespace portlab::ui {

void title(const ViewContext& ctx, const char* text) {
  ImGui::PushFont(ctx.fonts->title);
  ImGui::PushTextWrapPos(0.0f);  // wraps on phones instead of running off the edge
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
}

void heading(const ViewContext& ctx, const char* text) {
  ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
  ImGui::PushFont(ctx.fonts->heading);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
}

void paragraph(const char* text, Tone role) {
  ImGui::PushStyleColor(ImGuiCol_Text, tone(role));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + reading_width());
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void mono(const ViewContext& ctx, const char* text) {
  ImGui::PushFont(ctx.fonts->mono);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

void same_line_if_fits(float width) {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + spacing + width <= right_edge) ImGui::SameLine();
}

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

float reading_width() {
  // About 75 characters of body text, or the available width if narrower.
  const float comfortable = ImGui::GetFontSize() * 38.0f;
  return std::min(comfortable, ImGui::GetContentRegionAvail().x);
}

bool input_int_with_steps(const char* label, int* value, int step, int step_fast) {
  // The field's id as InputScalar makes it: "" under PushID(label).
  ImGui::PushID(label);
  const ImGuiID field = ImGui::GetID("");
  ImGui::PopID();
  const bool changed = ImGui::InputInt(label, value, step, step_fast);
  ImGuiContext& g = *GImGui;
  IMGUI_TEST_ENGINE_ITEM_INFO(field, label, 0);
  return changed;
}

}  // namespace portlab::ui
