// The screen for the NAT Lab (being written; see issue 6).
#pragma once

#include "ui/view.h"

namespace portlab::ui {

class NatLabView : public View {
 public:
  void draw();
};

}  // namespace portlab::ui
