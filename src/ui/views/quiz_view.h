// The quiz screen (#/quiz/...): a menu (endless practice, a timed exam,
// the review queue, mastery per topic) and a screen per mode. Everything it
// shows and every rule comes from the model's QuizDesk; the view keeps only
// the answer being built (QuestionCard) and the exam form's choices.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/sim/clock.h"
#include "ui/view.h"
#include "ui/widgets/question_card.h"

namespace portlab::ui {

class QuizView : public View {
 public:
  // Also points the desk at the model's bank and progress (once).
  void init(const ViewContext& ctx);
  void draw();
  // Where the time comes from: wall-clock milliseconds unless a test sets
  // its own clock.
  void set_clock(std::function<sim::Millis()> clock) { clock_ = std::move(clock); }

 private:
  void follow_route();
  void moved();  // after a command: the address bar shows the desk's link
  void draw_menu();
  void draw_practice();
  void draw_exam();
  void draw_exam_report();
  void draw_review();
  void draw_single();
  void handle(QuestionCard::Action action);
  bool back_to_menu_button();
  QuestionCard::Options session_options() const;

  std::function<sim::Millis()> clock_;
  QuestionCard card_;
  std::vector<std::string> followed_;  // the last link opened from the address bar
  bool followed_any_ = false;
  std::string problem_;
  int exam_size_choice_ = 1;
  int exam_time_choice_ = 2;
  int exam_filter_choice_ = 0;
  bool exam_include_advanced_ = false;
};

}  // namespace portlab::ui
