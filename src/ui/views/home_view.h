// The course home: the first screen a learner sees. It says what PortLab is,
// what the course covers and where to begin.
#pragma once

#include "ui/view.h"

namespace portlab::ui {

class HomeView : public View {
 public:
  void draw();
};

}  // namespace portlab::ui
