// The app's fonts, rasterised for the current UI scale and screen density.
//
// Text is rasterised at (logical size x ui scale x device pixel ratio) and
// drawn at 1/pixel-ratio, so it is crisp on high-DPI screens while layout
// stays in logical pixels. Rebuilding is needed only when that product
// changes; FontSet::pixel_scale says what the atlas was built for.
#pragma once

#include <string>

#include <imgui.h>

namespace portlab::ui {

struct FontSet {
  ImFont* body = nullptr;     // Inter Regular, the UI and reading text
  ImFont* bold = nullptr;     // Inter SemiBold, emphasis and labels
  ImFont* heading = nullptr;  // Inter SemiBold, large
  ImFont* title = nullptr;    // Inter SemiBold, the screen title
  ImFont* mono = nullptr;     // JetBrains Mono: ports, addresses, code
  float pixel_scale = 0;      // ui scale x device pixel ratio it was built at
};

// Logical pixel sizes at UI scale 1.
inline constexpr float kBodySize = 17.0f;
inline constexpr float kHeadingSize = 23.0f;
inline constexpr float kTitleSize = 32.0f;
inline constexpr float kMonoSize = 16.0f;
// Largest rasterisation scale: at 4 the atlas is about 2048 x 2048 pixels.
inline constexpr float kMaxRasterScale = 4.0f;

// The characters the fonts are rasterised for: ImGui's zero-terminated list
// of inclusive [first, last] pairs.
const ImWchar* glyph_ranges();

// Loads the fonts from `asset_dir` into ImGui's atlas (clearing it first).
// Returns false, with ImGui's default font installed, if a file is missing.
bool build_fonts(FontSet& fonts, const std::string& asset_dir, float ui_scale, float device_ratio);

}  // namespace portlab::ui
