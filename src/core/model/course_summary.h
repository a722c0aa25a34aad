// What the course home says about each lesson, and where "Continue" goes:
// computed from the course and the learner's progress, so the home screen
// only draws it.
#pragma once

#include <optional>
#include <vector>

#include "core/activity/activity.h"
#include "core/course/course.h"
#include "core/nav/route.h"
#include "core/progress/progress.h"

namespace portlab::model {

struct LessonSummary {
  const course::Lesson* lesson = nullptr;
  int steps = 0;
  int completed = 0;          // steps finished
  int current_step = 0;       // 0-based: where the lesson reopens
  bool checkpoint_passed = false;
  int activities = 0;        // goal-checked activities in the lesson
  int activities_done = 0;   // ... whose goals the learner has met
  bool started() const { return completed > 0 || current_step > 0; }
  // Every step finished and the checkpoint passed.
  bool finished() const { return completed >= steps && checkpoint_passed; }
};

// One summary per lesson, in course order; `activities` are the course's
// (Content::activities), counted per lesson.
std::vector<LessonSummary> summarize_lessons(const course::Course& course, const progress::Progress& progress,
                                             const std::vector<activity::Activity>& activities = {});

// Where "Continue where you left off" goes: the first lesson in course order
// that is started but not finished, at its current step; else the first
// lesson not yet started; nothing when every lesson is finished.
std::optional<nav::Route> continue_route(const std::vector<LessonSummary>& lessons);

// The route of a lesson step (0-based step; links count from 1).
nav::Route lesson_route(const std::string& lesson_id, int step);

}  // namespace portlab::model
