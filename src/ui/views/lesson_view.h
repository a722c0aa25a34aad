// The screen for the lesson reader (being written; see issue 6).
#pragma once

#include "ui/view.h"

namespace portlab::ui {

class LessonView : public View {
 public:
  void draw();
};

}  // namespace portlab::ui
