// The settings of one simulated host: its OS profile's defaults (os_profile.h)
// plus whatever a learner changed, under the names the real system uses
// (networking-facts.md sections 2 and 4).
//
//   Linux    net.ipv4.ip_local_port_range "lo hi", ip_local_reserved_ports
//            "8080,9000-9010", ip_unprivileged_port_start, tcp_tw_reuse 0/1/2,
//            ip_autobind_reuse 0/1
//   macOS    net.inet.ip.portrange.first/last, net.inet.tcp.randomize_ports,
//            net.inet.udp.randomize_ports
//   FreeBSD  net.inet.ip.portrange.first/last/reservedlow/reservedhigh/randomized
//   Solaris  smallest_anon_port, largest_anon_port, smallest_nonpriv_port,
//            extra_priv_ports (ipadm properties; one set for TCP and UDP)
//   Windows  dynamicport.tcp / dynamicport.udp "start=N num=M" (netsh int ipv4
//            set dynamicport tcp start=N num=M; separate per transport, R2.4)
//   XP       MaxUserPort (the range is 1025..MaxUserPort)
//
// A write is checked the way the real system checks it: Linux refuses with
// EINVAL a local port range that reaches below ip_unprivileged_port_start and
// the reverse (R2.3); BSD clamps portrange.first/last into 1024-65535 as its
// RANGECHK does.
#pragma once

#include <bitset>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/net/address.h"
#include "core/ports/os_profile.h"

namespace portlab::ports {

struct SettingResult {
  enum class Status : uint8_t {
    Ok,
    UnknownName,  // the profile has no such setting
    BadValue,     // not something the setting can hold ("abc", "70000")
    Refused,      // well-formed, but the system refuses it (Linux EINVAL, R2.3)
  };
  Status status = Status::Ok;
  std::string message;     // one sentence naming the setting and value; empty when ok
  const char* error = "";  // errno the real write returns when Refused ("EINVAL")
  const char* rule = "";   // reference rule behind a refusal ("R2.3")
  bool ok() const { return status == Status::Ok; }
};

class OsSettings {
 public:
  explicit OsSettings(const OsProfile& profile);

  const OsProfile& profile() const { return *profile_; }

  // Writes one setting by its real name; the setting keeps its old value
  // unless the result is ok.
  SettingResult set(std::string_view name, std::string_view value);
  // Sets the auto-assignment range through this profile's own settings
  // (ip_local_port_range, portrange.first/last, *_anon_port, dynamicport
  // for both transports, MaxUserPort).
  SettingResult set_ephemeral_range(PortRange range);
  // Every setting of this profile with its current value, as the system
  // prints it.
  std::vector<std::pair<std::string, std::string>> values() const;

  // The range auto-assignment draws from for a transport (R2.1, R2.4).
  PortRange ephemeral(net::Transport t) const {
    return t == net::Transport::Udp ? udp_range_ : tcp_range_;
  }
  // Linux ip_local_reserved_ports: skipped by auto-assignment only (R2.2).
  bool reserved(uint16_t port) const { return reserved_[port]; }
  bool any_reserved() const { return reserved_count_ > 0; }

  int unprivileged_port_start() const { return unprivileged_port_start_; }  // Linux
  int tcp_tw_reuse() const { return tcp_tw_reuse_; }                        // Linux
  bool autobind_reuse() const { return autobind_reuse_; }                   // Linux
  int reserved_low() const { return reserved_low_; }                        // FreeBSD
  int reserved_high() const { return reserved_high_; }                      // FreeBSD
  bool randomized() const { return randomized_; }                           // FreeBSD
  bool tcp_randomize_ports() const { return tcp_randomize_ports_; }         // macOS
  bool udp_randomize_ports() const { return udp_randomize_ports_; }         // macOS
  int smallest_nonpriv_port() const { return smallest_nonpriv_port_; }      // Solaris
  bool extra_priv_port(uint16_t port) const;                                // Solaris
  const std::vector<uint16_t>& extra_priv_ports() const { return extra_priv_ports_; }
  sim::Millis time_wait() const { return profile_->time_wait; }

 private:
  friend struct SettingWriters;

  const OsProfile* profile_;
  PortRange tcp_range_;
  PortRange udp_range_;
  std::bitset<65536> reserved_;
  int reserved_count_ = 0;
  int unprivileged_port_start_ = 1024;
  int tcp_tw_reuse_ = 2;  // loopback only (R3.6 section 3.5)
  bool autobind_reuse_ = false;
  int reserved_low_ = 0;
  int reserved_high_ = 1023;
  bool randomized_ = true;
  bool tcp_randomize_ports_ = false;  // XNU default (section 3.4)
  bool udp_randomize_ports_ = true;
  int smallest_nonpriv_port_ = 1024;
  std::vector<uint16_t> extra_priv_ports_ = {2049, 4045};
};

// Parses a port list as ip_local_reserved_ports takes it: "8080,9000-9010";
// an empty string is the empty list.
net::Parsed<std::vector<PortRange>> parse_port_list(std::string_view text);

}  // namespace portlab::ports
