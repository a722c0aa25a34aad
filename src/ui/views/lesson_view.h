// The lesson reader: one step at a time, its text drawn from the lesson's
// Markdown, its checkpoint quiz answered in place, and its simulation live
// in the step itself. A step with a ```sim block sets the block up in its
// lab (once; coming back keeps the lab as the learner left it) and draws
// that lab -- the very lab view the lab screen draws -- beside the text on
// a wide window (a divider the learner can drag between them) or in place
// of the block on a narrow one. Steps turn with the buttons or the Left
// and Right arrow keys; where the learner is goes into progress (and the
// link), so a reload or a later visit reopens the same step.
#pragma once

#include <string>

#include "core/course/lesson.h"
#include "ui/view.h"
#include "ui/views/lab_views.h"
#include "ui/widgets/activity_card.h"
#include "ui/widgets/question_card.h"
#include "ui/widgets/splitter.h"

namespace portlab::ui {

class LessonView : public View {
 public:
  // `labs`: the lab views (the Shell's) a step's ```sim block draws in
  // place. Without one, that block offers only its lab screen.
  void init(const ViewContext& ctx, const LabViews& labs = {});
  void draw();

  // Whether the step the route names would lay its text and a lab side by
  // side in `width` pixels: the shell then gives the screen that width
  // instead of a reading column.
  bool wants_width(float width) const;
  // As of the last frame: text and lab side by side, and the text's share
  // of the width (the divider's position, kept while the app runs).
  bool split() const { return split_; }
  float split_ratio() const { return splitter_.ratio(); }

 private:
  const course::Directive* stage(const course::Lesson& lesson, int step);
  // `fresh`: a block newly shown (not the same one coming back on screen).
  void stage_block(const course::Lesson& lesson, int step, const course::Directive& sim, bool fresh);
  void draw_header(const course::Lesson& lesson, int step);
  void draw_split(const course::Lesson& lesson, int step, const course::Directive& staged);
  // The step's text with its directives; the staged block is drawn as the
  // lab itself when `lab_in_text`, else as a pointer to the lab pane.
  void draw_step(const course::Lesson& lesson, int step, const course::Directive* staged, bool lab_in_text);
  void draw_other_setup(const course::Lesson& lesson, int step, const course::Directive& sim);
  void draw_staged_marker(const course::Directive& sim);
  void draw_lab(const course::Directive& sim);
  void draw_checkpoint(const course::Lesson& lesson, int step, const course::Directive& quiz);
  void draw_footer(const course::Lesson& lesson, int step);
  void open_full_lab(const course::Directive& sim);
  void go_to_step(const course::Lesson& lesson, int step);
  void follow_link(const std::string& target);

  QuestionCard card_;
  ActivityCard activity_card_;
  LabViews labs_;
  Splitter splitter_;
  bool split_ = false;
  bool divider_has_keys_ = false;  // last frame: Left and Right move the divider
  // The step on screen and which of its ```sim blocks (by line) is in the lab.
  std::string staged_lesson_;
  int staged_step_ = -1;
  int staged_line_ = 0;
  int last_drawn_frame_ = -1;  // to notice the lesson coming back on screen
  bool reset_pane_scroll_ = false;
  float footer_height_ = 0;  // measured each frame; the panes end above it
};

}  // namespace portlab::ui
