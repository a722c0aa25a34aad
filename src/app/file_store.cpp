#include "app/file_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace portlab::app {

std::string FileStore::path_for(const std::string& key) const {
  std::string safe;
  for (char c : key) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == '-';
    safe += ok ? c : '_';
  }
  return directory_ + "/" + safe + ".json";
}

std::optional<std::string> FileStore::read(const std::string& key) {
  std::ifstream in(path_for(key), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool FileStore::write(const std::string& key, const std::string& value) {
  std::error_code ec;
  std::filesystem::create_directories(directory_, ec);
  const std::string final_path = path_for(key);
  const std::string temp_path = final_path + ".tmp";
  const int fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return false;
  size_t written = 0;
  while (written < value.size()) {
    const ssize_t n = ::write(fd, value.data() + written, value.size() - written);
    if (n <= 0) break;
    written += static_cast<size_t>(n);
  }
  // The data must be on disk before the rename makes it the current version.
  const bool ok = written == value.size() && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || std::rename(temp_path.c_str(), final_path.c_str()) != 0) {
    std::remove(temp_path.c_str());
    return false;
  }
  return true;
}

bool FileStore::remove(const std::string& key) { return std::remove(path_for(key).c_str()) == 0; }

}  // namespace portlab::app
