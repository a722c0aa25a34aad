#include "ui/fonts.h"

#include <algorithm>
#include <cstdio>

namespace portlab::ui {

namespace {

// Latin (with Latin-1 and Extended-A) and the few symbols the course uses:
// dashes, quotes, bullet, ellipsis, arrows, minus, ≠ ≤ ≥, check marks and
// simple shapes. Every glyph costs atlas space at every scale, so whole
// blocks are not included. The build cuts the shipped fonts down to these
// (PORTLAB_SUBSET_OPTIONS in CMakeLists.txt; tests/ui/fonts_test.cpp checks
// that nothing listed here was cut).
const ImWchar kGlyphRanges[] = {
    0x0020, 0x017F,  // Basic Latin, Latin-1 Supplement, Latin Extended-A
    0x2010, 0x2026,  // dashes, quotes, bullet, ellipsis
    0x2030, 0x203A,  // per mille, primes, angle quotes
    0x2190, 0x2199,  // arrows
    0x2212, 0x2212,  // minus sign
    0x2260, 0x2260,  // not equal
    0x2264, 0x2265,  // less / greater than or equal
    0x25A0, 0x25A1,  // squares
    0x25CF, 0x25CF,  // black circle
    0x2713, 0x2713,  // check mark
    0x2717, 0x2717,  // ballot x
    0,
};

}  // namespace

const ImWchar* glyph_ranges() { return kGlyphRanges; }

namespace {

ImFont* add_font(const std::string& path, float size, float raster_scale) {
  // ImGui asserts on a missing file; check first so a broken install shows
  // the fallback font instead of stopping.
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    std::fclose(f);
  } else {
    return nullptr;
  }
  ImFontConfig config;
  // Horizontal oversampling sharpens small text on 1x screens; on dense
  // screens the pixels already do that, and it would double the atlas.
  config.OversampleH = raster_scale < 2.0f ? 2 : 1;
  config.OversampleV = 1;
  config.PixelSnapH = false;
  return ImGui::GetIO().Fonts->AddFontFromFileTTF(path.c_str(), size * raster_scale, &config, kGlyphRanges);
}

}  // namespace

bool build_fonts(FontSet& fonts, const std::string& asset_dir, float ui_scale, float device_ratio) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;  // WebGL2 takes any height
  // Glyphs are rasterised for the screen's pixels, up to a cap: past it the
  // atlas would outgrow what GPUs accept, and the text is scaled up instead.
  const float pixel_scale = ui_scale * device_ratio;
  const float raster_scale = std::min(pixel_scale, kMaxRasterScale);
  const std::string dir = asset_dir + "/fonts/";
  fonts.body = add_font(dir + "ui.ttf", kBodySize, raster_scale);
  fonts.bold = add_font(dir + "ui-bold.ttf", kBodySize, raster_scale);
  fonts.heading = add_font(dir + "ui-bold.ttf", kHeadingSize, raster_scale);
  fonts.title = add_font(dir + "ui-bold.ttf", kTitleSize, raster_scale);
  fonts.mono = add_font(dir + "mono.ttf", kMonoSize, raster_scale);
  fonts.pixel_scale = pixel_scale;
  const bool ok = fonts.body && fonts.bold && fonts.heading && fonts.title && fonts.mono;
  if (!ok) {
    // Keep the app usable (and the failure visible) with ImGui's built-in font.
    io.Fonts->Clear();
    ImFontConfig config;
    config.SizePixels = 13.0f * raster_scale;
    ImFont* fallback = io.Fonts->AddFontDefault(&config);
    fonts.body = fonts.bold = fonts.heading = fonts.title = fonts.mono = fallback;
  }
  io.FontDefault = fonts.body;
  // Layout happens in logical pixels at the UI scale; glyphs were rasterised
  // at raster_scale.
  io.FontGlobalScale = ui_scale / raster_scale;
  return ok;
}

}  // namespace portlab::ui
