// Per-frame CPU times of a view benchmark, for the 95th percentile the
// issue's frame budget is stated in (Google Benchmark reports means).
// Thread CPU time, so time the machine spends on other work is not counted.
#pragma once

#include <benchmark/benchmark.h>
#include <time.h>

#include <algorithm>
#include <vector>

namespace portlab::bench {

class FrameTimes {
 public:
  FrameTimes() { samples_.reserve(1 << 16); }
  void start() { started_ = now_us(); }
  void stop() {
    if (samples_.size() < samples_.capacity()) samples_.push_back(now_us() - started_);
  }
  // Adds the p95 of the frames timed as the counter "p95_cpu_us".
  void report(benchmark::State& state) {
    if (samples_.empty()) return;
    std::sort(samples_.begin(), samples_.end());
    state.counters["p95_cpu_us"] = samples_[samples_.size() * 95 / 100];
  }

 private:
  static double now_us() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
  }
  std::vector<double> samples_;
  double started_ = 0;
};

}  // namespace portlab::bench
