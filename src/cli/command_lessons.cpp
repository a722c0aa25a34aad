// portlab-cli lessons check [DIR|FILE] [--json]: loads the course the way the
// app does and reports every problem as file:line: message.
#include <filesystem>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/lesson_presets.h"
#include "cli/source_files.h"
#include "core/course/course.h"
#include "core/json.h"

namespace portlab::cli {

int run_lessons(int argc, char** argv, Output io) {
  Args args(argc, argv, 2, {{"json"}}, 2);
  const auto& words = args.positionals();
  if (words.empty() || words[0] != "check")
    throw UsageError(words.empty() ? "missing action (try 'lessons check [DIR]')"
                                   : "unknown action '" + words[0] + "' (try 'lessons check [DIR]')");
  const std::string path = words.size() > 1 ? words[1] : "lessons";

  course::Course loaded = course::load_course(read_sources(path, ".md"));
  // Scenario paths in presets are relative to the lessons folder.
  std::error_code ec;
  const std::string dir = std::filesystem::is_directory(path, ec)
                              ? path
                              : std::filesystem::path(path).parent_path().string();
  const std::string lessons_dir = dir.empty() ? "." : dir;
  std::vector<course::Issue> issues = loaded.issues;
  for (const course::Lesson& lesson : loaded.lessons) {
    for (course::Issue& issue : course::check_lesson_shape(lesson)) issues.push_back(std::move(issue));
    for (course::Issue& issue : check_presets(lesson, lessons_dir)) issues.push_back(std::move(issue));
  }
  // Every activity's solution replayed through the engines.
  const std::vector<ActivityCheck> activities =
      prove_activities(loaded, read_lesson_scenarios(lessons_dir), issues);
  int proven = 0;
  for (const ActivityCheck& c : activities) proven += c.proven ? 1 : 0;
  course::sort_issues(issues);

  if (args.flag("json")) {
    json::Value out = json::Value::object();
    out["lessons"] = static_cast<int>(loaded.lessons.size());
    out["steps"] = loaded.step_count();
    json::Value list = json::Value::array();
    for (const course::Lesson& l : loaded.lessons) {
      json::Value entry = json::Value::object();
      entry["id"] = l.id;
      entry["title"] = l.title;
      entry["file"] = l.file;
      entry["steps"] = static_cast<int>(l.steps.size());
      list.push_back(std::move(entry));
    }
    out["course"] = std::move(list);
    json::Value checked = json::Value::array();
    for (const ActivityCheck& c : activities) {
      const activity::Activity& a = c.activity;
      json::Value entry = json::Value::object();
      entry["lesson"] = a.lesson_id;
      entry["id"] = a.id;
      entry["step"] = a.step + 1;
      entry["lab"] = a.lab;
      entry["line"] = a.line;
      json::Value goals = json::Value::array();
      for (const activity::Line& g : a.goals) goals.push_back(g.text);
      entry["goals"] = std::move(goals);
      entry["prediction"] = a.prediction ? json::Value(activity::to_string(a.prediction->kind)) : json::Value();
      entry["proven"] = c.proven;
      checked.push_back(std::move(entry));
    }
    out["activities"] = std::move(checked);
    out["proven"] = proven;
    json::Value errors = json::Value::array();
    for (const course::Issue& i : issues) {
      json::Value e = json::Value::object();
      e["file"] = i.file;
      e["line"] = i.line;
      e["message"] = i.message;
      errors.push_back(std::move(e));
    }
    out["errors"] = std::move(errors);
    io.out << json::write(out, 2) << "\n";
  } else {
    for (const course::Lesson& l : loaded.lessons)
      io.out << l.id << ": " << l.title << " (" << l.steps.size() << " steps)\n";
    for (const course::Issue& i : issues) io.out << i.where() << ": " << i.message << "\n";
    auto count = [](size_t n, const char* noun) {
      return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
    };
    io.out << count(loaded.lessons.size(), "lesson") << ", "
           << count(static_cast<size_t>(loaded.step_count()), "step") << ", "
           << count(issues.size(), "error") << "\n";
    io.out << activities.size() << (activities.size() == 1 ? " activity, " : " activities, ") << proven
           << " proven\n";
  }
  return issues.empty() ? 0 : 1;
}

}  // namespace portlab::cli
