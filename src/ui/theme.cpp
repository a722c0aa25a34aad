#include "ui/theme.h"

namespace portlab::ui {

namespace {

// Every pair ImGui draws from these passes WCAG 2.1 AA (tests/ui/theme_contrast_test.cpp):
// each text tone is >= 4.5:1 on every surface it can sit on (window, card,
// field, button, selected/hovered/pressed row, alternate table row), and
// borders, check marks, slider grabs and the focus ring are >= 3:1 against
// what surrounds them. Change a value only with that test running.
struct Palette {
  ImVec4 background, surface, surface_hover, surface_active;
  ImVec4 border;   // field, button and card outlines, separators, scrollbar thumbs: >= 3:1
  ImVec4 divider;  // table row lines, decoration only
  ImVec4 text, muted, accent, accent_hover, success, warning, danger, card;
  ImVec4 selection;  // selected text in a field, drawn over the field
  ImVec4 progress;   // a progress bar's fill; its overlay text is `text`
};

ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
  return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, alpha);
}

// Only lightness was changed for contrast (issue 19); hues are the originals.
Palette palette_for(settings::Theme theme) {
  switch (theme) {
    case settings::Theme::Light:
      return {rgb(0xF5F6F8), rgb(0xE6EAEF), rgb(0xDDE3EA), rgb(0xD5DCE5), rgb(0x848D9B), rgb(0xC5CCD6),
              rgb(0x1B1F24), rgb(0x4F5866), rgb(0x1259C8), rgb(0x1F6FEB), rgb(0x166A2E), rgb(0x7D5400),
              rgb(0xB81D28), rgb(0xFFFFFF), rgb(0x1259C8, 0.35f), rgb(0x5380F3)};
    case settings::Theme::HighContrast:
      // Pure black and white with yellow focus: WCAG AAA contrast for text.
      return {rgb(0x000000), rgb(0x000000), rgb(0x2E2E2E), rgb(0x404040), rgb(0xFFFFFF), rgb(0xFFFFFF),
              rgb(0xFFFFFF), rgb(0xFFFFFF), rgb(0xFFE500), rgb(0xFFF066), rgb(0x66FF66), rgb(0xFFE500),
              rgb(0xFF8A8A), rgb(0x000000), rgb(0x1F4FA8), rgb(0x3674D2)};
    case settings::Theme::Dark:
      break;
  }
  return {rgb(0x15181D), rgb(0x232831), rgb(0x2C323D), rgb(0x333A47), rgb(0x646E7E), rgb(0x363D4A),
          rgb(0xE6EAF0), rgb(0xA3ADBA), rgb(0x62A8FF), rgb(0x84BBFF), rgb(0x4AC26B), rgb(0xE3B341),
          rgb(0xF7857C), rgb(0x1C2027), rgb(0x62A8FF, 0.35f), rgb(0x2C67C1)};
}

Palette g_palette = palette_for(settings::Theme::Dark);

}  // namespace

void apply_theme(settings::Theme theme, float scale) {
  g_palette = palette_for(theme);
  const Palette& p = g_palette;
  const bool high_contrast = theme == settings::Theme::HighContrast;

  ImGuiStyle style;  // start from defaults so repeated calls do not compound scaling
  style.WindowPadding = ImVec2(16, 14);
  style.FramePadding = ImVec2(12, 7);
  style.ItemSpacing = ImVec2(10, 9);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.ScrollbarSize = 16;
  style.GrabMinSize = 14;
  style.WindowRounding = 0;
  style.ChildRounding = 8;
  style.FrameRounding = 6;
  style.PopupRounding = 6;
  style.GrabRounding = 6;
  style.TabRounding = 6;
  style.WindowBorderSize = 0;
  // Fields, buttons, check boxes and radio buttons are outlined: their fill
  // is close to the background, the outline is what shows where they are
  // (WCAG 1.4.11).
  style.FrameBorderSize = high_contrast ? 2.0f : 1.0f;
  style.ChildBorderSize = high_contrast ? 2.0f : 1.0f;

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = p.text;
  c[ImGuiCol_TextDisabled] = p.muted;
  c[ImGuiCol_WindowBg] = p.background;
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = p.card;
  c[ImGuiCol_Border] = p.border;
  c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = p.surface;
  c[ImGuiCol_FrameBgHovered] = p.surface_hover;
  c[ImGuiCol_FrameBgActive] = p.surface_active;
  c[ImGuiCol_TitleBg] = p.surface;
  c[ImGuiCol_TitleBgActive] = p.surface_active;
  c[ImGuiCol_MenuBarBg] = p.card;
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = p.border;
  c[ImGuiCol_ScrollbarGrabHovered] = p.muted;
  c[ImGuiCol_ScrollbarGrabActive] = p.accent;
  c[ImGuiCol_CheckMark] = p.accent;
  c[ImGuiCol_SliderGrab] = p.accent;
  c[ImGuiCol_SliderGrabActive] = p.accent_hover;
  c[ImGuiCol_Button] = p.surface;
  c[ImGuiCol_ButtonHovered] = p.surface_hover;
  c[ImGuiCol_ButtonActive] = p.surface_active;
  c[ImGuiCol_Header] = p.surface;
  c[ImGuiCol_HeaderHovered] = p.surface_hover;
  c[ImGuiCol_HeaderActive] = p.surface_active;
  c[ImGuiCol_Separator] = p.border;
  c[ImGuiCol_Tab] = p.surface;
  c[ImGuiCol_TabHovered] = p.surface_hover;
  c[ImGuiCol_TabActive] = p.surface_active;
  c[ImGuiCol_TableHeaderBg] = p.surface;
  c[ImGuiCol_TableBorderStrong] = p.border;
  c[ImGuiCol_TableBorderLight] = p.divider;
  c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_TableRowBgAlt] = ImVec4(p.surface.x, p.surface.y, p.surface.z, 0.35f);
  c[ImGuiCol_TextSelectedBg] = p.selection;
  c[ImGuiCol_PlotHistogram] = p.progress;  // ProgressBar's fill
  c[ImGuiCol_PlotHistogramHovered] = p.progress;
  c[ImGuiCol_NavHighlight] = p.accent;  // the keyboard focus ring (ImGui draws it 2 px wide)
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.55f);

  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

ImVec4 tone(Tone role) {
  switch (role) {
    case Tone::Text: return g_palette.text;
    case Tone::Muted: return g_palette.muted;
    case Tone::Accent: return g_palette.accent;
    case Tone::Success: return g_palette.success;
    case Tone::Warning: return g_palette.warning;
    case Tone::Danger: return g_palette.danger;
    case Tone::CardBackground: return g_palette.card;
  }
  return g_palette.text;
}

}  // namespace portlab::ui
