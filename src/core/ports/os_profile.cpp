#include "core/ports/os_profile.h"

namespace portlab::ports {

const std::vector<OsProfile>& os_profiles() {
  using sim::kSecond;
  // Sources: networking-facts.md section 2 (ranges), 3.5 (TIME_WAIT), 4 (privilege).
  static const std::vector<OsProfile> table = {
      {OsId::Linux, "linux", "Linux", {32768, 60999}, 60 * kSecond, PrivilegeRule::LinuxCapability,
       Allocation::LinuxDoubleHash, false, false},
      // Modern Windows' TIME_WAIT (120 s) and its allocation algorithm are not
      // documented by Microsoft: both are flagged approximate.
      {OsId::WindowsModern, "windows", "Windows (Vista and later)", {49152, 65535}, 120 * kSecond,
       PrivilegeRule::None, Allocation::AnyFree, true, true},
      {OsId::WindowsXp, "windows_xp", "Windows XP / Server 2003", {1025, 5000}, 240 * kSecond,
       PrivilegeRule::None, Allocation::SequentialExclusive, false, false},
      // macOS sequential TCP ports come from reading XNU, not from a Mac.
      {OsId::Macos, "macos", "macOS", {49152, 65535}, 30 * kSecond,
       PrivilegeRule::MacosSpecificAddressOnly, Allocation::SequentialExclusive, true, false},
      {OsId::Freebsd, "freebsd", "FreeBSD", {10000, 65535}, 60 * kSecond,
       PrivilegeRule::FreebsdReservedRange, Allocation::RandomStartIncrement, false, false},
      // Solaris' TIME_WAIT is not in the reference; 60 s (tcp_time_wait_interval)
      // is flagged approximate.
      {OsId::Solaris, "solaris", "Solaris 11", {32768, 65535}, 60 * kSecond,
       PrivilegeRule::SolarisPrivilegedPorts, Allocation::RandomStartIncrement, true, true},
  };
  return table;
}

const OsProfile* find_os_profile(std::string_view key) {
  // R2.1 names the modern Windows profile "windows_modern"; the short key
  // "windows" is what the CLI and lessons use. Both mean the same profile.
  if (key == "windows_modern") key = "windows";
  for (const OsProfile& p : os_profiles())
    if (key == p.key) return &p;
  return nullptr;
}

const OsProfile& os_profile(OsId id) {
  for (const OsProfile& p : os_profiles())
    if (p.id == id) return p;
  return os_profiles().front();
}

std::string os_profile_keys() {
  std::string keys;
  for (const OsProfile& p : os_profiles()) keys += (keys.empty() ? "" : ", ") + std::string(p.key);
  return keys;
}

}  // namespace portlab::ports
