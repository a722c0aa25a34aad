// Runs a lesson's simulation presets through the same option handling as
// `portlab-cli bind`, `ephemeral` and `nat`, so a preset the engines would
// refuse (a sysctl the kernel rejects, a socket that cannot exist, a NAT
// scenario that does not parse) is reported at its line by `lessons check`
// instead of failing when a learner opens the step.
#pragma once

#include <string>
#include <vector>

#include "core/activity/activity.h"
#include "core/course/course.h"
#include "core/course/lesson.h"

namespace portlab::cli {

// `lessons_dir` is where scenario paths are resolved from (a ```sim block's
// `scenario: scenarios/x.json` names lessons/scenarios/x.json).
std::vector<course::Issue> check_presets(const course::Lesson& lesson, const std::string& lessons_dir);

// The NAT scenarios of `lessons_dir`/scenarios, named as lessons name them
// ("scenarios/pat-home.json"); none when the folder has none.
std::vector<SourceFile> read_lesson_scenarios(const std::string& lessons_dir);

// Every activity of the course, each replayed on fresh labs
// (activity::prove); problems, the proofs' included, go to `issues`.
struct ActivityCheck {
  activity::Activity activity;
  bool proven = false;
};
std::vector<ActivityCheck> prove_activities(const course::Course& course, const std::vector<SourceFile>& scenarios,
                                            std::vector<course::Issue>& issues);

}  // namespace portlab::cli
