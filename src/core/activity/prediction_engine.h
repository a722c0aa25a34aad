// What the engine itself answers to an activity's prediction: the preset
// applied, the run lines (or the solution) done, the value read from the
// lab. run_prediction() grades a learner against it; prove() uses it to
// know the right answer and the line that failed.
#pragma once

#include <string>

#include "core/activity/activity.h"

namespace portlab::activity {

struct EngineAnswer {
  std::string value;        // in the prediction's terms: "EACCES", "OK", "40001", "yes"
  std::string explanation;  // the engine's own sentence about it
  std::string problem;      // why there is no value (a failed line, a run that did nothing)
  int line = 0;             // where the problem is: the failed line, or the predict: line
};

EngineAnswer engine_answer(const Activity& activity, Labs& labs);

// "" or why the activity's lab could not be set up from its preset.
std::string apply_activity_preset(const Activity& activity, Labs& labs);

}  // namespace portlab::activity
