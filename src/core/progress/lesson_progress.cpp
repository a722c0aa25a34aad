#include "core/progress/lesson_progress.h"

#include <algorithm>

namespace portlab::progress {

namespace {

LessonRecord& touch(Progress& progress, const std::string& lesson_id, Millis now_ms) {
  progress.updated_ms = std::max(progress.updated_ms, now_ms);
  return progress.lessons[lesson_id];
}

}  // namespace

void open_step(Progress& progress, const std::string& lesson_id, int step, Millis now_ms) {
  touch(progress, lesson_id, now_ms).current_step = std::max(step, 0);
}

void complete_step(Progress& progress, const std::string& lesson_id, int step, Millis now_ms) {
  if (step < 0) return;
  touch(progress, lesson_id, now_ms).completed_steps.insert(step);
}

void pass_checkpoint(Progress& progress, const std::string& lesson_id, Millis now_ms) {
  touch(progress, lesson_id, now_ms).checkpoint_passed = true;
}

}  // namespace portlab::progress
