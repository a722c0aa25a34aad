// The app's fonts, rasterised for the current UI scale and screen density.
//
// Text is rasterised at (logical size x ui scale x device pixel ratio) and
// drawn at 1/pixel-ratio, so it is crisp on high-DPI screens while layout
// stays in logical pixels. Rebuilding is needed only when that product
// changes; FontSet::pixel_scale says what the atlas was built for.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace portlab::ui {

// The characters the atlas holds. Every glyph costs start-up time: in the
// browser, rasterising all ~400 characters the shipped fonts have, in five
// fonts, was the largest part of building the atlas, while the course uses
// a handful beyond ASCII. So each font gets ASCII and every character the
// loaded lessons, banks and scenarios use; the fonts text fields draw with
// (body and mono) also get Latin-1, for what a learner types.
class GlyphSet {
 public:
  // Adds the characters `utf8` uses that the shipped fonts have
  // (glyph_ranges()); call before build_fonts.
  void add_text(std::string_view utf8);
  // ImGui's zero-terminated [first, last] pairs. The arrays live as long as
  // this set, as ImGui's atlas needs; `typed` adds Latin-1.
  const ImWchar* ranges(bool typed);
  // How many characters a font gets (for tests).
  int count(bool typed);

 private:
  std::vector<ImWchar> content_;  // beyond ASCII, from the content, each once
  bool built_ = false;
  ImVector<ImWchar> shown_, typed_;
  void build();
};

struct FontSet {
  ImFont* body = nullptr;     // Inter Regular, the UI and reading text
  ImFont* bold = nullptr;     // Inter SemiBold, emphasis and labels
  ImFont* heading = nullptr;  // Inter SemiBold, large
  ImFont* title = nullptr;    // Inter SemiBold, the screen title
  ImFont* mono = nullptr;     // JetBrains Mono: ports, addresses, code
  float pixel_scale = 0;      // ui scale x device pixel ratio it was built at; 0: not built yet
  GlyphSet glyphs;            // what to rasterise: ASCII, Latin-1, the content's
};

// Logical pixel sizes at UI scale 1.
inline constexpr float kBodySize = 17.0f;
inline constexpr float kHeadingSize = 23.0f;
inline constexpr float kTitleSize = 32.0f;
inline constexpr float kMonoSize = 16.0f;
// Largest rasterisation scale: at 4 the atlas is about 2048 x 2048 pixels.
inline constexpr float kMaxRasterScale = 4.0f;

// The characters the shipped fonts keep (the build cuts them down to these):
// ImGui's zero-terminated list of inclusive [first, last] pairs. The atlas
// holds the part of it that GlyphSet selects.
const ImWchar* glyph_ranges();

// Whether `c` lies in one of ImGui's zero-terminated [first, last] pairs.
bool ranges_contain(const ImWchar* ranges, unsigned int c);

// Loads the fonts from `asset_dir` into ImGui's atlas (clearing it first)
// and rasterises them; needs no GL context.
// Returns false, with ImGui's default font installed, if a file is missing.
bool build_fonts(FontSet& fonts, const std::string& asset_dir, float ui_scale, float device_ratio);

}  // namespace portlab::ui
