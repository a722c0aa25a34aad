// NAT scenarios: a topology, a behaviour profile, forwards and a list of
// events (packets, clock steps, port-mapping requests), read from JSON and
// replayed deterministically for a seed. The format is documented in
// docs/nat-scenarios.md; `portlab-cli nat --scenario FILE` is a thin shell
// around parse_scenario / run_scenario.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/nat/network.h"

namespace portlab::nat {

struct ScenarioEvent {
  enum class Kind : uint8_t { Send, Advance, Request };
  Kind kind = Kind::Send;
  Packet packet;            // Send
  bool reply = false;       // Send: the receiver answers
  sim::Millis advance = 0;  // Advance
  MappingRequest request;   // Request
};

struct Scenario {
  Profile profile;                     // with the scenario's options applied
  std::optional<Profile> cgn_profile;  // when a carrier NAT sits in front
  Topology topology;
  std::vector<ForwardRule> forwards;  // validated
  std::vector<ScenarioEvent> events;
  std::optional<uint64_t> seed;
};

struct ScenarioParse {
  std::optional<Scenario> scenario;
  // "$.events[2].send.from: address '1.2.3' is not an IPv4 address like ...",
  // or "line 3, column 7: invalid JSON: ..." when the text is not JSON.
  std::string error;
};

ScenarioParse parse_scenario(const std::string& text);

// Replays the scenario; the report is the JSON the CLI prints:
// {"profile", "seed", "results": [...], "table": [...], "forwards": [...]}.
json::Value run_scenario(const Scenario& scenario, uint64_t seed);

// The same report for people.
std::string format_report(const json::Value& report);

}  // namespace portlab::nat
