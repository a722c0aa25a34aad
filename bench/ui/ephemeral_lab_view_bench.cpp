// CPU time of one headless frame of the Ephemeral Lab during a burst: each
// frame opens 50 connections (as if "Open 50 connections" were pressed every
// frame), so the Port Map's model and texture change every frame, the
// heaviest case the issue names (budget: 4 ms per frame at the 95th
// percentile). ImGui without a renderer, as the view tests run it.
//
// The lab starts over after 100 bursts (5,000 connections, a fifth of
// Linux's default range). Bursts into a nearly full range cost far more, in
// the engine rather than the view: Linux's connect() probes most of the
// range before it fails, as the real kernel does; bench/host_bench.cpp
// measures connect() at 90 % occupancy.
#include <benchmark/benchmark.h>

#include "ui/views/ephemeral_lab_view.h"
#include "frame_times.h"
#include "view_harness.h"

namespace {

using namespace portlab;

// The same burst with the Sockets panel in sight (a display tall enough to
// show the whole lab), so its `ss -tan` listing of every connection is
// rebuilt as the connections change.
constexpr float kTallEnoughForSockets = 3200;

void burst(benchmark::State& state, float display_height) {
  test::ViewFixture<ui::EphemeralLabView> f;
  f.h.set_display_size(1280, display_height);
  labs::EphemeralLab& lab = f.h.model.ephemeral;
  bench::FrameTimes frames;
  for (auto _ : state) {
    frames.start();
    if (lab.allocations().size() >= 5000) lab.reset();
    lab.open(50);
    f.h.frame(f.draw);
    frames.stop();
  }
  frames.report(state);
}

void BM_EphemeralLabViewFrameBurst(benchmark::State& state) { burst(state, 800); }
BENCHMARK(BM_EphemeralLabViewFrameBurst)->Unit(benchmark::kMicrosecond);

void BM_EphemeralLabViewFrameBurstSocketsInSight(benchmark::State& state) {
  burst(state, kTallEnoughForSockets);
}
BENCHMARK(BM_EphemeralLabViewFrameBurstSocketsInSight)->Unit(benchmark::kMicrosecond);

}  // namespace
