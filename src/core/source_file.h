// A named text file handed to a parser (lessons, question banks). Parsers
// take text, never paths, so the engines stay free of I/O; the name is only
// for messages ("lessons/02-port-ranges.md:14: ...").
#pragma once

#include <string>

namespace portlab {

struct SourceFile {
  std::string name;
  std::string text;
};

}  // namespace portlab
