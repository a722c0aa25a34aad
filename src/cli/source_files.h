// The files portlab-cli checks and runs (lessons, question banks, NAT
// scenarios), read by files/source_files.h; a problem becomes a UsageError
// (one line on stderr, exit 2).
#pragma once

#include <string>
#include <vector>

#include "core/source_file.h"

namespace portlab::cli {

// The whole file, or throws UsageError naming the path and the reason.
std::string read_text_file(const std::string& path);

// A file, or every file of a folder ending in `extension`; throws
// UsageError as files::read_sources() describes.
std::vector<SourceFile> read_sources(const std::string& path, const std::string& extension);

}  // namespace portlab::cli
