// The port registry asset (assets/ports/registry.tsv) built into the program,
// so portlab-cli answers from any working directory and the core tests (also
// run as wasm) read the same data. The build generates the text's definition
// from the asset (cmake/embed_text.cmake); the web app can instead load
// /assets/ports/registry.tsv and call parse_port_registry itself.
#pragma once

#include <string_view>

#include "core/ports/registry.h"

namespace portlab::ports {

// The asset's text, byte for byte.
std::string_view embedded_registry_text();

// embedded_registry_text() parsed once, on first use. A parse failure means
// the build embedded a broken asset; callers report result.errors.
const RegistryParse& embedded_port_registry();

}  // namespace portlab::ports
