// The operating systems PortLab simulates, with their documented defaults
// (networking-facts.md R2.1, R3.4-R3.6, R4.1-R4.5).
//
// This table holds only what each system does out of the box. How a learner
// can change it (Linux sysctls, FreeBSD's portrange, Solaris' ipadm, ...) is
// part of the simulated host, which starts from these defaults.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/sim/clock.h"

namespace portlab::ports {

// Inclusive port range.
struct PortRange {
  uint16_t lo = 0;
  uint16_t hi = 0;
  bool contains(int port) const { return port >= lo && port <= hi; }
  int size() const { return hi >= lo ? hi - lo + 1 : 0; }
  bool operator==(const PortRange& o) const { return lo == o.lo && hi == o.hi; }
};

enum class OsId : uint8_t { Linux, WindowsModern, WindowsXp, Macos, Freebsd, Solaris };

// Who may bind a low port (R4.x).
enum class PrivilegeRule : uint8_t {
  LinuxCapability,           // port < ip_unprivileged_port_start needs CAP_NET_BIND_SERVICE
  MacosSpecificAddressOnly,  // < 1024 needs root only when the address is not the wildcard
  FreebsdReservedRange,      // reservedlow <= port <= reservedhigh needs privilege
  SolarisPrivilegedPorts,    // < smallest_nonpriv_port, plus extra_priv_ports
  None,                      // Windows: no privileged ports in Winsock
};

// How connect() picks a local port when the socket was not bound (R3.x).
enum class Allocation : uint8_t {
  LinuxDoubleHash,        // RFC 6056 algorithm 4 as Linux does it (R3.1)
  SequentialExclusive,    // macOS TCP, Windows XP: last+1, never shared (R3.4, R3.5)
  RandomStartIncrement,   // FreeBSD, macOS UDP: random start then +1 (R3.4)
  AnyFree,                // Windows Vista+: some free port, algorithm unpublished (R3.5)
};

struct OsProfile {
  OsId id;
  const char* key;    // as on the command line and in lesson files: "linux"
  const char* name;   // for people: "Linux"
  PortRange ephemeral;
  sim::Millis time_wait;
  PrivilegeRule privilege;
  Allocation allocation;
  // True where the reference marks the behaviour [?]: the UI says it is an
  // approximation and quizzes never grade on it.
  bool allocation_approximate;
  bool time_wait_approximate;
};

const std::vector<OsProfile>& os_profiles();
// By key ("windows_modern" is accepted for "windows", R2.1); nullptr when unknown.
const OsProfile* find_os_profile(std::string_view key);
const OsProfile& os_profile(OsId id);
// "linux, windows, windows_xp, macos, freebsd, solaris": for messages that
// list what a bad profile name could have been.
std::string os_profile_keys();

}  // namespace portlab::ports
