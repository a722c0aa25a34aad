// NAT translation throughput: packets per second through a table holding
// 60,000 live mappings (Linux profile, tracing off), for outbound packets
// of known flows and for the answers coming back.
#include <benchmark/benchmark.h>

#include <vector>

#include "core/nat/nat_device.h"
#include "core/nat/network.h"

namespace {

using namespace portlab;
using namespace portlab::nat;

constexpr int kMappings = 60000;

struct Fixture {
  sim::SimClock clock;
  NatDevice nat;
  std::vector<Packet> outbound;  // one packet per flow, shuffled
  std::vector<Packet> inbound;   // the matching answers, shuffled

  static DeviceConfig config() {
    DeviceConfig c;
    c.inside = *net::parse_prefix("10.0.0.1/16").value;
    c.outside = *net::parse_ipv4("203.0.113.1").value;
    return c;
  }
  static Profile profile() {
    Profile p = *find_profile("linux");
    p.max_mappings = kMappings + 1000;
    return p;
  }

  Fixture() : nat(profile(), config(), clock, 1) {
    nat.reserve(kMappings);
    // 600 hosts x 100 ports, spread over 50 servers; every port is kept.
    for (int i = 0; i < kMappings; ++i) {
      Packet p;
      p.proto = net::Transport::Udp;
      p.src = {{0x0A000000u + 2 + static_cast<uint32_t>(i / 100)},
               static_cast<uint16_t>(20000 + i % 100 + (i / 100) % 300 * 100)};
      p.dst = {{0xC6336400u + static_cast<uint32_t>(i % 50)}, 443};
      Packet sent = p;
      if (nat.process(sent, Side::Inside, nullptr).dropped) continue;
      outbound.push_back(p);
      inbound.push_back({p.proto, sent.dst, sent.src, 0});
    }
    sim::Random random(9);
    for (size_t i = outbound.size(); i > 1; --i) {
      size_t j = random.below(i);
      std::swap(outbound[i - 1], outbound[j]);
      std::swap(inbound[i - 1], inbound[j]);
    }
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void run(benchmark::State& state, const std::vector<Packet>& packets, Side side) {
  NatDevice& nat = fixture().nat;
  size_t i = 0;
  for (auto _ : state) {
    Packet p = packets[i];
    Outcome o = nat.process(p, side, nullptr);
    benchmark::DoNotOptimize(o);
    benchmark::DoNotOptimize(p);
    if (++i == packets.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["mappings"] = static_cast<double>(nat.sessions().size());
}

// Bursts of 32 packets, as a software router receives them from a NIC queue.
void run_bursts(benchmark::State& state, const std::vector<Packet>& packets, Side side) {
  NatDevice& nat = fixture().nat;
  constexpr size_t kBurst = 32;
  Packet burst[kBurst];
  Outcome outcomes[kBurst];
  size_t i = 0;
  for (auto _ : state) {
    for (size_t k = 0; k < kBurst; ++k) {
      burst[k] = packets[i];
      if (++i == packets.size()) i = 0;
    }
    nat.process_burst(burst, outcomes, kBurst, side);
    benchmark::DoNotOptimize(outcomes);
    benchmark::DoNotOptimize(burst);
  }
  state.SetItemsProcessed(state.iterations() * kBurst);
}

void BM_NatOutboundExistingMappingBurst(benchmark::State& state) {
  run_bursts(state, fixture().outbound, Side::Inside);
}
BENCHMARK(BM_NatOutboundExistingMappingBurst);

void BM_NatInboundReplyBurst(benchmark::State& state) {
  run_bursts(state, fixture().inbound, Side::Outside);
}
BENCHMARK(BM_NatInboundReplyBurst);

void BM_NatOutboundExistingMapping(benchmark::State& state) {
  run(state, fixture().outbound, Side::Inside);
}
BENCHMARK(BM_NatOutboundExistingMapping);

void BM_NatInboundReply(benchmark::State& state) { run(state, fixture().inbound, Side::Outside); }
BENCHMARK(BM_NatInboundReply);

// The whole hop-by-hop path (LAN -> router -> internet), still untraced.
void BM_NatNetworkSendKnownFlow(benchmark::State& state) {
  Topology t;
  t.lan = *net::parse_prefix("10.0.0.1/16").value;
  t.wan = *net::parse_ipv4("203.0.113.1").value;
  Profile p = Fixture::profile();
  Network network(t, p, nullptr, 1);
  network.router().reserve(kMappings);
  const std::vector<Packet>& packets = fixture().outbound;
  for (const Packet& packet : packets) network.send(packet, nullptr);
  size_t i = 0;
  for (auto _ : state) {
    Delivery d = network.send(packets[i], nullptr);
    benchmark::DoNotOptimize(d);
    if (++i == packets.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NatNetworkSendKnownFlow);

// A new flow each time (port choice, insertion), for comparison; the
// table is emptied by the clock between batches.
void BM_NatNewFlowLinux(benchmark::State& state) {
  sim::SimClock clock;
  NatDevice nat(Fixture::profile(), Fixture::config(), clock, 1);
  nat.reserve(kMappings);
  uint32_t n = 0;
  for (auto _ : state) {
    Packet p{net::Transport::Udp,
             {{0x0A000000u + 2 + n % 600}, static_cast<uint16_t>(1024 + n % 50000)},
             {{0xC6336400u + n % 50}, 443},
             0};
    benchmark::DoNotOptimize(nat.process(p, Side::Inside, nullptr));
    if (++n % 50000 == 0) {
      state.PauseTiming();
      clock.advance(sim::seconds(31));
      nat.expire(nullptr);
      state.ResumeTiming();
    }
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NatNewFlowLinux);

}  // namespace
