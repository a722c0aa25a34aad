// Reading the teacher-editable text files (lessons, question banks, NAT
// scenarios) from disk: once, for both the CLI and the app. The engines take
// text; finding and reading files is the platform's job. In the browser the
// same calls read the files packaged into the page's virtual file system.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/model/content_snapshot.h"
#include "core/source_file.h"

namespace portlab::files {

// Files larger than this are refused before being read whole: a wrong path
// to a disk image or a device must not be read into memory.
inline constexpr size_t kMaxSourceBytes = 16 * 1024 * 1024;

struct TextRead {
  std::string text;
  std::string error;  // naming the path and the reason; empty when read
  bool ok() const { return error.empty(); }
};

struct SourcesRead {
  std::vector<SourceFile> files;
  std::string error;  // the first problem; empty when every file was read
  bool ok() const { return error.empty(); }
};

TextRead read_text_file(const std::string& path);

// A file, or every file ending in `extension` directly inside a folder
// (sorted by name, README.md left out). An error when the path does not
// exist, cannot be read, or is a folder without such files.
SourcesRead read_sources(const std::string& path, const std::string& extension);

struct CourseRead {
  model::ContentSnapshot course;
  // Which folder could not be read, said once ("The lessons could not be
  // read: ..."); empty when all three were. What was read is still parsed.
  std::string error;
  bool ok() const { return error.empty(); }
};

// The course's three folders, read and parsed the way the app loads them:
// lessons (*.md), question banks (*.gift), and NAT scenarios (*.json, kept
// as text for the NAT Lab).
CourseRead read_course(const std::string& lesson_dir, const std::string& bank_dir, const std::string& scenario_dir);

}  // namespace portlab::files
