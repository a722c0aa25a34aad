// The three IANA port ranges of RFC 6335 section 6 (networking-facts.md
// section 1, R1.2), with their current and older names.
//
// R1.3: the range a port falls in is a label only. Whether a socket may bind
// it (section 4) and whether the kernel hands it out as an ephemeral port
// (section 2) are separate OS policies, modelled in os_profile.h and the bind
// and ephemeral engines, never derived from this classification.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/ports/os_profile.h"

namespace portlab::ports {

enum class PortClass : uint8_t { System, User, Dynamic };

struct IanaRange {
  PortClass id;
  const char* key;                       // "system", "user", "dynamic" (CLI and lesson files)
  PortRange ports;                       // inclusive
  const char* name;                      // RFC 6335: "System Ports"
  std::vector<const char*> older_names;  // RFC 1700 era: "Well Known Ports"
  const char* assignment;                // how IANA assigns numbers in it (RFC 6335 section 8.1)
};

// System, User, Dynamic, in port order; together they cover 0-65535 exactly.
const std::vector<IanaRange>& iana_ranges();

// R1.2. Every uint16_t is a valid port (R1.1), so every value has a class.
PortClass classify(uint16_t port);
const IanaRange& iana_range(PortClass id);
// By key; nullptr when unknown.
const IanaRange* find_iana_range(std::string_view key);

}  // namespace portlab::ports
