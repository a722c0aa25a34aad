// What the app does before its first frame, piece by piece, natively: the
// browser's start-up (tools/startup_bench.mjs) is the budget; these say
// where its time goes. In the browser each costs several times more (it
// compiles each function the first time it runs).
#include <benchmark/benchmark.h>
#include <imgui.h>
#include <string>

#include "../cli/temp_dir.h"
#include "app/content.h"
#include "core/model/content_snapshot.h"
#include "core/model/model.h"
#include "files/source_files.h"
#include "ui/fonts.h"
#include "view_harness.h"

namespace {

using namespace portlab;

// The five fonts rasterised into one atlas, as at start-up on a 1x screen,
// with the characters the shipped content uses.
void BM_StartupFontAtlas(benchmark::State& state) {
  test::ViewHarness h;
  h.load_shipped_content();
  for (auto _ : state) {
    ui::build_fonts(h.fonts, PORTLAB_ASSET_DIR, 1.0f, 1.0f);
    unsigned char* pixels = nullptr;
    int w = 0, h_px = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h_px);
    benchmark::DoNotOptimize(pixels);
    state.counters["atlas_px"] = static_cast<double>(w) * h_px;
  }
}
BENCHMARK(BM_StartupFontAtlas)->Unit(benchmark::kMillisecond);

// Reading and parsing the course, the question banks and the NAT scenarios.
void BM_StartupLoadContent(benchmark::State& state) {
  for (auto _ : state) {
    model::Model model;
    ui::GlyphSet glyphs;
    benchmark::DoNotOptimize(app::load_content(model, PORTLAB_ASSET_DIR, false, glyphs));
  }
}
BENCHMARK(BM_StartupLoadContent)->Unit(benchmark::kMillisecond);

// The same course as the page loads it: from the snapshot made at build time.
void BM_StartupLoadPackedContent(benchmark::State& state) {
  const std::string assets = PORTLAB_ASSET_DIR;
  const TempDir dir("bench-packed-course");
  const files::CourseRead read =
      files::read_course(assets + "/lessons", assets + "/quiz/bank", assets + "/lessons/scenarios");
  dir.write(app::kContentSnapshotFile, model::write_snapshot(read.course));
  for (auto _ : state) {
    model::Model model;
    ui::GlyphSet glyphs;
    benchmark::DoNotOptimize(app::load_content(model, dir.path.string(), true, glyphs));
  }
}
BENCHMARK(BM_StartupLoadPackedContent)->Unit(benchmark::kMillisecond);

// The model itself: every lab's simulated hosts and network.
void BM_StartupModel(benchmark::State& state) {
  for (auto _ : state) {
    model::Model model;
    benchmark::DoNotOptimize(&model);
  }
}
BENCHMARK(BM_StartupModel)->Unit(benchmark::kMillisecond);

}  // namespace
