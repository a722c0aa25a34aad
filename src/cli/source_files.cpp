#include "cli/source_files.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/args.h"

namespace portlab::cli {

namespace fs = std::filesystem;

std::string read_text_file(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw UsageError("'" + path + "' is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read '" + path + "': " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<SourceFile> read_sources(const std::string& path, const std::string& extension) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw UsageError("'" + path + "' does not exist");
  std::vector<std::string> names;
  if (fs::is_directory(path, ec)) {
    for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
      const fs::path& p = entry.path();
      if (entry.is_regular_file() && p.extension() == extension && p.filename() != "README.md")
        names.push_back(p.string());
    }
    if (ec) throw UsageError("cannot list '" + path + "': " + ec.message());
    std::sort(names.begin(), names.end());
  } else {
    names.push_back(path);
  }
  std::vector<SourceFile> files;
  for (const std::string& name : names) files.push_back({name, read_text_file(name)});
  return files;
}

}  // namespace portlab::cli
