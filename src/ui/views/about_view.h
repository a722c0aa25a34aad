// About: version, what PortLab is built from, and where its facts come from.
#pragma once

#include "ui/view.h"

namespace portlab::ui {

class AboutView : public View {
 public:
  void draw();
};

}  // namespace portlab::ui
