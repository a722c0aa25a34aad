#include <doctest/doctest.h>

#include <imgui.h>

#include <cmath>
#include <string>
#include <utility>

#include "ui/fonts.h"
#include "view_harness.h"

using namespace portlab;

namespace {

ImVec2 atlas_size_after_build(ui::FontSet& fonts, float ui_scale, float device_ratio) {
  REQUIRE(ui::build_fonts(fonts, PORTLAB_ASSET_DIR, ui_scale, device_ratio));
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  return ImVec2(static_cast<float>(w), static_cast<float>(h));
}

}  // namespace

TEST_CASE("fonts: text keeps its logical size at every UI scale and pixel ratio") {
  test::ViewHarness h;
  for (float ui_scale : {1.0f, 1.5f, 3.0f}) {
    for (float ratio : {1.0f, 2.0f}) {
      CAPTURE(ui_scale);
      CAPTURE(ratio);
      atlas_size_after_build(h.fonts, ui_scale, ratio);
      float size = 0;
      h.frame([&] { size = ImGui::GetFontSize(); });
      CHECK(size == doctest::Approx(ui::kBodySize * ui_scale));
    }
  }
}

TEST_CASE("fonts: the atlas stays within 2048 x 2048 even at 300 % on a 2x screen") {
  test::ViewHarness h;
  ImVec2 size = atlas_size_after_build(h.fonts, 3.0f, 2.0f);
  CHECK(size.x <= 2048);
  CHECK(size.y <= 2048);
  CHECK(h.fonts.pixel_scale == 6.0f);
}

TEST_CASE("fonts: a missing font file falls back to ImGui's built-in font") {
  test::ViewHarness h;
  ui::FontSet fonts;
  CHECK_FALSE(ui::build_fonts(fonts, "/nonexistent", 1.0f, 1.0f));
  REQUIRE(fonts.body != nullptr);
  CHECK(fonts.body == fonts.mono);
}

TEST_CASE("fonts: the shipped fonts, cut down at build time, still have every glyph the UI asks for") {
  // Debian's full fonts against the ones in the asset folder: a character
  // in glyph_ranges() that the full font has must have survived the cut.
  const std::pair<const char*, const char*> fonts[] = {
      {PORTLAB_FONT_UI, "/fonts/ui.ttf"}, {PORTLAB_FONT_BOLD, "/fonts/ui-bold.ttf"}, {PORTLAB_FONT_MONO, "/fonts/mono.ttf"}};
  for (const auto& font : fonts) {
    CAPTURE(font.second);
    ImFontAtlas atlas;
    ImFont* full = atlas.AddFontFromFileTTF(font.first, 13, nullptr, ui::glyph_ranges());
    ImFont* cut = atlas.AddFontFromFileTTF((std::string(PORTLAB_ASSET_DIR) + font.second).c_str(), 13, nullptr,
                                           ui::glyph_ranges());
    REQUIRE(full);
    REQUIRE(cut);
    REQUIRE(atlas.Build());
    int checked = 0;
    for (const ImWchar* r = ui::glyph_ranges(); r[0]; r += 2) {
      for (unsigned c = r[0]; c <= r[1]; ++c) {
        if (!full->FindGlyphNoFallback(static_cast<ImWchar>(c))) continue;
        CAPTURE(c);
        CHECK(cut->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
        ++checked;
      }
    }
    CHECK(checked > 300);
  }
}

TEST_CASE("fonts: Inter rewritten with TrueType outlines rasterises to the same glyph boxes as Debian's CFF") {
  // tools/cff_to_truetype.py approximates cubic curves by quadratic ones;
  // at the sizes the UI draws, every glyph must keep its advance and land
  // in the same pixel box (within one pixel for rounding at curve extremes).
  const std::pair<const char*, const char*> fonts[] = {{PORTLAB_FONT_UI, "/fonts/ui.ttf"},
                                                       {PORTLAB_FONT_BOLD, "/fonts/ui-bold.ttf"}};
  for (const auto& font : fonts) {
    for (float size : {ui::kBodySize, ui::kTitleSize * 2}) {
      CAPTURE(font.second);
      CAPTURE(size);
      ImFontAtlas atlas;
      ImFont* original = atlas.AddFontFromFileTTF(font.first, size, nullptr, ui::glyph_ranges());
      ImFont* converted = atlas.AddFontFromFileTTF((std::string(PORTLAB_ASSET_DIR) + font.second).c_str(), size,
                                                   nullptr, ui::glyph_ranges());
      REQUIRE(original);
      REQUIRE(converted);
      REQUIRE(atlas.Build());
      REQUIRE(original->Glyphs.Size == converted->Glyphs.Size);
      for (const ImFontGlyph& g : original->Glyphs) {
        const ImFontGlyph* c = converted->FindGlyphNoFallback(static_cast<ImWchar>(g.Codepoint));
        CAPTURE(g.Codepoint);
        REQUIRE(c != nullptr);
        CHECK(c->AdvanceX == doctest::Approx(g.AdvanceX));
        CHECK(std::abs(c->X0 - g.X0) <= 1.0f);
        CHECK(std::abs(c->Y0 - g.Y0) <= 1.0f);
        CHECK(std::abs(c->X1 - g.X1) <= 1.0f);
        CHECK(std::abs(c->Y1 - g.Y1) <= 1.0f);
      }
    }
  }
}
