// The lesson reader: one step at a time, its text drawn from the lesson's
// Markdown, its simulations opening the matching lab with the step's preset,
// its checkpoint quiz answered in place. Steps turn with the buttons or the
// Left and Right arrow keys; where the learner is goes into progress (and the
// link), so a reload or a later visit reopens the same step.
#pragma once

#include <string>

#include "core/course/lesson.h"
#include "ui/view.h"
#include "ui/widgets/question_card.h"

namespace portlab::ui {

class LessonView : public View {
 public:
  void draw();

 private:
  void draw_header(const course::Lesson& lesson, int step);
  void draw_step(const course::Lesson& lesson, int step);
  void draw_simulation(const course::Directive& sim);
  void draw_checkpoint(const course::Lesson& lesson, int step, const course::Directive& quiz);
  void draw_footer(const course::Lesson& lesson, int step);
  void go_to_step(const course::Lesson& lesson, int step);
  void follow_link(const std::string& target);

  QuestionCard card_;
};

}  // namespace portlab::ui
