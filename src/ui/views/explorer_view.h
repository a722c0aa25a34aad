// The screen for the Port Explorer (being written; see issue 6).
#pragma once

#include "ui/view.h"

namespace portlab::ui {

class ExplorerView : public View {
 public:
  void draw();
};

}  // namespace portlab::ui
