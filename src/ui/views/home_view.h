// The course home: the first screen a learner sees. It says what PortLab is,
// where to go next (continue a lesson, review what is due), each lesson's
// progress, mastery per topic, and the labs.
#pragma once

#include <vector>

#include "core/model/course_summary.h"
#include "ui/view.h"

namespace portlab::ui {

class HomeView : public View {
 public:
  void draw();

 private:
  void draw_next_steps(const std::vector<model::LessonSummary>& lessons);
  void draw_lessons(const std::vector<model::LessonSummary>& lessons);
  void draw_mastery();
  // For the teacher: what in their files did not load, at file:line.
  void draw_content_problems();
};

}  // namespace portlab::ui
