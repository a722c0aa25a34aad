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

// ---- Widgets that tell assistive technology what they are (ui/a11y).
// ImGui's hooks see buttons, checkboxes, fields and sliders by their labels,
// but not static text, nor that a button is a radio button, a link or a
// list option, nor a field's value. Views use these instead of the ImGui
// calls of the same name; each draws exactly what ImGui would.

// Static text (ImGui::TextUnformatted / Text / TextColored / TextWrapped).
void text(const char* text);
void text(Tone tone, const char* text);
void textf(const char* fmt, ...) IM_FMTARGS(1);
void textf(Tone tone, const char* fmt, ...) IM_FMTARGS(2);
void text_colored(const ImVec4& colour, const char* fmt, ...) IM_FMTARGS(2);
void text_wrapped(const char* text, Tone tone = Tone::Text);
// A result that appears after an action (a bind() result, right or wrong,
// a goal met, a NAT step): read out politely when it appears or changes.
void status(const char* text, Tone tone = Tone::Text);
// An error or a refusal: read out at once.
void alert(const char* text, Tone tone = Tone::Danger);
// The header row of the current ImGui table, as column headers.
void table_headers_row();
// Kinds of widget the hooks cannot tell apart from a button.
bool radio(const char* label, bool active);
bool link(const char* label);  // a button that takes the learner somewhere
bool option(const char* label, bool selected, ImGuiSelectableFlags flags = 0, const ImVec2& size = ImVec2(0, 0));
bool begin_combo(const char* label, const char* preview, ImGuiComboFlags flags = 0);
// Text fields whose text assistive technology can read and set (the
// browser edits them through a real <input>). True when edited; `hint`
// as InputTextWithHint.
bool text_field(const char* label, char* buf, size_t size, ImGuiInputTextFlags flags = 0, const char* hint = nullptr);
bool slider_int(const char* label, int* value, int min, int max, const char* format = "%d");
bool slider_float(const char* label, float* value, float min, float max, const char* format = "%.2f");
void progress_bar(float fraction, const ImVec2& size, const char* overlay, const char* name);

}  // namespace portlab::ui
