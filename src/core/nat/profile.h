// NAT behaviour profiles (networking-facts.md §5.2, §5.5, R5.1-R5.6).
//
// A profile says how a NAT box chooses external ports, which inbound
// packets it lets through, how long it remembers a flow and whether it
// loops LAN traffic addressed to its own public address back in. The
// presets are the classic cone names (R5.4), the Linux netfilter
// MASQUERADE behaviour the reference measured (R5.1-R5.3), an RFC 4787
// compliant NAT and a carrier-grade NAT (R5.6).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/net/address.h"
#include "core/ports/os_profile.h"
#include "core/sim/clock.h"

namespace portlab::nat {

using ports::PortRange;

// RFC 4787 §4.1: what decides whether a new destination reuses a mapping.
enum class Mapping : uint8_t {
  EndpointIndependent,     // same internal ip:port -> same external ip:port
  AddressDependent,        // reused only towards the same remote address
  AddressAndPortDependent  // a new external port per remote ip:port
};

// RFC 4787 §5: which outside senders may use a mapping.
enum class Filtering : uint8_t {
  EndpointIndependent,     // anyone
  AddressDependent,        // addresses the inside host has sent to
  AddressAndPortDependent  // exactly the ip:port it has sent to
};

// How the box is built, which decides the port-choice algorithm and the
// hairpin mechanics.
enum class Family : uint8_t {
  LinuxNetfilter,  // §5.5: tuple-unique ports (RFC 7857 port overlapping), conntrack timers
  Rfc4787,         // one external port per mapping, RFC timers
  CarrierGrade,    // Rfc4787 plus per-subscriber port blocks, no forwards
};

// Connection-tracking timers. Linux names them after its sysctls
// (net.netfilter.nf_conntrack_udp_timeout, ..._udp_timeout_stream, ...).
struct Timeouts {
  sim::Millis udp = 0;         // Linux: unreplied or young flows; RFC: the mapping timer
  sim::Millis udp_stream = 0;  // Linux: replied and still active after 2 s (ASSURED)
  sim::Millis tcp_syn_sent = 0;
  sim::Millis tcp_syn_recv = 0;
  sim::Millis tcp_established = 0;
  sim::Millis tcp_fin_wait = 0;
  sim::Millis tcp_close_wait = 0;
  sim::Millis tcp_last_ack = 0;
  sim::Millis tcp_time_wait = 0;
  sim::Millis tcp_close = 0;
  sim::Millis tcp_unacknowledged = 0;  // Linux: a flow picked up mid-stream, not yet answered
};

struct Profile {
  const char* key = "";      // "linux", "full_cone", ...
  const char* name = "";     // for people
  const char* summary = "";  // one sentence
  Family family = Family::Rfc4787;
  Mapping mapping = Mapping::EndpointIndependent;
  Filtering filtering = Filtering::AddressAndPortDependent;
  bool port_preservation = true;        // keep the inside port when it is free
  bool parity_preservation = false;     // RFC 4787 REQ-4: even stays even
  bool random_ports = false;            // Linux `random` / `fully-random`: always a random port
  std::optional<PortRange> port_range;  // Linux `masquerade to :lo-hi`; else port classes
  bool hairpin = false;                 // Linux: the extra `ct status dnat masquerade` rule
  bool inbound_refresh = true;          // RFC 4787 REQ-6: inbound packets refresh the timer
  Timeouts timeouts;
  size_t max_mappings = 65536;
  bool max_mappings_approximate = false;  // [?] vendor/RAM dependent default
  // Carrier-grade NAT (R5.6, RFC 6888).
  int block_size = 0;             // ports per block; 0 = no port blocks
  int blocks_per_subscriber = 0;  // how many blocks one subscriber may hold
  bool forwards_allowed = true;   // false: no inbound forwarding at all
  // Port-mapping services the box answers (UPnP IGD, NAT-PMP, PCP).
  bool upnp = true;
  bool natpmp = true;
  bool pcp = true;
};

const std::vector<Profile>& profiles();
// nullptr when the key is unknown.
const Profile* find_profile(std::string_view key);
// "linux, rfc4787, cgn, full_cone, ..." for messages.
std::string profile_keys();

const char* to_string(Mapping m);
const char* to_string(Filtering f);
// Short forms as in RFC 4787 discussions: "EIM", "ADM", "APDM", "EIF", ...
const char* short_name(Mapping m);
const char* short_name(Filtering f);

// Linux port classes used when a masquerade rule names no port range
// (§5.5 step 3): 1-511, 600-1023, 1024-65535.
PortRange linux_port_class(uint16_t port);
// RFC 4787 REQ-3a classes: 1-1023 and 1024-65535.
PortRange rfc_port_class(uint16_t port);

}  // namespace portlab::nat
