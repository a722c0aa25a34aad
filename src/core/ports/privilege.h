// Which ports an ordinary user (not root, no CAP_NET_BIND_SERVICE) cannot
// bind on some address of a host with these settings (networking-facts.md
// R4.1-R4.5): what the Port Map shades as "privileged", for all 65,536
// ports at once, without running a bind() per port.
//
// The simulated host (host_bind.cpp) stays the authority on single binds;
// tests/core/port_facts_test.cpp checks this predicate against it.
#pragma once

#include <cstdint>

#include "core/ports/os_settings.h"

namespace portlab::ports {

// Linux: port < ip_unprivileged_port_start (R4.1, R4.2). macOS: below 1024,
// on a specific address only (R4.3). FreeBSD: reservedlow-reservedhigh
// (R4.5). Solaris: below smallest_nonpriv_port or in extra_priv_ports.
// Windows: never (R4.4).
bool needs_privilege(const OsSettings& settings, uint16_t port);

}  // namespace portlab::ports
