#pragma once

namespace portlab {
// The release version, from CMake's project(VERSION ...).
const char* version();
}  // namespace portlab
