#include "cli/source_files.h"

#include "cli/args.h"
#include "files/source_files.h"

namespace portlab::cli {

std::string read_text_file(const std::string& path) {
  files::TextRead read = files::read_text_file(path);
  if (!read.ok()) throw UsageError(read.error);
  return std::move(read.text);
}

std::vector<SourceFile> read_sources(const std::string& path, const std::string& extension) {
  files::SourcesRead read = files::read_sources(path, extension);
  if (!read.ok()) throw UsageError(read.error);
  return std::move(read.files);
}

}  // namespace portlab::cli
