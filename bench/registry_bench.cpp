// Port registry lookups: by number and transport (the hot path of every view
// that names a port), by exact service name and by name prefix (search as
// the learner types). Target: number lookups under 100 ns.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "core/ports/registry_data.h"

namespace {

using portlab::net::Transport;

const portlab::ports::PortRegistry& registry() {
  return *portlab::ports::embedded_port_registry().registry;
}

// Every port in turn, alternating TCP and UDP, so the table is walked
// end to end rather than one hot cache line.
void BM_RegistryFindByNumber(benchmark::State& state) {
  const auto& r = registry();
  uint32_t i = 0;
  for (auto _ : state) {
    Transport t = (i & 1) ? Transport::Udp : Transport::Tcp;
    benchmark::DoNotOptimize(r.find(static_cast<uint16_t>(i), t));
    i = (i + 7919) & 0xFFFF;
  }
}
BENCHMARK(BM_RegistryFindByNumber);

// The same for ports people ask about (a few cache lines, as in a lesson).
void BM_RegistryFindCommonPort(benchmark::State& state) {
  const auto& r = registry();
  const uint16_t ports[] = {22, 53, 80, 443, 514, 3389, 8080, 8443};
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(r.find(ports[i & 7], (i & 8) ? Transport::Udp : Transport::Tcp));
    ++i;
  }
}
BENCHMARK(BM_RegistryFindCommonPort);

void BM_RegistryAllTransportsAndSeenOpen(benchmark::State& state) {
  const auto& r = registry();
  uint32_t i = 0;
  for (auto _ : state) {
    auto entries = r.at(static_cast<uint16_t>(i));
    benchmark::DoNotOptimize(entries.size());
    benchmark::DoNotOptimize(r.seen_open(static_cast<uint16_t>(i), Transport::Tcp));
    i = (i + 7919) & 0xFFFF;
  }
}
BENCHMARK(BM_RegistryAllTransportsAndSeenOpen);

void BM_RegistryFindNameExact(benchmark::State& state) {
  const auto& r = registry();
  const std::vector<std::string> names = {"http", "ssh", "domain", "syslog", "ms-wbt-server",
                                          "HTTP-ALT", "pcsync-https", "3Com-nsd"};
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(r.find_name(names[i++ & 7]));
}
BENCHMARK(BM_RegistryFindNameExact);

// Prefixes of different reach: "http" (10 names), "ms-" (~150), "s" (~600).
void BM_RegistryFindPrefix(benchmark::State& state) {
  const auto& r = registry();
  const char* prefixes[] = {"http", "ms-", "s"};
  const char* prefix = prefixes[state.range(0)];
  size_t found = 0;
  for (auto _ : state) {
    auto matches = r.find_prefix(prefix);
    found = matches.size();
    benchmark::DoNotOptimize(matches.data());
  }
  state.SetLabel(std::string(prefix) + ": " + std::to_string(found) + " names");
}
BENCHMARK(BM_RegistryFindPrefix)->DenseRange(0, 2);

// What the app pays once when it loads the asset.
void BM_RegistryParseAsset(benchmark::State& state) {
  const std::string text(portlab::ports::embedded_registry_text());
  for (auto _ : state) benchmark::DoNotOptimize(portlab::ports::parse_port_registry(text).ok());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_RegistryParseAsset)->Unit(benchmark::kMillisecond);

}  // namespace
