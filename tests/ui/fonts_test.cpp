#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "../cli/temp_dir.h"
#include "app/content.h"
#include "core/ports/registry_data.h"
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

namespace {

bool has(ImFont* font, unsigned c) { return font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr; }

// Every byte of every file under `dir` (recursively) with one of the
// extensions, as (path, text).
std::vector<std::pair<std::string, std::string>> files_under(const std::string& dir,
                                                             std::initializer_list<const char*> extensions) {
  std::vector<std::pair<std::string, std::string>> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    const std::string ext = entry.path().extension().string();
    if (std::find(extensions.begin(), extensions.end(), ext) == extensions.end()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    found.emplace_back(entry.path().string(), std::string(std::istreambuf_iterator<char>(in), {}));
  }
  return found;
}

// Calls `visit(code point)` for each UTF-8 character of `text`.
template <typename Visit>
void for_each_char(const std::string& text, Visit visit) {
  const char* const end = text.data() + text.size();
  for (const char* p = text.data(); p < end;) {
    unsigned c = 0;
    p += std::max(1, ImTextCharFromUtf8(&c, p, end));
    visit(c);
  }
}

}  // namespace

TEST_CASE("fonts: each font holds ASCII and the content's characters; the fonts of text fields also Latin-1") {
  test::ViewHarness h;
  // A dash, curly quotes and "less or equal" are kept; a CJK character is
  // not in the shipped fonts and is left out rather than asked for.
  h.fonts.glyphs.add_text("Ports \xE2\x89\xA4 1023 \xE2\x80\x94 \xE2\x80\x9Csystem\xE2\x80\x9D \xE4\xB8\xAD");
  atlas_size_after_build(h.fonts, 1.0f, 1.0f);
  for (ImFont* font : {h.fonts.body, h.fonts.bold, h.fonts.heading, h.fonts.title, h.fonts.mono}) {
    for (unsigned c = 0x20; c <= 0x7E; ++c) CHECK(has(font, c));
    CHECK(has(font, 0x2264));  // ≤
    CHECK(has(font, 0x2014));  // em dash
    CHECK(has(font, 0x201C));  // left double quote
    CHECK(has(font, 0x2026));  // the ellipsis ImGui draws at clipped text
    CHECK_FALSE(has(font, 0x4E2D));
    CHECK_FALSE(has(font, 0x2192));  // an arrow the fonts have, unused here
  }
  for (ImFont* font : {h.fonts.body, h.fonts.mono}) {
    CHECK(has(font, 0xE9));  // é, typed by a learner
    CHECK(has(font, 0xFF));
  }
  CHECK_FALSE(has(h.fonts.title, 0xE9));
  CHECK(has(h.fonts.title, 0xA7));  // §, which the NAT engine's messages use
  CHECK(has(h.fonts.body, 0x2022));  // •, the marker of lesson list items
  CHECK(h.fonts.glyphs.count(false) == 95 + 6 + 4);
  CHECK(h.fonts.glyphs.count(true) == 95 + 96 + 4 + 4);
}

TEST_CASE("fonts: the characters of a teacher's own files get glyphs, from broken files too") {
  TempDir dir("fonts-content");
  std::filesystem::create_directories(dir.path / "lessons" / "scenarios");
  std::filesystem::create_directories(dir.path / "quiz" / "bank");
  // An em dash and curly quotes in a lesson (with no steps: a broken file),
  // "less or equal" in a bank, an e acute and an arrow in a scenario.
  dir.write("lessons/01-quotes.md", "# Ports \xE2\x80\x94 \xE2\x80\x9Cwell known\xE2\x80\x9D\n");
  dir.write("quiz/bank/extra.gift", "::q1:: Is 1023 \xE2\x89\xA4 1023? {T}\n");
  dir.write("lessons/scenarios/x.json", "{\"title\": \"caf\xC3\xA9 \xE2\x86\x92\"}");
  model::Model model;
  ui::GlyphSet glyphs;
  const int shown = glyphs.count(false), typed = glyphs.count(true);
  app::load_content(model, dir.path.string(), false, glyphs);
  CHECK(glyphs.count(false) == shown + 6);
  CHECK(glyphs.count(true) == typed + 5);  // it had the e acute already
  CHECK_FALSE(model.content.problems.empty());
}

TEST_CASE("fonts: every character the shipped lessons, banks and scenarios use is in every font") {
  test::ViewHarness h;
  h.load_shipped_content();
  ImGui::GetIO().Fonts->Build();
  int checked = 0;
  for (const auto& [path, text] : files_under(PORTLAB_ASSET_DIR, {".md", ".gift", ".json"})) {
    for_each_char(text, [&](unsigned c) {
      if (c < 0x20) return;
      CAPTURE(path);
      CAPTURE(c);
      for (ImFont* font : {h.fonts.body, h.fonts.bold, h.fonts.heading, h.fonts.title, h.fonts.mono})
        CHECK(has(font, c));
      ++checked;
    });
  }
  CHECK(checked > 100000);
}

TEST_CASE("fonts: the app's own text uses only characters every font holds") {
  // Characters beyond those get glyphs only when the content uses them, so
  // a string in the code (outside comments) or in the built-in port
  // registry must not need one.
  ui::GlyphSet nothing_added;
  const ImWchar* always = nothing_added.ranges(false);
  for (const auto& [path, text] : files_under(std::string(PORTLAB_SOURCE_DIR) + "/src", {".cpp", ".h"})) {
    std::istringstream lines(text);
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
      ++number;
      const std::string code = line.substr(0, line.find("//"));
      const auto check = [&](unsigned c) {
        // The byte-order mark is stripped from files, never drawn.
        constexpr unsigned kByteOrderMark = 0xFEFF;
        if (c == '\t' || c == kByteOrderMark || ui::ranges_contain(always, c)) return;
        CAPTURE(path);
        CAPTURE(number);
        CAPTURE(c);
        FAIL_CHECK("a character only the content may bring");
      };
      for_each_char(code, check);
      // Characters written as escapes ("\xE2\x80\xA2", a list bullet)
      // count too: a run of \xHH escapes is UTF-8 bytes.
      std::string escaped;
      for (size_t i = 0; i + 3 < code.size(); ++i) {
        const bool hex = code[i] == '\\' && code[i + 1] == 'x' && std::isxdigit(static_cast<unsigned char>(code[i + 2])) &&
                         std::isxdigit(static_cast<unsigned char>(code[i + 3]));
        if (!hex) continue;
        escaped += static_cast<char>(std::stoi(code.substr(i + 2, 2), nullptr, 16));
        i += 3;
      }
      for_each_char(escaped, check);
    }
  }
  const std::string_view registry = ports::embedded_registry_text();
  CHECK(registry.size() > 100000);
  CHECK(std::all_of(registry.begin(), registry.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
}
