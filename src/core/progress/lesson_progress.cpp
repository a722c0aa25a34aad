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

bool record_activity_met(Progress& progress, const std::string& lesson_id, const std::string& activity_id,
                         Millis now_ms) {
  if (activity_met(progress, lesson_id, activity_id)) return false;
  touch(progress, lesson_id, now_ms).activities_met[activity_id] = now_ms;
  return true;
}

bool activity_met(const Progress& progress, const std::string& lesson_id, const std::string& activity_id) {
  auto lesson = progress.lessons.find(lesson_id);
  return lesson != progress.lessons.end() && lesson->second.activities_met.count(activity_id) > 0;
}

}  // namespace portlab::progress
