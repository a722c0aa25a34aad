// About: version, what PortLab is built from, and where its facts come from.
#pragma once

#include "ui/view_context.h"

namespace portlab::ui {

class AboutView {
 public:
  void init(const ViewContext& ctx) { ctx_ = ctx; }
  void draw();
  void discard() {}

 private:
  ViewContext ctx_;
};

}  // namespace portlab::ui
