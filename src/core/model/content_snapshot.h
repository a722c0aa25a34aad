// The course already parsed: what the app loads from the teacher's files,
// in a compact binary form the page reads instead of the files.
//
// The page's course is fixed when it is built, so the build parses it once
// (tools/content_snapshot.cpp) and the page only copies the result into
// memory. Parsing in the browser was the largest part of the page's
// start-up: WebAssembly compiles each function the first time it runs, and
// the parsers ran several hundred of them before the first frame. The
// native app still parses the files at start-up, so a teacher's edit needs
// no rebuild there.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.h"
#include "core/source_file.h"

namespace portlab::model {

struct ContentSnapshot {
  Content content;                    // lessons and banks, parsed, with their problems
  std::vector<SourceFile> scenarios;  // NAT scenario files as written (the NAT Lab parses them)
  std::string characters;             // each non-ASCII character the files use, once (UTF-8)
};

// Parses the files the way the app does.
ContentSnapshot snapshot_content(const std::vector<SourceFile>& lesson_files, const std::vector<SourceFile>& bank_files,
                                 std::vector<SourceFile> scenario_files);

// The snapshot as bytes, and back. Reading checks every length and value
// against the bytes there are: a damaged file gives nullopt and `error`
// (what is wrong and at which byte), never a partial course.
std::string write_snapshot(const ContentSnapshot& snapshot);
std::optional<ContentSnapshot> read_snapshot(std::string_view bytes, std::string& error);

}  // namespace portlab::model
