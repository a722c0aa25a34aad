// Generated questions (issue 5): the cost of one question per template,
// engine runs included, over a rolling seed. Lessons and practice modes
// generate questions on demand, so this is what a learner waits for.
//
// Run: ./build/core/portlab_bench --benchmark_filter=Template
#include <benchmark/benchmark.h>

#include "core/quiz/templates/template.h"

namespace {

void BM_TemplateGenerate(benchmark::State& state) {
  const portlab::quiz::Template& t = *portlab::quiz::templates()[state.range(0)];
  state.SetLabel(t.id);
  uint64_t seed = 1;
  for (auto _ : state) benchmark::DoNotOptimize(t.generate(seed++));
}

void all_templates(benchmark::internal::Benchmark* b) {
  for (size_t i = 0; i < portlab::quiz::templates().size(); ++i)
    b->Arg(static_cast<int64_t>(i));
}

BENCHMARK(BM_TemplateGenerate)->Apply(all_templates)->Unit(benchmark::kMicrosecond);

}  // namespace
