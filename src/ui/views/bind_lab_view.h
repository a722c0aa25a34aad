// The screen for the Bind Lab (being written; see issue 6).
#pragma once

#include "ui/view.h"

namespace portlab::ui {

class BindLabView : public View {
 public:
  void draw();
};

}  // namespace portlab::ui
