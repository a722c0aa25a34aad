// The course home: the first screen a learner sees. It says what PortLab is,
// what the course covers and where to begin.
#pragma once

#include "ui/view_context.h"

namespace portlab::ui {

class HomeView {
 public:
  void init(const ViewContext& ctx) { ctx_ = ctx; }
  void draw();
  void discard() {}

 private:
  ViewContext ctx_;
};

}  // namespace portlab::ui
