#include "cli/lesson_presets.h"

#include <filesystem>

#include "cli/host_options.h"
#include "cli/source_files.h"
#include "core/nat/scenario.h"

namespace portlab::cli {
namespace {

// The directive keys that describe the simulated host, as CLI options.
bool is_host_key(const std::string& key) {
  return key == "os" || key == "sysctl" || key == "existing" || key == "range";
}

// Applies the host keys of a preset one at a time, in the order written, as
// `portlab-cli` would apply the same options, and reports the first refusal
// at the line of the key that caused it. A preset without `os:` is checked
// on Linux, the app's default profile.
void check_host_preset(const course::Directive& d, const std::string& file,
                       std::vector<course::Issue>& issues) {
  std::vector<std::string> words = {"portlab-cli", "preset"};
  bool has_os = false;
  for (const course::Param& p : d.params) has_os |= p.key == "os";
  if (!has_os) words.insert(words.end(), {"--os", "linux"});
  for (const course::Param& p : d.params) {
    if (!is_host_key(p.key)) continue;
    words.push_back("--" + p.key);
    words.push_back(p.value);
    std::vector<char*> argv;
    for (std::string& w : words) argv.push_back(w.data());
    try {
      std::vector<OptionSpec> specs = host_option_specs();
      specs.push_back({"range", true, false});
      Args args(static_cast<int>(argv.size()), argv.data(), 2, specs, 0);
      host::Host host(os_option(args), 1);
      apply_host_options(args, host);
      apply_range_option(args, host);
      add_existing_sockets(args, host, 1000);
    } catch (const UsageError& e) {
      // "--range: ..." reads as "range: ...", the key the teacher wrote.
      std::string message = e.what();
      if (message.rfind("--", 0) == 0) message.erase(0, 2);
      issues.push_back({file, p.line, message});
      return;
    }
  }
}

void check_scenario(const course::Param& p, const std::string& file, const std::string& dir,
                    std::vector<course::Issue>& issues) {
  const std::string path = dir + "/" + p.value;
  try {
    nat::ScenarioParse parsed = nat::parse_scenario(read_text_file(path));
    if (!parsed.scenario) issues.push_back({file, p.line, "scenario " + path + ": " + parsed.error});
  } catch (const UsageError& e) {
    issues.push_back({file, p.line, std::string("scenario: ") + e.what()});
  }
}

}  // namespace

std::vector<course::Issue> check_presets(const course::Lesson& lesson, const std::string& lessons_dir) {
  std::vector<course::Issue> issues;
  for (const course::Step& step : lesson.steps) {
    for (const course::Directive& d : step.directives) {
      if (d.kind != course::Directive::Kind::Sim) continue;
      const std::string lab = d.get("lab");
      if (lab == "bind" || lab == "ephemeral" || lab == "port-map") check_host_preset(d, lesson.file, issues);
      for (const course::Param& p : d.params)
        if (p.key == "scenario") check_scenario(p, lesson.file, lessons_dir, issues);
    }
  }
  return issues;
}

std::vector<SourceFile> read_lesson_scenarios(const std::string& lessons_dir) {
  const std::string folder = lessons_dir + "/scenarios";
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) return {};
  std::vector<SourceFile> files;
  try {
    files = read_sources(folder, ".json");
  } catch (const UsageError&) {
    return {};  // a folder without scenarios: presets naming one are reported by check_presets
  }
  for (SourceFile& f : files) f.name = "scenarios/" + std::filesystem::path(f.name).filename().string();
  return files;
}

std::vector<ActivityCheck> prove_activities(const course::Course& course, const std::vector<SourceFile>& scenarios,
                                            std::vector<course::Issue>& issues) {
  std::vector<ActivityCheck> checks;
  for (activity::Activity& a : activity::course_activities(course, issues)) {
    const course::Lesson* lesson = course.find(a.lesson_id);
    activity::Proof proof = activity::prove(a, scenarios, lesson ? lesson->file : "");
    for (course::Issue& issue : proof.issues) issues.push_back(std::move(issue));
    checks.push_back({std::move(a), proof.proven});
  }
  return checks;
}

}  // namespace portlab::cli
