// Runs a lesson's simulation presets through the same option handling as
// `portlab-cli bind`, `ephemeral` and `nat`, so a preset the engines would
// refuse (a sysctl the kernel rejects, a socket that cannot exist, a NAT
// scenario that does not parse) is reported at its line by `lessons check`
// instead of failing when a learner opens the step.
#pragma once

#include <string>
#include <vector>

#include "core/course/lesson.h"

namespace portlab::cli {

// `lessons_dir` is where scenario paths are resolved from (a ```sim block's
// `scenario: scenarios/x.json` names lessons/scenarios/x.json).
std::vector<course::Issue> check_presets(const course::Lesson& lesson, const std::string& lessons_dir);

}  // namespace portlab::cli
