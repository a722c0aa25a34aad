#include "core/ports/registry_data.h"

#include <string>

namespace portlab::ports {

const RegistryParse& embedded_port_registry() {
  static const RegistryParse parsed = parse_port_registry(std::string(embedded_registry_text()));
  return parsed;
}

}  // namespace portlab::ports
