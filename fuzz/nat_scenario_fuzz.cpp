// libFuzzer target: NAT scenario files (lessons/scenarios/*.json, or one a
// teacher hands in) through the parser, the engine and the NAT Lab.
//
// Any bytes must give either a scenario or one error message, never a
// crash, a sanitizer report or a slow run. A scenario that parses must run
// to the end, its report must print, and the NAT Lab must open it or say
// why not. A broken promise aborts, so libFuzzer keeps the input.
//
// Run: tools/fuzz.sh nat_scenario [seconds]
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/labs/nat_lab.h"
#include "core/nat/scenario.h"
#include "require.h"

using namespace portlab;

using portlab::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  nat::ScenarioParse parsed = nat::parse_scenario(text);
  require(parsed.scenario.has_value() != !parsed.error.empty());
  if (!parsed.scenario) return 0;

  const json::Value report = nat::run_scenario(*parsed.scenario, 1);
  require(report.find("results") != nullptr);
  require(!nat::format_report(report).empty());

  // The lab takes the same file by name; opening it either works or says why.
  labs::NatLab lab;
  lab.set_scenarios({{"scenarios/fuzz.json", text}});
  const std::string problem = lab.open_link("fuzz");
  if (problem.empty()) {
    while (lab.step_forward()) {
    }
    lab.step_back();
  }
  return 0;
}
