#include "ui/theme.h"

namespace portlab::ui {

namespace {

struct Palette {
  ImVec4 background, surface, surface_hover, surface_active, border, text, muted, accent, accent_hover, success,
      warning, danger, card;
};

ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
  return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, alpha);
}

Palette palette_for(settings::Theme theme) {
  switch (theme) {
    case settings::Theme::Light:
      return {rgb(0xF5F6F8), rgb(0xE3E7ED), rgb(0xD3DAE4), rgb(0xC2CCDA), rgb(0xC5CCD6), rgb(0x1B1F24),
              rgb(0x5A6472), rgb(0x1F6FEB), rgb(0x3D85F0), rgb(0x1A7F37), rgb(0x9A6700), rgb(0xCF222E),
              rgb(0xFFFFFF)};
    case settings::Theme::HighContrast:
      // Pure black and white with yellow focus: WCAG AAA contrast everywhere.
      return {rgb(0x000000), rgb(0x000000), rgb(0x333333), rgb(0x555555), rgb(0xFFFFFF), rgb(0xFFFFFF),
              rgb(0xFFFFFF), rgb(0xFFE500), rgb(0xFFF066), rgb(0x66FF66), rgb(0xFFE500), rgb(0xFF6B6B),
              rgb(0x000000)};
    case settings::Theme::Dark:
      break;
  }
  return {rgb(0x15181D), rgb(0x232831), rgb(0x2E3542), rgb(0x394253), rgb(0x363D4A), rgb(0xE6EAF0),
          rgb(0x9AA4B2), rgb(0x4C9AFF), rgb(0x6AAEFF), rgb(0x4AC26B), rgb(0xE3B341), rgb(0xF47067),
          rgb(0x1C2027)};
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
  style.FrameBorderSize = high_contrast ? 2.0f : 0.0f;
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
  c[ImGuiCol_ScrollbarGrab] = p.surface_hover;
  c[ImGuiCol_ScrollbarGrabHovered] = p.surface_active;
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
  c[ImGuiCol_TableBorderLight] = p.border;
  c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_TableRowBgAlt] = ImVec4(p.surface.x, p.surface.y, p.surface.z, 0.35f);
  c[ImGuiCol_TextSelectedBg] = ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.35f);
  c[ImGuiCol_NavHighlight] = p.accent;
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
