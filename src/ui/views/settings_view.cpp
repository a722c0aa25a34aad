#include "ui/views/settings_view.h"

#include <imgui.h>

#include <algorithm>

#include "core/ports/os_profile.h"
#include "ui/a11y/semantics.h"
#include "ui/widgets.h"
#include "ui/widgets/result_paragraph.h"

namespace portlab::ui {

void SettingsView::draw() {
  settings::Settings& s = *ctx_.settings;
  title(ctx_, "Settings");

  heading(ctx_, "Theme");
  a11y::begin(a11y::Role::Group, "Theme");
  bool first = true;
  for (settings::Theme theme : settings::kThemes) {
    const char* name = settings::theme_name(theme);
    if (!first) same_line_if_fits(ImGui::GetFrameHeight() + button_width(name));
    first = false;
    if (radio(name, s.theme == theme)) s.theme = theme;
  }
  a11y::end();

  heading(ctx_, "Text size");
  // Edited as a percentage ("150 %" reads better than "1.50") and applied
  // when the slider is released, so text does not re-layout under the pointer.
  const int current = static_cast<int>(s.ui_scale * 100.0f + 0.5f);
  if (!slider_active_) pending_percent_ = current;
  ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 18, ImGui::GetContentRegionAvail().x));
  // (A typed value out of range is clamped when applied.)
  const bool moved = slider_int("##text size", &pending_percent_, static_cast<int>(settings::kMinUiScale * 100),
                                static_cast<int>(settings::kMaxUiScale * 100), "%d %%");
  slider_active_ = ImGui::IsItemActive();
  // A value set by assistive technology moves no pointer: applied at once.
  if (ImGui::IsItemDeactivatedAfterEdit() || (moved && !slider_active_))
    s.ui_scale = settings::clamp_ui_scale(pending_percent_ / 100.0f);
  same_line_if_fits(button_width("Smaller"));
  if (ImGui::Button("Smaller")) s.ui_scale = settings::step_ui_scale(s.ui_scale, -1);
  same_line_if_fits(button_width("Larger"));
  if (ImGui::Button("Larger")) s.ui_scale = settings::step_ui_scale(s.ui_scale, +1);
  same_line_if_fits(button_width("Reset"));
  if (ImGui::Button("Reset")) s.ui_scale = settings::kDefaultUiScale;
  paragraph("Ctrl and + or - change the size from anywhere; Ctrl and 0 resets it.", Tone::Muted);

  heading(ctx_, "Motion");
  ImGui::Checkbox("Reduce motion (no animations)", &s.reduced_motion);

  heading(ctx_, "Default operating system");
  paragraph("The labs start with this system's rules and port ranges; each lab can still switch.", Tone::Muted);
  a11y::begin(a11y::Role::Group, "Default operating system");
  bool first_os = true;
  for (const ports::OsProfile& profile : ports::os_profiles()) {
    if (!first_os) same_line_if_fits(button_width(profile.name) + ImGui::GetFrameHeight());
    first_os = false;
    if (radio(profile.name, s.default_os == profile.key)) s.default_os = profile.key;
  }
  a11y::end();

  draw_progress_files();

  heading(ctx_, "Keyboard");
  struct Shortcut {
    const char* keys;
    const char* action;
  };
  constexpr Shortcut kShortcuts[] = {
      {"Arrow keys", "move between controls"},
      {"Space", "activate the highlighted control"},
      {"Tab / Shift+Tab", "move between text fields"},
      {"Escape", "leave a control or field"},
      {"Ctrl + / Ctrl -", "larger / smaller text"},
      {"Ctrl 0", "text size back to 100 %"},
      {"Alt+Left / Alt+Right", "back / forward"},
      {"Left / Right", "previous / next step in a lesson"},
      {"P", "presenter mode for a classroom (Escape leaves it)"},
  };
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(ImGui::GetFontSize() * 0.75f, 3.0f));
  if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_SizingFixedFit)) {
    for (const Shortcut& shortcut : kShortcuts) {
      ImGui::TableNextColumn();
      mono(ctx_, shortcut.keys);
      ImGui::TableNextColumn();
      text(shortcut.action);
    }
    ImGui::EndTable();
  }
  ImGui::PopStyleVar();
}

void SettingsView::draw_progress_files() {
  model::Model& m = *ctx_.model;
  heading(ctx_, "Your progress");
  paragraph("Progress is saved on this device as you go. Export it to keep a copy or to move it to another "
            "browser or computer; importing a file replaces the progress here (the old one is kept aside).",
            Tone::Muted);
  if (ImGui::Button("Export progress")) {
    const std::string name = "portlab-progress-" + progress::calendar_date(m.now_ms) + ".json";
    file_message_ = ctx_.files->save(name, progress::export_text(m.progress));
  }
  same_line_if_fits(button_width("Import progress..."));
  if (ctx_.files->has_picker()) {
    if (ImGui::Button("Import progress...")) ctx_.files->pick();
  } else {
    ImGui::NewLine();
    ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 24, ImGui::GetContentRegionAvail().x));
    text_field("##import path", import_path_, sizeof import_path_, 0, "Path of a progress file");
    same_line_if_fits(button_width("Import"));
    if (ImGui::Button("Import") && import_path_[0] != '\0') {
      std::string text, error;
      if (ctx_.files->read(import_path_, text, error)) m.preview_import(text);
      else file_message_ = error;
    }
  }
  // What Export, Import and the preview bring about is read out.
  if (!file_message_.empty()) result_paragraph(file_message_.c_str(), Tone::Muted);
  if (m.import_preview) {
    const bool ok = m.import_preview->ok();
    const std::string preview = progress::describe_import(*m.import_preview);
    if (ok) result_paragraph(preview.c_str(), Tone::Text);
    else result_paragraph(preview.c_str(), Tone::Warning, true);
    if (ok && ImGui::Button("Replace my progress")) m.confirm_import();
    if (ok) ImGui::SameLine();
    if (ImGui::Button(ok ? "Keep my progress" : "Close")) m.cancel_import();
  } else if (!m.import_message.empty()) {
    result_paragraph(m.import_message.c_str(), Tone::Success);
  }
}

}  // namespace portlab::ui
