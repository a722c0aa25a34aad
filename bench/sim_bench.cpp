// Building blocks every engine calls on its hot path.
#include <benchmark/benchmark.h>

#include "core/sim/random.h"

namespace {

void BM_SipHashThreeWords(benchmark::State& state) {
  portlab::sim::HashKey key{1, 2};
  uint64_t words[3] = {0xC0A8010A, 0xC6336407, 443};
  for (auto _ : state) {
    benchmark::DoNotOptimize(portlab::sim::siphash(key, words, 3));
    ++words[2];
  }
}
BENCHMARK(BM_SipHashThreeWords);

void BM_RandomBelow(benchmark::State& state) {
  portlab::sim::Random random(1);
  for (auto _ : state) benchmark::DoNotOptimize(random.below(28232));
}
BENCHMARK(BM_RandomBelow);

}  // namespace
