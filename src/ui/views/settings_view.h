// Settings: theme, text size, motion. Changes apply at once and are saved by
// the app when the model changes.
#pragma once

#include "ui/view.h"

namespace portlab::ui {

class SettingsView : public View {
 public:
  void draw();

 private:
  int pending_percent_ = 100;  // the slider's value while it is being dragged
  bool slider_active_ = false;
};

}  // namespace portlab::ui
