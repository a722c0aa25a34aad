#include "core/ports/port_ranges.h"

namespace portlab::ports {

const std::vector<IanaRange>& iana_ranges() {
  // Source: networking-facts.md section 1 (RFC 6335 sections 6 and 8.1).
  static const std::vector<IanaRange> table = {
      {PortClass::System, "system", {0, 1023}, "System Ports", {"Well Known Ports"},
       "assigned by IANA through IETF Review or IESG Approval"},
      {PortClass::User, "user", {1024, 49151}, "User Ports", {"Registered Ports"},
       "assigned by IANA through IETF Review, IESG Approval or Expert Review"},
      {PortClass::Dynamic, "dynamic", {49152, 65535}, "Dynamic Ports",
       {"Private Ports", "Ephemeral Ports"}, "never assigned by IANA"},
  };
  return table;
}

PortClass classify(uint16_t port) {
  if (port <= 1023) return PortClass::System;
  if (port <= 49151) return PortClass::User;
  return PortClass::Dynamic;
}

const IanaRange& iana_range(PortClass id) { return iana_ranges()[static_cast<size_t>(id)]; }

const IanaRange* find_iana_range(std::string_view key) {
  for (const IanaRange& r : iana_ranges())
    if (key == r.key) return &r;
  return nullptr;
}

}  // namespace portlab::ports
