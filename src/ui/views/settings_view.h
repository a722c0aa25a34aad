// Settings: theme, text size, motion. Changes apply at once and are saved by
// the app when the model changes.
#pragma once

#include "ui/view_context.h"

namespace portlab::ui {

class SettingsView {
 public:
  void init(const ViewContext& ctx) { ctx_ = ctx; }
  void draw();
  void discard() {}

 private:
  ViewContext ctx_;
  int pending_percent_ = 100;  // the slider's value while it is being dragged
  bool slider_active_ = false;
};

}  // namespace portlab::ui
