#include "ui/views/lesson_view.h"

#include "ui/widgets.h"

namespace portlab::ui {

void LessonView::draw() { title(ctx_, "the lesson reader"); }

}  // namespace portlab::ui
