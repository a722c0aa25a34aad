#include "files/source_files.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <utility>

#include "core/text.h"

// C stdio and POSIX rather than iostreams and std::filesystem: in the
// browser every call of those goes through the exception trampolines of
// Emscripten's libc++ (the page is linked with exceptions for the JSON
// reader), which made listing and reading the course a third of its load
// time there. Both targets are POSIX (Linux, and Emscripten's file system).

namespace portlab::files {

namespace {

// The file type bits of what `path` names (links followed); 0 when nothing
// is there.
mode_t file_type(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 ? (info.st_mode & S_IFMT) : 0;
}

}  // namespace

TextRead read_text_file(const std::string& path) {
  TextRead read;
  // A folder opens like a file on Linux and in Emscripten, and fails on the
  // first read; that is when it is told apart, which saves a stat per file.
  const auto folder_error = [&] { return "'" + path + "' is a folder, not a file"; };
  std::unique_ptr<FILE, int (*)(FILE*)> in(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!in) return {"", errno == EISDIR ? folder_error() : "cannot open '" + path + "': " + std::strerror(errno)};
  // Read in blocks and stop one byte past the limit: a lesson is a few
  // kilobytes, and zeroing a 16 MiB buffer per file cost the page 0.7 s of
  // its start-up (profiled in Chromium).
  char block[64 * 1024];
  while (read.text.size() <= kMaxSourceBytes) {
    const size_t got = std::fread(block, 1, sizeof block, in.get());
    read.text.append(block, got);
    if (got < sizeof block) break;
  }
  if (std::ferror(in.get())) return {"", errno == EISDIR ? folder_error() : "cannot read '" + path + "'"};
  if (read.text.size() > kMaxSourceBytes) return {"", "'" + path + "' is larger than 16 MiB"};
  return read;
}

SourcesRead read_sources(const std::string& path, const std::string& extension) {
  SourcesRead read;
  const mode_t type = file_type(path);
  if (type == 0) return {{}, "no such file or directory: " + path};
  std::vector<std::string> names;
  if (type == S_IFDIR) {
    std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(path.c_str()), &::closedir);
    if (!dir) return {{}, "cannot list '" + path + "': " + std::strerror(errno)};
    const std::string folder = text::ends_with(path, "/") ? path : path + "/";
    while (const dirent* entry = ::readdir(dir.get())) {
      const std::string name = entry->d_name;
      // A name that is only the extension (".md") is a hidden file, as
      // std::filesystem saw it; it has no extension.
      if (name.size() <= extension.size() || !text::ends_with(name, extension) || name == "README.md") continue;
      // The listing says what most entries are; only links (followed) and
      // entries of unknown type need a stat.
      const bool needs_stat = entry->d_type == DT_LNK || entry->d_type == DT_UNKNOWN;
      if (entry->d_type == DT_REG || (needs_stat && file_type(folder + name) == S_IFREG))
        names.push_back(folder + name);
    }
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

CourseRead read_course(const std::string& lesson_dir, const std::string& bank_dir, const std::string& scenario_dir) {
  const SourcesRead lessons = read_sources(lesson_dir, ".md");
  const SourcesRead banks = read_sources(bank_dir, ".gift");
  SourcesRead scenarios = read_sources(scenario_dir, ".json");
  CourseRead read;
  read.course = model::snapshot_content(lessons.files, banks.files, std::move(scenarios.files));
  // A missing folder is the packager's mistake, a broken file the teacher's
  // (those are in the course's problems): both are said once, and what did
  // load is still shown.
  if (!lessons.ok())
    read.error = "The lessons could not be read: " + lessons.error;
  else if (!banks.ok())
    read.error = "The question banks could not be read: " + banks.error;
  else if (!scenarios.ok())
    read.error = "The NAT scenarios could not be read: " + scenarios.error;
  return read;
}

}  // namespace portlab::files
