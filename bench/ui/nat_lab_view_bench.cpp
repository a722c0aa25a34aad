// CPU time of one headless frame of the NAT Lab view while a packet is
// moving (ImGui without a renderer, as the view tests run it): the
// issue's budget is 4 ms per frame at the 95th percentile.
#include <benchmark/benchmark.h>

#include "ui/views/nat_lab_view.h"
#include "frame_times.h"
#include "view_harness.h"

namespace {

using namespace portlab;

void BM_NatLabViewFrameAnimating(benchmark::State& state) {
  test::ViewFixture<ui::NatLabView> f;
  f.h.model.nat().open_challenge("video-call");
  f.h.model.nat().set_speed(0.25);  // slow, so most frames show a packet in flight
  labs::NatLab& lab = f.h.model.nat();
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
BENCHMARK(BM_NatLabViewFrameAnimating)->Unit(benchmark::kMicrosecond);

}  // namespace
