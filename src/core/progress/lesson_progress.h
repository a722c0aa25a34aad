// What moving through a lesson does to progress.
#pragma once

#include <string>

#include "core/progress/progress.h"

namespace portlab::progress {

// The learner opened `step` (0-based): it becomes the lesson's current step,
// so the lesson reopens there.
void open_step(Progress& progress, const std::string& lesson_id, int step, Millis now_ms);

// The learner finished `step` (read it, ran its simulation).
void complete_step(Progress& progress, const std::string& lesson_id, int step, Millis now_ms);

// The lesson's checkpoint quiz was passed; a later failed attempt does not
// take the pass away.
void pass_checkpoint(Progress& progress, const std::string& lesson_id, Millis now_ms);

}  // namespace portlab::progress
