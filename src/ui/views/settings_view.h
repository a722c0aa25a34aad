// Settings: theme, text size, motion, default OS, and the learner's progress
// (export to a file, import from one). Changes apply at once and are saved by
// the app when the model changes.
#pragma once

#include <string>

#include "ui/view.h"

namespace portlab::ui {

class SettingsView : public View {
 public:
  void draw();

 private:
  int pending_percent_ = 100;  // the slider's value while it is being dragged
  bool slider_active_ = false;
  char import_path_[512] = {};  // natively, where the file to import is
  std::string file_message_;    // the outcome of the last export or read

  void draw_progress_files();
};

}  // namespace portlab::ui
