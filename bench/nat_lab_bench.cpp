// The NAT Lab model's commands as a learner triggers them: one step of the
// timeline (a packet and its answer through the engine, traced) and one
// step back (a replay from the start), on the game-server challenge with
// its forwarding rule in place.
#include <benchmark/benchmark.h>

#include "core/labs/nat_lab.h"

namespace {

using portlab::labs::NatLab;

NatLab solved_game_lab() {
  NatLab lab;
  lab.open_challenge("game-server");
  portlab::labs::NatRuleInput rule;
  rule.external_port = 25565;
  rule.internal_address = "192.168.1.30";
  rule.internal_port = 25565;
  lab.add_rule(rule);
  return lab;
}

void BM_NatLabStep(benchmark::State& state) {
  NatLab lab = solved_game_lab();
  for (auto _ : state) {
    if (!lab.step_forward()) {
      state.PauseTiming();
      lab.restart();
      state.ResumeTiming();
      lab.step_forward();
    }
    benchmark::DoNotOptimize(lab.records().back());
  }
}
BENCHMARK(BM_NatLabStep);

void BM_NatLabStepBack(benchmark::State& state) {
  NatLab lab = solved_game_lab();
  for (auto _ : state) {
    state.PauseTiming();
    while (lab.step_forward()) {
    }
    state.ResumeTiming();
    lab.step_back();
    benchmark::DoNotOptimize(lab.step());
  }
}
BENCHMARK(BM_NatLabStepBack);

}  // namespace
