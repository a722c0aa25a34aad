// A fresh directory for one test's files, removed when the test ends. The
// name carries the process id, as nat_command_test's files do: the native
// and sanitizer suites, and other checkouts on the machine, may run the
// same test at the same time.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name)
      : path(std::filesystem::temp_directory_path() / ("portlab-cli-test-" + std::to_string(getpid()) + "-" + name)) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};
