// portlab-cli nat --scenario FILE.json [--json] [--seed S]
// Replays a NAT scenario (docs/nat-scenarios.md) and prints every packet's
// fate, the steps that decided it, and the mapping table at the end.
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/source_files.h"
#include "core/nat/scenario.h"

namespace portlab::cli {

int run_nat(int argc, char** argv, Output io) {
  Args args(argc, argv, 2, {{"scenario", true}, {"json"}, {"seed", true}}, 0);
  const std::string path = args.required("scenario");
  std::string text;
  try {
    text = read_text_file(path);
  } catch (const UsageError& e) {
    throw UsageError(std::string("--scenario: ") + e.what());
  }

  nat::ScenarioParse parsed = nat::parse_scenario(text);
  if (!parsed.scenario) throw UsageError(path + ": " + parsed.error);
  uint64_t seed = parsed.scenario->seed.value_or(1);
  if (args.has("seed"))
    seed = static_cast<uint64_t>(args.integer("seed", 0, 9007199254740991LL, 1));

  json::Value report = nat::run_scenario(*parsed.scenario, seed);
  if (args.flag("json"))
    io.out << json::write(report, 2) << "\n";
  else
    io.out << nat::format_report(report);
  return 0;
}

}  // namespace portlab::cli
