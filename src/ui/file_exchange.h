// Files the learner gives to or takes from the app (a progress export, a
// progress file to import). The browser offers a download and a file picker;
// the native program writes into its data folder and reads a typed path.
// The app supplies the implementation (src/app/platform_*.cpp); views only
// ask.
#pragma once

#include <string>

namespace portlab::ui {

class FileExchange {
 public:
  virtual ~FileExchange() = default;
  // Gives `text` to the learner as a file called `name`. Returns the
  // sentence to show: where it went, or why it could not be saved.
  virtual std::string save(const std::string& name, const std::string& text) = 0;
  // True where the platform has its own file picker (the browser).
  virtual bool has_picker() const = 0;
  // Opens the picker; the chosen file's text reaches the model later
  // (Model::preview_import), when the learner has chosen.
  virtual void pick() = 0;
  // Where there is no picker: reads the file at `path` into `text`; false
  // with `error` set when it cannot be read.
  virtual bool read(const std::string& path, std::string& text, std::string& error) = 0;
};

}  // namespace portlab::ui
