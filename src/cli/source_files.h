// Reading the text files portlab-cli checks (lessons, question banks,
// scenarios). The engines take text; finding and reading files is the
// CLI's job as a platform layer.
#pragma once

#include <string>
#include <vector>

#include "core/source_file.h"

namespace portlab::cli {

// The whole file, or throws UsageError naming the path and the reason.
std::string read_text_file(const std::string& path);

// A file, or every file ending in `extension` directly inside a folder
// (sorted by name, README.md left out), read into memory. Throws UsageError
// when the path does not exist or cannot be read.
std::vector<SourceFile> read_sources(const std::string& path, const std::string& extension);

}  // namespace portlab::cli
