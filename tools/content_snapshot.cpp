// Writes the page's content.snapshot: the course, the question banks and
// the NAT scenarios parsed once when the page is built, so the browser only
// copies them into memory (core/model/content_snapshot.h says why). Built
// by the web preset as a Node program and run while the page's assets are
// collected (CMakeLists.txt).
//
//   node portlab_content_snapshot.js LESSONS_DIR BANK_DIR SCENARIO_DIR OUT_FILE
//
// Problems in the files are not fatal: they travel in the snapshot and the
// page lists them, as the native app does. A folder that cannot be read
// stops the build (exit 1); a wrong number of arguments exits 2.
#include "core/model/content_snapshot.h"  // write_snapshot

#include <cstdio>
#include <string>

#include "files/source_files.h"

int main(int argc, char** argv) {
  using namespace portlab;
  if (argc != 5) {
    std::fprintf(stderr, "usage: portlab_content_snapshot LESSONS_DIR BANK_DIR SCENARIO_DIR OUT_FILE\n");
    return 2;
  }
  const files::CourseRead read = files::read_course(argv[1], argv[2], argv[3]);
  if (!read.ok()) {
    std::fprintf(stderr, "portlab_content_snapshot: %s\n", read.error.c_str());
    return 1;
  }
  const std::string bytes = model::write_snapshot(read.course);
  FILE* out = std::fopen(argv[4], "wb");
  bool written = out && std::fwrite(bytes.data(), 1, bytes.size(), out) == bytes.size();
  if (out && std::fclose(out) != 0) written = false;
  if (!written) {
    std::fprintf(stderr, "portlab_content_snapshot: cannot write %s\n", argv[4]);
    return 1;
  }
  return 0;
}
