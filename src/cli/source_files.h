// Reading the text files portlab-cli checks and runs (lessons, question
// banks, NAT scenarios). The engines take text; finding and reading files is
// the CLI's job as the platform layer, done here once for every command.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/source_file.h"

namespace portlab::cli {

// Files larger than this are refused before being read whole.
inline constexpr size_t kMaxSourceBytes = 16 * 1024 * 1024;

// The whole file, or throws UsageError naming the path and the reason (a
// file over kMaxSourceBytes is refused: a wrong path to a disk image or a
// device must not be read into memory).
std::string read_text_file(const std::string& path);

// A file, or every file ending in `extension` directly inside a folder
// (sorted by name, README.md left out), read into memory. Throws UsageError
// when the path does not exist, cannot be read, or is a folder without such
// files.
std::vector<SourceFile> read_sources(const std::string& path, const std::string& extension);

}  // namespace portlab::cli
