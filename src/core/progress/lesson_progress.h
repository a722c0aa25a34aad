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

// The learner met the goals of a lesson's activity (activity::Activity::id).
// Only the first time is recorded, and true returned; meeting them again
// changes nothing (not even updated_ms), so judging a met goal every frame
// never asks for a save.
bool record_activity_met(Progress& progress, const std::string& lesson_id, const std::string& activity_id,
                         Millis now_ms);
bool activity_met(const Progress& progress, const std::string& lesson_id, const std::string& activity_id);

}  // namespace portlab::progress
