// portlab-cli nat --scenario FILE.json [--json] [--seed S]
// Replays a NAT scenario (docs/nat-scenarios.md) and prints every packet's
// fate, the steps that decided it, and the mapping table at the end.
#include <fstream>
#include <sstream>

#include "cli/args.h"
#include "cli/commands.h"
#include "core/nat/scenario.h"

namespace portlab::cli {

namespace {
// Scenario files are small; a limit keeps a wrong path (a disk image, a
// device) from being read into memory.
constexpr std::streamoff kMaxScenarioBytes = 16 * 1024 * 1024;
}  // namespace

int run_nat(int argc, char** argv, Output io) {
  Args args(argc, argv, 2, {{"scenario", true}, {"json"}, {"seed", true}}, 0);
  const std::string path = args.required("scenario");
  std::ifstream file(path, std::ios::binary);
  if (!file) throw UsageError("--scenario: cannot open '" + path + "'");
  file.seekg(0, std::ios::end);
  std::streamoff size = file.tellg();
  if (size < 0) throw UsageError("--scenario: cannot read '" + path + "'");
  if (size > kMaxScenarioBytes)
    throw UsageError("--scenario: '" + path + "' is larger than 16 MiB");
  file.seekg(0, std::ios::beg);
  std::ostringstream text;
  text << file.rdbuf();
  if (!file && !file.eof()) throw UsageError("--scenario: cannot read '" + path + "'");

  nat::ScenarioParse parsed = nat::parse_scenario(text.str());
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
