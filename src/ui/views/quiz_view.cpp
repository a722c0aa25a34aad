#include "ui/views/quiz_view.h"

#include "ui/widgets.h"

namespace portlab::ui {

void QuizView::draw() { title(ctx_, "quizzes, exams and review"); }

}  // namespace portlab::ui
