// The screen for the Ephemeral Lab (being written; see issue 6).
#pragma once

#include "ui/view.h"

namespace portlab::ui {

class EphemeralLabView : public View {
 public:
  void draw();
};

}  // namespace portlab::ui
