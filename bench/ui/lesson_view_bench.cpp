// CPU time of one headless frame of a lesson step with its NAT Lab inline
// while a packet moves: the step's text, its activity card (the goal
// evaluated by the engine) and the very NAT Lab view the lab screen draws,
// side by side on a wide window and stacked on a phone. The budget
// is 4 ms per frame at the 95th percentile. ImGui without a renderer, as
// the view tests run it.
#include <benchmark/benchmark.h>

#include "frame_times.h"
#include "ui/views/lab_views.h"
#include "ui/views/lesson_view.h"
#include "lesson_view_fixture.h"

namespace {

using namespace portlab;

// `fragment`: a lesson step whose first ```sim block is a NAT Lab with a goal.
void animating(benchmark::State& state, const char* fragment, float width, float height) {
  test::LessonViewFixture f(fragment, width, height);
  labs::NatLab& lab = f.h.model.nat();
  lab.set_speed(0.25);  // slow, so most frames show a packet in flight
  bench::FrameTimes frames;
  double animating_frames = 0;
  for (auto _ : state) {
    frames.start();
    // Keep a packet in flight: start the next step when one has arrived.
    if (lab.progress() >= 1.0 && !lab.step_forward()) {
      lab.restart();
      lab.step_forward();
    }
    f.h.frame(f.draw);
    animating_frames += f.view.animating() ? 1 : 0;
    frames.stop();
  }
  frames.report(state);
  // So a run shows it measured what it says: text and lab side by side (1)
  // or stacked (0), and the share of frames the step's lab was animating.
  state.counters["split"] = f.view.split() ? 1 : 0;
  state.counters["animating"] = animating_frames / static_cast<double>(state.iterations());
}

// "Playing online": double NAT behind the game console, with its activity.
void BM_LessonStepInlineNatLabAnimating(benchmark::State& state) {
  animating(state, "#/lesson/nat-and-port-forwarding/11", 1280, 800);
}
BENCHMARK(BM_LessonStepInlineNatLabAnimating)->Unit(benchmark::kMicrosecond);

// "Try it: choose the filtering": a port-restricted cone router, with its activity.
void BM_LessonStepInlineNatLabAnimatingFiltering(benchmark::State& state) {
  animating(state, "#/lesson/nat-and-port-forwarding/7", 1280, 800);
}
BENCHMARK(BM_LessonStepInlineNatLabAnimatingFiltering)->Unit(benchmark::kMicrosecond);

// The same step on a phone, the lab stacked in the text where its block is.
void BM_LessonStepInlineNatLabAnimatingPhone(benchmark::State& state) {
  animating(state, "#/lesson/nat-and-port-forwarding/11", 390, 844);
}
BENCHMARK(BM_LessonStepInlineNatLabAnimatingPhone)->Unit(benchmark::kMicrosecond);

}  // namespace
