#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdlib>
#include <cstring>
#include <string>

#include "ui/a11y/semantics.h"

namespace portlab::ui {

namespace {

// The recorder, if one is attached: with none (natively, outside tests) the
// wrappers below cost this one test.
a11y::Recorder* recorder() {
  void* engine = GImGui->TestEngine;
  return engine ? static_cast<a11y::Recorder*>(static_cast<a11y::ItemHooks*>(engine)) : nullptr;
}

}  // namespace

void title(const ViewContext& ctx, const char* text) {
  ImGui::PushFont(ctx.fonts->title);
  ImGui::PushTextWrapPos(0.0f);  // wraps on phones instead of running off the edge
  ImGui::TextUnformatted(text);
  if (recorder()) a11y::text(a11y::Role::Heading, text, 1);
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
}

void heading(const ViewContext& ctx, const char* text) {
  ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
  ImGui::PushFont(ctx.fonts->heading);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text);
  if (recorder()) a11y::text(a11y::Role::Heading, text, 2);
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
}

void paragraph(const char* text, Tone role) {
  ImGui::PushStyleColor(ImGuiCol_Text, tone(role));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + reading_width());
  ImGui::TextUnformatted(text);
  if (recorder()) a11y::text(a11y::Role::Text, text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void mono(const ViewContext& ctx, const char* text) {
  ImGui::PushFont(ctx.fonts->mono);
  ImGui::TextUnformatted(text);
  if (recorder()) a11y::text(a11y::Role::Text, text);
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
  a11y::Recorder* r = recorder();
  if (!r) return ImGui::InputInt(label, value, step, step_fast);
  // The field's id as InputScalar makes it: "" under PushID(label).
  ImGui::PushID(label);
  const ImGuiID field = ImGui::GetID("");
  ImGui::PopID();
  bool applied = false;
  std::string text;
  bool submit = false;
  if (r->take_pending_text(field, text, submit)) {
    char* end = nullptr;
    const long parsed = std::strtol(text.c_str(), &end, 10);
    if (end != text.c_str()) {
      if (GImGui->ActiveId == field) ImGui::ClearActiveID();
      applied = *value != static_cast<int>(parsed);
      *value = static_cast<int>(parsed);
    }
  }
  const bool changed = ImGui::InputInt(label, value, step, step_fast);
  ImGuiContext& g = *GImGui;
  IMGUI_TEST_ENGINE_ITEM_INFO(field, label, 0);  // the inner field reported itself nameless
  if (a11y::Node* node = r->find(field)) node->value = std::to_string(*value);
  return changed || applied;
}

// ---- Widgets that tell assistive technology what they are

void text(const char* text) {
  ImGui::TextUnformatted(text);
  if (recorder()) a11y::text(a11y::Role::Text, text);
}

void text(Tone t, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, tone(t));
  ui::text(text);
  ImGui::PopStyleColor();
}

namespace {

// As ImGui::TextV: formats into ImGui's scratch buffer, then draws it.
void text_v(const char* fmt, va_list args) {
  ImGuiContext& g = *GImGui;
  if (g.CurrentWindow->SkipItems) return;
  const char* end = g.TempBuffer + ImFormatStringV(g.TempBuffer, IM_ARRAYSIZE(g.TempBuffer), fmt, args);
  ImGui::TextUnformatted(g.TempBuffer, end);
  if (recorder()) a11y::text(a11y::Role::Text, g.TempBuffer);
}

}  // namespace

void textf(const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  text_v(fmt, args);
  va_end(args);
}

void textf(Tone t, const char* fmt, ...) {
  ImGui::PushStyleColor(ImGuiCol_Text, tone(t));
  va_list args;
  va_start(args, fmt);
  text_v(fmt, args);
  va_end(args);
  ImGui::PopStyleColor();
}

void text_colored(const ImVec4& colour, const char* fmt, ...) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  va_list args;
  va_start(args, fmt);
  text_v(fmt, args);
  va_end(args);
  ImGui::PopStyleColor();
}

namespace {

// As ImGui::TextWrapped (wraps at the window's edge unless a wrap position
// is set), recorded with `role`.
void wrapped(const char* text, Tone t, a11y::Role role) {
  ImGui::PushStyleColor(ImGuiCol_Text, tone(t));
  const bool wrap_here = GImGui->CurrentWindow->DC.TextWrapPos < 0.0f;
  if (wrap_here) ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text);
  if (recorder()) a11y::text(role, text);
  if (wrap_here) ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

}  // namespace

void text_wrapped(const char* text, Tone t) { wrapped(text, t, a11y::Role::Text); }
void status(const char* text, Tone t) { wrapped(text, t, a11y::Role::Status); }
void alert(const char* text, Tone t) { wrapped(text, t, a11y::Role::Alert); }

void table_headers_row() {
  ImGui::TableHeadersRow();
  a11y::Recorder* r = recorder();
  ImGuiTable* table = GImGui->CurrentTable;
  if (!r || !table || table->HostSkipItems) return;
  // TableHeader reports its id but no label: the column names say it.
  const float y1 = table->RowPosY1;
  const float y2 = y1 + ImGui::TableGetHeaderRowHeight();
  for (int column = 0; column < table->ColumnsCount; ++column) {
    const ImGuiTableColumn& c = table->Columns[column];
    if (!c.IsEnabled || (ImGui::TableGetColumnFlags(column) & ImGuiTableColumnFlags_NoHeaderLabel)) continue;
    r->column_header(column, ImGui::TableGetColumnName(column), ImVec2(c.MinX, y1), ImVec2(c.MaxX, y2));
  }
}

bool radio(const char* label, bool active) {
  if (a11y::Recorder* r = recorder())
    r->hint(a11y::Role::Radio, active ? uint32_t{a11y::kChecked} : 0u, {}, label, ImGui::GetID(label));
  return ImGui::RadioButton(label, active);
}

bool link(const char* label) {
  if (a11y::Recorder* r = recorder()) r->hint(a11y::Role::Link, 0, {}, label, ImGui::GetID(label));
  return ImGui::Button(label);
}

bool option(const char* label, bool selected, ImGuiSelectableFlags flags, const ImVec2& size) {
  if (a11y::Recorder* r = recorder())
    r->hint(a11y::Role::Option, selected ? uint32_t{a11y::kSelected} : 0u, {}, label, ImGui::GetID(label));
  return ImGui::Selectable(label, selected, flags, size);
}

bool begin_combo(const char* label, const char* preview, ImGuiComboFlags flags) {
  a11y::Recorder* r = recorder();
  if (!r) return ImGui::BeginCombo(label, preview, flags);
  // BeginCombo reports no ItemInfo in ImGui 1.86: the hint names it.
  const ImGuiID id = ImGui::GetID(label);
  r->hint(a11y::Role::Combo, a11y::kExpandable, preview ? preview : "", label, id);
  const bool open = ImGui::BeginCombo(label, preview, flags);
  if (open) {
    if (a11y::Node* node = r->find(id)) node->states |= a11y::kExpanded;
  }
  return open;
}

bool text_field(const char* label, char* buf, size_t size, ImGuiInputTextFlags flags, const char* hint) {
  a11y::Recorder* r = recorder();
  if (!r) {
    return hint ? ImGui::InputTextWithHint(label, hint, buf, size, flags) : ImGui::InputText(label, buf, size, flags);
  }
  const ImGuiID id = ImGui::GetID(label);
  bool applied = false;
  std::string text;
  bool submit = false;
  if (size > 0 && r->take_pending_text(id, text, submit)) {
    const size_t n = std::min(text.size(), size - 1);
    std::memcpy(buf, text.data(), n);
    buf[n] = '\0';
    // While ImGui edits the field it owns the text and would write its own back.
    if (GImGui->ActiveId == id) ImGui::ClearActiveID();
    applied = !(flags & ImGuiInputTextFlags_EnterReturnsTrue) || submit;
  }
  uint32_t states = 0;
  if (flags & ImGuiInputTextFlags_Multiline) states |= a11y::kMultiline;
  if (flags & ImGuiInputTextFlags_ReadOnly) states |= a11y::kReadOnly;
  if (flags & ImGuiInputTextFlags_Password) states |= a11y::kPassword;
  r->hint(a11y::Role::TextField, states, {}, label, id);
  const bool edited =
      hint ? ImGui::InputTextWithHint(label, hint, buf, size, flags) : ImGui::InputText(label, buf, size, flags);
  if (a11y::Node* node = r->find(id)) {
    node->value = buf;
    if (hint && !*buf) node->description = hint;
  }
  return edited || applied;
}

namespace {

// A slider's node: its range and value, as text and as a number.
void describe_slider(a11y::Recorder& r, ImGuiID id, const char* text, float min, float max, float now) {
  a11y::Node* node = r.find(id);
  if (!node) return;
  node->value = text;
  node->value_min = min;
  node->value_max = max;
  node->value_now = now;
}

}  // namespace

bool slider_int(const char* label, int* value, int min, int max, const char* format) {
  a11y::Recorder* r = recorder();
  if (!r) return ImGui::SliderInt(label, value, min, max, format);
  const ImGuiID id = ImGui::GetID(label);
  bool applied = false;
  float pending = 0;
  if (r->take_pending_value(id, pending)) {
    const int v = std::clamp(static_cast<int>(std::lround(pending)), min, max);
    applied = v != *value;
    *value = v;
  }
  r->hint(a11y::Role::Slider, 0, {}, label, id);
  const bool changed = ImGui::SliderInt(label, value, min, max, format);
  char text[64];
  ImFormatString(text, sizeof text, format ? format : "%d", *value);
  describe_slider(*r, id, text, static_cast<float>(min), static_cast<float>(max), static_cast<float>(*value));
  return changed || applied;
}

bool slider_float(const char* label, float* value, float min, float max, const char* format) {
  a11y::Recorder* r = recorder();
  if (!r) return ImGui::SliderFloat(label, value, min, max, format);
  const ImGuiID id = ImGui::GetID(label);
  bool applied = false;
  float pending = 0;
  if (r->take_pending_value(id, pending)) {
    const float v = std::clamp(pending, min, max);
    applied = v != *value;
    *value = v;
  }
  r->hint(a11y::Role::Slider, 0, {}, label, id);
  const bool changed = ImGui::SliderFloat(label, value, min, max, format);
  char text[64];
  ImFormatString(text, sizeof text, format ? format : "%.2f", *value);
  describe_slider(*r, id, text, min, max, *value);
  return changed || applied;
}

void progress_bar(float fraction, const ImVec2& size, const char* overlay, const char* name) {
  ImGui::ProgressBar(fraction, size, overlay);
  a11y::Recorder* r = recorder();
  if (!r || GImGui->CurrentWindow->SkipItems) return;
  const ImRect& rect = GImGui->LastItemData.Rect;
  const ImGuiID id = ImGui::GetID(name);
  if (a11y::Node* node = r->add_node(id, a11y::Role::Progress, name, rect.Min, rect.Max)) {
    node->value = overlay ? overlay : "";
    node->value_min = 0;
    node->value_max = 1;
    node->value_now = fraction;
  }
}

}  // namespace portlab::ui
