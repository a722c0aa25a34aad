// A result or a problem that appears after an action, laid out as
// paragraph() lays text out (wrapped to a reading width, not the window's
// edge) and read out when it appears: ui::status, or ui::alert for a problem.
#pragma once

#include <imgui.h>

#include "ui/widgets.h"

namespace portlab::ui {

inline void result_paragraph(const char* text, Tone tone_of_text = Tone::Text, bool problem = false) {
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + reading_width());
  if (problem) alert(text, tone_of_text);
  else status(text, tone_of_text);
  ImGui::PopTextWrapPos();
}

}  // namespace portlab::ui
