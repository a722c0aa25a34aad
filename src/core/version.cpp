#include "core/version.h"

namespace portlab {
const char* version() { return PORTLAB_VERSION; }
}  // namespace portlab
