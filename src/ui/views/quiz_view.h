// The screen for quizzes, exams and review (being written; see issue 6).
#pragma once

#include "ui/view.h"

namespace portlab::ui {

class QuizView : public View {
 public:
  void draw();
};

}  // namespace portlab::ui
