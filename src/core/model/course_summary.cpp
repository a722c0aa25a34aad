#include "core/model/course_summary.h"

#include <algorithm>

#include "core/progress/lesson_progress.h"

namespace portlab::model {

std::vector<LessonSummary> summarize_lessons(const course::Course& course, const progress::Progress& progress,
                                             const std::vector<activity::Activity>& activities) {
  std::vector<LessonSummary> out;
  for (const course::Lesson& lesson : course.lessons) {
    LessonSummary s;
    s.lesson = &lesson;
    s.steps = static_cast<int>(lesson.steps.size());
    auto it = progress.lessons.find(lesson.id);
    if (it != progress.lessons.end()) {
      const progress::LessonRecord& r = it->second;
      // A teacher may have shortened the lesson since: steps beyond its end
      // neither count nor reopen.
      s.completed = static_cast<int>(std::count_if(r.completed_steps.begin(), r.completed_steps.end(),
                                                   [&](int step) { return step >= 0 && step < s.steps; }));
      s.current_step = r.current_step < s.steps ? r.current_step : 0;
      s.checkpoint_passed = r.checkpoint_passed;
    }
    // Counted from the lesson's activities as they are now: one a teacher
    // has since removed no longer counts as done.
    for (const activity::Activity& a : activities) {
      if (a.lesson_id != lesson.id) continue;
      s.activities += 1;
      s.activities_done += progress::activity_met(progress, lesson.id, a.id);
    }
    out.push_back(s);
  }
  return out;
}

std::optional<nav::Route> continue_route(const std::vector<LessonSummary>& lessons) {
  for (const LessonSummary& s : lessons)
    if (s.started() && !s.finished()) return lesson_route(s.lesson->id, s.current_step);
  for (const LessonSummary& s : lessons)
    if (!s.started()) return lesson_route(s.lesson->id, 0);
  return std::nullopt;
}

nav::Route lesson_route(const std::string& lesson_id, int step) {
  return nav::Route{nav::Screen::Lesson, {lesson_id, std::to_string(step + 1)}};
}

}  // namespace portlab::model
