// The Port Map model (issue 6 item 3): recomputing all 65,536 port states
// of a busy host after one change, as a lab does after each command.
//
// Run: ./build/native/portlab_bench --benchmark_filter=PortMap
// The host holds 30,000 sockets: 100 listeners, then TCP connections to 30
// servers, a third of them closed into TIME_WAIT.
#include <benchmark/benchmark.h>

#include "core/host/host.h"
#include "core/labs/port_map.h"
#include "busy_host.h"

namespace {

using portlab::host::Host;
using portlab::host::SocketId;
using portlab::net::Endpoint;
using portlab::net::Ipv4;
using portlab::net::Transport;

// (a) One connect(), then the map brought up to date: the lab's cost per
// command. The connect and its undoing are outside the timing.
void BM_PortMapUpdateAfterConnect(benchmark::State& state) {
  Host h = portlab::bench::busy_linux_host();
  portlab::labs::PortMap map;
  map.update(h);
  int changed = 0;
  for (auto _ : state) {
    state.PauseTiming();
    SocketId s = h.open(Transport::Tcp);
    h.connect(s, Endpoint{Ipv4{0xC6130001u}, 80});
    state.ResumeTiming();
    changed += map.update(h);
    state.PauseTiming();
    h.close(s, false);
    map.update(h);
    state.ResumeTiming();
  }
  state.counters["sockets"] = static_cast<double>(h.sockets().size());
  state.counters["rows_changed"] =
      benchmark::Counter(changed, benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_PortMapUpdateAfterConnect)->Unit(benchmark::kMicrosecond);

// The same map when nothing changed (a frame while TIME_WAIT ages).
void BM_PortMapUpdateUnchanged(benchmark::State& state) {
  Host h = portlab::bench::busy_linux_host();
  portlab::labs::PortMap map;
  map.update(h);
  for (auto _ : state) benchmark::DoNotOptimize(map.update(h));
}
BENCHMARK(BM_PortMapUpdateUnchanged)->Unit(benchmark::kMicrosecond);

}  // namespace
