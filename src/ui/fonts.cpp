#include "ui/fonts.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <initializer_list>

#include <imgui_internal.h>  // ImTextCharFromUtf8

namespace portlab::ui {

namespace {

// Latin (with Latin-1 and Extended-A) and the few symbols a course may use:
// dashes, quotes, bullet, ellipsis, arrows, minus, ≠ ≤ ≥, check marks and
// simple shapes. Whole blocks beyond these are not kept, to keep the fonts
// small. The build cuts the shipped fonts down to these
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

// Every font: ASCII, the section sign the NAT engine's RFC references use,
// the middle dot, bullet, check mark and ballot x the activity widgets and
// lesson list items show, and the ellipsis ImGui draws where text is clipped.
const ImWchar kAlwaysShown[] = {0x0020, 0x007E, 0x00A7, 0x00A7, 0x00B7, 0x00B7, 0x2022, 0x2022,
                                0x2026, 0x2026, 0x2713, 0x2713, 0x2717, 0x2717, 0};
// The fonts of text fields, in addition: Latin-1 (accented letters).
const ImWchar kTyped[] = {0x00A0, 0x00FF, 0};

// `chars` and the ranges in `add`, as ImGui's zero-terminated pairs.
void write_ranges(std::vector<ImWchar> chars, std::initializer_list<const ImWchar*> add, ImVector<ImWchar>& out) {
  for (const ImWchar* ranges : add)
    for (const ImWchar* r = ranges; r[0]; r += 2)
      for (unsigned c = r[0]; c <= r[1]; ++c) chars.push_back(static_cast<ImWchar>(c));
  std::sort(chars.begin(), chars.end());
  chars.erase(std::unique(chars.begin(), chars.end()), chars.end());
  out.clear();
  for (size_t i = 0; i < chars.size(); ++i) {
    const size_t first = i;
    while (i + 1 < chars.size() && chars[i + 1] == chars[i] + 1) ++i;
    out.push_back(chars[first]);
    out.push_back(chars[i]);
  }
  out.push_back(0);
}

}  // namespace

const ImWchar* glyph_ranges() { return kGlyphRanges; }

bool ranges_contain(const ImWchar* ranges, unsigned int c) {
  for (const ImWchar* r = ranges; r[0]; r += 2)
    if (c >= r[0] && c <= r[1]) return true;
  return false;
}

void GlyphSet::add_text(std::string_view utf8) {
  const char* const end = utf8.data() + utf8.size();
  for (const char* p = utf8.data(); p < end;) {
    // ASCII is in every font already; only the rest needs decoding. The
    // page runs this over the whole course before its first frame, so runs
    // of ASCII are skipped eight bytes at a time.
    if (end - p >= 8) {
      constexpr uint64_t kHighBits = 0x8080808080808080ull;
      uint64_t eight = 0;
      std::memcpy(&eight, p, 8);
      if ((eight & kHighBits) == 0) {
        p += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(*p) < 0x80) {
      ++p;
      continue;
    }
    unsigned int c = 0;
    const int length = ImTextCharFromUtf8(&c, p, end);
    p += length > 0 ? length : 1;
    // At most the few hundred characters the fonts have are kept.
    const ImWchar glyph = static_cast<ImWchar>(c);
    if (ranges_contain(kGlyphRanges, c) && std::find(content_.begin(), content_.end(), glyph) == content_.end()) {
      content_.push_back(glyph);
      built_ = false;
    }
  }
}

void GlyphSet::build() {
  write_ranges(content_, {kAlwaysShown}, shown_);
  write_ranges(content_, {kAlwaysShown, kTyped}, typed_);
  built_ = true;
}

const ImWchar* GlyphSet::ranges(bool typed) {
  if (!built_) build();
  return typed ? typed_.Data : shown_.Data;
}

int GlyphSet::count(bool typed) {
  int n = 0;
  for (const ImWchar* r = ranges(typed); r[0]; r += 2) n += r[1] - r[0] + 1;
  return n;
}

namespace {

constexpr float kOversampleBelowPx = 20.0f;

ImFont* add_font(const std::string& path, float size, float raster_scale, const ImWchar* glyphs) {
  // ImGui asserts on a missing file; check first so a broken install shows
  // the fallback font instead of stopping.
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    std::fclose(f);
  } else {
    return nullptr;
  }
  ImFontConfig config;
  // Horizontal oversampling sharpens small text on 1x screens. Glyphs
  // rasterised at 20 px or more (headings, or any text on a dense screen)
  // have the pixels already; for them it would only double the atlas, and
  // the heading and title fonts are most of its area.
  config.OversampleH = size * raster_scale < kOversampleBelowPx ? 2 : 1;
  config.OversampleV = 1;
  config.PixelSnapH = false;
  return ImGui::GetIO().Fonts->AddFontFromFileTTF(path.c_str(), size * raster_scale, &config, glyphs);
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
  const ImWchar* shown = fonts.glyphs.ranges(false);
  const ImWchar* typed = fonts.glyphs.ranges(true);
  fonts.body = add_font(dir + "ui.ttf", kBodySize, raster_scale, typed);
  fonts.bold = add_font(dir + "ui-bold.ttf", kBodySize, raster_scale, shown);
  fonts.heading = add_font(dir + "ui-bold.ttf", kHeadingSize, raster_scale, shown);
  fonts.title = add_font(dir + "ui-bold.ttf", kTitleSize, raster_scale, shown);
  fonts.mono = add_font(dir + "mono.ttf", kMonoSize, raster_scale, typed);
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
  // Rasterised now rather than when the renderer first asks for the
  // texture, so the app can do it before it has a GL context.
  io.Fonts->Build();
  io.FontDefault = fonts.body;
  // Layout happens in logical pixels at the UI scale; glyphs were rasterised
  // at raster_scale.
  io.FontGlobalScale = ui_scale / raster_scale;
  return ok;
}

}  // namespace portlab::ui
