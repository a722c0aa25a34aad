#include "files/source_files.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace portlab::files {

namespace fs = std::filesystem;

TextRead read_text_file(const std::string& path) {
  TextRead read;
  std::error_code ec;
  if (fs::is_directory(path, ec)) return {"", "'" + path + "' is a folder, not a file"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return {"", "cannot open '" + path + "': " + std::strerror(errno)};
  // Read in blocks and stop one byte past the limit: a lesson is a few
  // kilobytes, and zeroing a 16 MiB buffer per file cost the page 0.7 s of
  // its start-up (profiled in Chromium).
  char block[64 * 1024];
  while (in && read.text.size() <= kMaxSourceBytes) {
    in.read(block, sizeof block);
    read.text.append(block, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) return {"", "cannot read '" + path + "'"};
  if (read.text.size() > kMaxSourceBytes) return {"", "'" + path + "' is larger than 16 MiB"};
  return read;
}

SourcesRead read_sources(const std::string& path, const std::string& extension) {
  SourcesRead read;
  std::error_code ec;
  if (!fs::exists(path, ec)) return {{}, "no such file or directory: " + path};
  std::vector<std::string> names;
  if (fs::is_directory(path, ec)) {
    for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
      const fs::path& p = entry.path();
      if (entry.is_regular_file() && p.extension() == extension && p.filename() != "README.md")
        names.push_back((fs::path(path) / p.filename()).string());
    }
    if (ec) return {{}, "cannot list '" + path + "': " + ec.message()};
    if (names.empty()) return {{}, path + " contains no " + extension + " files"};
    std::sort(names.begin(), names.end());
  } else {
    names.push_back(path);
  }
  for (const std::string& name : names) {
    TextRead file = read_text_file(name);
    if (!file.ok()) return {{}, file.error};
    read.files.push_back({name, std::move(file.text)});
  }
  return read;
}

}  // namespace portlab::files
