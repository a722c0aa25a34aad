#include "ui/fonts.h"

#include <cstdio>

namespace portlab::ui {

namespace {

// Latin, Latin-1 supplement and extended-A, general punctuation, arrows,
// math operators, box drawing, geometric shapes: enough for the course text
// (dashes, arrows, ≤ ≥, ×, bullets) without rasterising whole scripts.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x017F, 0x2010, 0x205E, 0x2190, 0x21FF, 0x2200, 0x22FF, 0x2500, 0x257F, 0x25A0, 0x25FF, 0,
};

ImFont* add_font(const std::string& path, float size, float pixel_scale) {
  // ImGui asserts on a missing file; check first so a broken install shows
  // the fallback font instead of stopping.
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    std::fclose(f);
  } else {
    return nullptr;
  }
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  config.PixelSnapH = false;
  return ImGui::GetIO().Fonts->AddFontFromFileTTF(path.c_str(), size * pixel_scale, &config, kGlyphRanges);
}

}  // namespace

bool build_fonts(FontSet& fonts, const std::string& asset_dir, float ui_scale, float device_ratio) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const float pixel_scale = ui_scale * device_ratio;
  const std::string dir = asset_dir + "/fonts/";
  fonts.body = add_font(dir + "ui.otf", kBodySize, pixel_scale);
  fonts.bold = add_font(dir + "ui-bold.otf", kBodySize, pixel_scale);
  fonts.heading = add_font(dir + "ui-bold.otf", kHeadingSize, pixel_scale);
  fonts.title = add_font(dir + "ui-bold.otf", kTitleSize, pixel_scale);
  fonts.mono = add_font(dir + "mono.ttf", kMonoSize, pixel_scale);
  fonts.pixel_scale = pixel_scale;
  fonts.device_ratio = device_ratio;
  const bool ok = fonts.body && fonts.bold && fonts.heading && fonts.title && fonts.mono;
  if (!ok) {
    // Keep the app usable (and the failure visible) with ImGui's built-in font.
    io.Fonts->Clear();
    ImFontConfig config;
    config.SizePixels = 13.0f * pixel_scale;
    ImFont* fallback = io.Fonts->AddFontDefault(&config);
    fonts.body = fonts.bold = fonts.heading = fonts.title = fonts.mono = fallback;
  }
  io.FontDefault = fonts.body;
  // Layout happens in logical pixels; glyphs were rasterised for the device.
  io.FontGlobalScale = 1.0f / device_ratio;
  return ok;
}

}  // namespace portlab::ui
