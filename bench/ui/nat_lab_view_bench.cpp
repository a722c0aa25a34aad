// CPU time of one headless frame of the NAT Lab view while a packet is
// moving (ImGui without a renderer, as the view tests run it): the
// issue's budget is 4 ms per frame at the 95th percentile.
#include <benchmark/benchmark.h>

#include "ui/views/nat_lab_view.h"
#include "frame_times.h"
#include "view_harness.h"

namespace {

using namespace portlab;

// `scenario`: a file of lessons/scenarios, or "" for the video-call challenge.
void animating(benchmark::State& state, const char* scenario, float width) {
  test::ViewFixture<ui::NatLabView> f(width, 800);
  labs::NatLab& lab = f.h.model.nat();
  if (*scenario) {
    f.h.load_shipped_content();
    lab.open_scenario(scenario);
  } else {
    lab.open_challenge("video-call");
  }
  lab.set_speed(0.25);  // slow, so most frames show a packet in flight
  bench::FrameTimes frames;
  for (auto _ : state) {
    frames.start();
    // Keep a packet in flight: start the next step when one has arrived.
    if (lab.progress() >= 1.0 && !lab.step_forward()) {
      lab.restart();
      lab.step_forward();
    }
    f.h.frame(f.draw);
    benchmark::DoNotOptimize(f.view.animating());
    frames.stop();
  }
  frames.report(state);
}

void BM_NatLabViewFrameAnimating(benchmark::State& state) { animating(state, "", 1280); }
BENCHMARK(BM_NatLabViewFrameAnimating)->Unit(benchmark::kMicrosecond);

// The busiest drawing: two LAN and two internet hosts, a carrier NAT, and
// envelopes rewritten twice on their way (glyphs, cards, struck values).
void BM_NatLabViewFrameAnimatingCgn(benchmark::State& state) { animating(state, "cgn-nat444", 1280); }
BENCHMARK(BM_NatLabViewFrameAnimatingCgn)->Unit(benchmark::kMicrosecond);

// The same on a phone, where the cards stack and labels shrink to fit.
void BM_NatLabViewFrameAnimatingPhone(benchmark::State& state) { animating(state, "cgn-nat444", 390); }
BENCHMARK(BM_NatLabViewFrameAnimatingPhone)->Unit(benchmark::kMicrosecond);

}  // namespace
