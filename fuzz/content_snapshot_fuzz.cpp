// libFuzzer target: the page's content snapshot (core/model/content_snapshot.h).
//
// The page writes it at build time, but it reaches the app as a file that
// may be damaged: any bytes must be refused with a reason or read whole,
// never crash or allocate without bound. What is read must be exactly what
// was written: writing it again gives the same bytes.
//
// Run: tools/fuzz.sh content_snapshot [seconds]
#include <cstdint>
#include <string>
#include <string_view>

#include "core/model/content_snapshot.h"
#include "require.h"

using namespace portlab;

using portlab::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string error;
  const std::optional<model::ContentSnapshot> read = model::read_snapshot(bytes, error);
  if (read) {
    require(error.empty());
    require(model::write_snapshot(*read) == bytes);
  } else {
    require(!error.empty());
  }
  return 0;
}
