// Small drawing helpers shared by the views, so every screen titles, words and
// spaces things the same way.
#pragma once

#include <imgui.h>

#include "ui/theme.h"
#include "ui/view_context.h"

namespace portlab::ui {

// A screen title in the title font.
void title(const ViewContext& ctx, const char* text);
// A section heading in the heading font, with space above it.
void heading(const ViewContext& ctx, const char* text);
// Wrapped paragraph text, optionally in a tone.
void paragraph(const char* text, Tone role = Tone::Text);
// Text in the monospace font (ports, addresses, commands).
void mono(const ViewContext& ctx, const char* text);
// A bordered card of the given height holding `draw`'s content; `id` must be unique in the window.
template <typename Fn>
void card(const char* id, float height, Fn&& draw) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, tone(Tone::CardBackground));
  ImGui::BeginChild(id, ImVec2(0, height), true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NavFlattened);
  draw();
  ImGui::EndChild();
  ImGui::PopStyleColor();
}
// Puts the next item on the same line if `width` more fits before the right
// edge, else starts a new line: rows of buttons wrap on phones.
void same_line_if_fits(float width);
// The width a button with this label will take.
float button_width(const char* label);

// Width that keeps reading text to a comfortable line length.
// ImGui::InputInt with - and + buttons. ImGui gives the text field inside
// such a group an empty label, so the widget probe (the test hook, and the
// names assistive technology will read) would see a nameless field; this
// names it after the group's label.
bool input_int_with_steps(const char* label, int* value, int step, int step_fast);

float reading_width();

}  // namespace portlab::ui
