// File exchange for headless view tests: saved files are kept in memory and
// "reading" a path returns what a test put there.
#pragma once

#include <map>
#include <string>

#include "ui/file_exchange.h"

namespace portlab::test {

class MemoryFiles final : public ui::FileExchange {
 public:
  std::map<std::string, std::string> files;  // by name or path
  int picks = 0;

  std::string save(const std::string& name, const std::string& text) override {
    files[name] = text;
    return "Saved as " + name + ".";
  }
  bool has_picker() const override { return false; }
  void pick() override { ++picks; }
  bool read(const std::string& path, std::string& text, std::string& error) override {
    auto it = files.find(path);
    if (it == files.end()) {
      error = "no such file: " + path;
      return false;
    }
    text = it->second;
    return true;
  }
};

}  // namespace portlab::test
