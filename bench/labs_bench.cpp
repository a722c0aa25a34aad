// The lab model steps a view triggers: the algorithm comparison (computed
// once per OS and seed, on the frame that first shows the chart) and a
// 50-connection burst of the Ephemeral Lab.
#include <benchmark/benchmark.h>

#include "core/labs/ephemeral_lab.h"

using namespace portlab;

static void BM_LabCompareAlgorithms(benchmark::State& state) {
  const ports::OsProfile& linux_profile = ports::os_profile(ports::OsId::Linux);
  for (auto _ : state) benchmark::DoNotOptimize(labs::compare_algorithms(linux_profile, 7));
}
BENCHMARK(BM_LabCompareAlgorithms)->Unit(benchmark::kMillisecond);

static void BM_LabEphemeralBurst50(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    labs::EphemeralLab lab;
    state.ResumeTiming();
    benchmark::DoNotOptimize(lab.open(50));
  }
}
BENCHMARK(BM_LabEphemeralBurst50)->Unit(benchmark::kMicrosecond);
