// The simulated host's hot paths (issue 3 item 6): Linux connect() with 90%
// of the ephemeral range occupied, bind() decisions, and bind(0).
//
// Run: ./build/core/portlab_bench --benchmark_filter=Host
// Each connect() benchmark does a million calls (fixed iteration count) on
// the default range 32768-60999; ns/op includes socket() (a slot in the
// table) and, where noted, the close() that keeps occupancy steady.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

#include "core/host/host.h"

namespace {

using portlab::host::Host;
using portlab::host::SocketId;
using portlab::net::Endpoint;
using portlab::net::Ipv4;
using portlab::net::Transport;

constexpr int kMillion = 1000000;

Host linux_host() { return Host(*portlab::ports::find_os_profile("linux"), 1); }

// The ports of the default range in a seeded random order.
std::vector<uint16_t> shuffled_range() {
  std::vector<uint16_t> ports;
  for (int p = 32768; p <= 60999; ++p) ports.push_back(static_cast<uint16_t>(p));
  portlab::sim::Random random(99);
  for (size_t i = ports.size() - 1; i > 0; --i)
    std::swap(ports[i], ports[random.below(i + 1)]);
  return ports;
}

// A destination per iteration: 198.18.0.0/15 (RFC 2544 benchmarking space).
Endpoint nth_destination(uint32_t i) {
  return {Ipv4{0xC6120000u + (i & 0x1FFFF)}, static_cast<uint16_t>(443 + (i >> 17))};
}

// 90% of the range held by bind() sockets, which connect() never shares:
// every call scans past them to the remaining 10%, which it may share
// between destinations. Each call goes to a new destination and stays open.
void BM_HostLinuxConnect90PercentBound(benchmark::State& state) {
  Host host = linux_host();
  std::vector<uint16_t> ports = shuffled_range();
  const size_t held = ports.size() * 9 / 10;
  for (size_t i = 0; i < held; ++i)
    host.bind(host.open(Transport::Tcp), Ipv4{}, ports[i]);
  uint32_t i = 0, failures = 0;
  for (auto _ : state) {
    SocketId id = host.open(Transport::Tcp);
    failures += !host.connect(id, nth_destination(i++)).ok;
  }
  state.counters["failures"] = failures;
}
BENCHMARK(BM_HostLinuxConnect90PercentBound)->Iterations(kMillion)->Unit(benchmark::kNanosecond);

// 90% of the range held by connections to one server; each call goes to a
// new destination, so every port is acceptable once its 4-tuple is unique.
void BM_HostLinuxConnect90PercentOtherDestinations(benchmark::State& state) {
  Host host = linux_host();
  const Endpoint server{Ipv4{0xCB00710Au}, 443};  // 203.0.113.10:443
  const int held = 28232 * 9 / 10;
  for (int i = 0; i < held; ++i) host.connect(host.open(Transport::Tcp), server);
  uint32_t i = 0, failures = 0;
  for (auto _ : state) {
    SocketId id = host.open(Transport::Tcp);
    failures += !host.connect(id, nth_destination(i++)).ok;
  }
  state.counters["failures"] = failures;
}
BENCHMARK(BM_HostLinuxConnect90PercentOtherDestinations)
    ->Iterations(kMillion)
    ->Unit(benchmark::kNanosecond);

// bind() decisions with their explanations: random ports and flags against
// 10,000 listeners, as uid 1000 (so low ports meet EACCES first).
void BM_HostBindDecision(benchmark::State& state) {
  Host host = linux_host();
  portlab::sim::Random random(5);
  for (int i = 0; i < 10000; ++i) {
    portlab::host::SocketOptions o;
    o.reuseaddr = random.below(2);
    SocketId id = host.open(Transport::Tcp, {0, false, false}, o);
    if (host.bind(id, Ipv4{}, static_cast<uint16_t>(random.between(1, 65535))).ok) host.listen(id);
  }
  int ok = 0;
  for (auto _ : state) {
    portlab::host::SocketOptions o;
    const uint64_t r = random.next();
    o.reuseaddr = r & 1;
    o.reuseport = r & 2;
    SocketId id = host.open(r & 4 ? Transport::Udp : Transport::Tcp, {}, o);
    auto d = host.bind(id, Ipv4{}, static_cast<uint16_t>(1 + (r >> 16) % 65535));
    ok += d.ok;
    host.close(id);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["ok%"] = 100.0 * ok / state.iterations();
}
BENCHMARK(BM_HostBindDecision);

// bind(0) with 90% of the range held by bind() sockets, closed again to
// keep the occupancy.
void BM_HostLinuxBindZero90Percent(benchmark::State& state) {
  Host host = linux_host();
  std::vector<uint16_t> ports = shuffled_range();
  const size_t held = ports.size() * 9 / 10;
  for (size_t i = 0; i < held; ++i) host.bind(host.open(Transport::Tcp), Ipv4{}, ports[i]);
  uint32_t failures = 0;
  for (auto _ : state) {
    SocketId id = host.open(Transport::Tcp);
    failures += !host.bind(id, Ipv4{}, 0).ok;
    host.close(id);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["failures"] = failures;
}
BENCHMARK(BM_HostLinuxBindZero90Percent);

}  // namespace
