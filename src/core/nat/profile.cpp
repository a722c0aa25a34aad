#include "core/nat/profile.h"

#include <string>

namespace portlab::nat {
namespace {

using sim::kSecond;

// Linux conntrack defaults (§5.5, measured in §7 experiment 13; the TCP
// transitory values are the sysctl defaults nf_conntrack_tcp_timeout_*).
Timeouts linux_timeouts() {
  Timeouts t;
  t.udp = 30 * kSecond;
  t.udp_stream = 120 * kSecond;
  t.tcp_syn_sent = 120 * kSecond;
  t.tcp_syn_recv = 60 * kSecond;
  t.tcp_established = 432000 * kSecond;
  t.tcp_fin_wait = 120 * kSecond;
  t.tcp_close_wait = 60 * kSecond;
  t.tcp_last_ack = 30 * kSecond;
  t.tcp_time_wait = 120 * kSecond;
  t.tcp_close = 10 * kSecond;
  t.tcp_unacknowledged = 300 * kSecond;
  return t;
}

// RFC 4787 REQ-5 (UDP >= 2 min, 5 min recommended) and RFC 5382 REQ-5
// (TCP established >= 2 h 4 min, transitory >= 4 min).
Timeouts rfc_timeouts() {
  Timeouts t;
  t.udp = 300 * kSecond;
  t.udp_stream = 300 * kSecond;
  t.tcp_established = 7440 * kSecond;
  t.tcp_syn_sent = t.tcp_syn_recv = t.tcp_fin_wait = t.tcp_close_wait = 240 * kSecond;
  t.tcp_last_ack = t.tcp_time_wait = t.tcp_close = t.tcp_unacknowledged = 240 * kSecond;
  return t;
}

Profile cone(const char* key, const char* name, const char* summary, Mapping m, Filtering f) {
  Profile p;
  p.key = key;
  p.name = name;
  p.summary = summary;
  p.family = Family::Rfc4787;
  p.mapping = m;
  p.filtering = f;
  p.timeouts = rfc_timeouts();
  p.max_mappings_approximate = true;
  return p;
}

std::vector<Profile> make_profiles() {
  std::vector<Profile> all;

  Profile linux_masq;
  linux_masq.key = "linux";
  linux_masq.name = "Linux netfilter MASQUERADE";
  linux_masq.summary =
      "What nftables masquerade does: keep the port if the whole tuple is free, reuse a "
      "mapping only while it stays unique, APDF filtering, conntrack timers.";
  linux_masq.family = Family::LinuxNetfilter;
  linux_masq.mapping = Mapping::EndpointIndependent;  // reuse-if-unique (R5.1)
  linux_masq.filtering = Filtering::AddressAndPortDependent;
  linux_masq.timeouts = linux_timeouts();
  linux_masq.max_mappings = 65536;  // nf_conntrack_max scales with RAM
  linux_masq.max_mappings_approximate = true;
  all.push_back(linux_masq);

  Profile rfc = cone("rfc4787", "RFC 4787 compliant NAT",
                     "Follows every MUST of RFC 4787/5382: endpoint-independent mapping, no port "
                     "overloading, port class kept, hairpinning, UDP 300 s, TCP 7440 s.",
                     Mapping::EndpointIndependent, Filtering::EndpointIndependent);
  rfc.parity_preservation = true;  // REQ-4 (recommended)
  rfc.hairpin = true;              // REQ-9 (must)
  all.push_back(rfc);

  Profile cgn = cone("cgn", "Carrier-grade NAT (NAT444)",
                     "A carrier's NAT for 100.64.0.0/10 subscribers: endpoint-independent mapping, "
                     "address-dependent filtering, a 512-port block per subscriber, no inbound "
                     "forwarding.",
                     Mapping::EndpointIndependent, Filtering::AddressDependent);
  cgn.family = Family::CarrierGrade;
  cgn.hairpin = true;
  cgn.block_size = 512;  // RFC 6888 example size; vendor-configured in practice
  cgn.blocks_per_subscriber = 1;
  cgn.forwards_allowed = false;
  cgn.upnp = cgn.natpmp = false;
  cgn.pcp = false;  // a carrier may run a PCP server (scenario option "pcp")
  cgn.max_mappings = 262144;
  all.push_back(cgn);

  all.push_back(cone("full_cone", "Full cone",
                     "Endpoint-independent mapping and filtering: once mapped, anyone on the "
                     "internet can reach the inside port.",
                     Mapping::EndpointIndependent, Filtering::EndpointIndependent));
  all.push_back(cone("restricted_cone", "Restricted cone",
                     "Endpoint-independent mapping, address-dependent filtering: any port of an "
                     "address the inside host has sent to may answer.",
                     Mapping::EndpointIndependent, Filtering::AddressDependent));
  all.push_back(cone("port_restricted_cone", "Port-restricted cone",
                     "Endpoint-independent mapping, address-and-port-dependent filtering: only "
                     "the exact ip:port the inside host has sent to may answer.",
                     Mapping::EndpointIndependent, Filtering::AddressAndPortDependent));
  Profile symmetric = cone("symmetric", "Symmetric",
                           "A new external port for every destination ip:port, and only that "
                           "destination may answer.",
                           Mapping::AddressAndPortDependent, Filtering::AddressAndPortDependent);
  symmetric.port_preservation = false;
  all.push_back(symmetric);
  return all;
}

}  // namespace

const std::vector<Profile>& profiles() {
  static const std::vector<Profile> all = make_profiles();
  return all;
}

const Profile* find_profile(std::string_view key) {
  for (const Profile& p : profiles())
    if (key == p.key) return &p;
  return nullptr;
}

std::string profile_keys() {
  std::string out;
  for (const Profile& p : profiles()) out += std::string(out.empty() ? "" : ", ") + p.key;
  return out;
}

const char* to_string(Mapping m) {
  switch (m) {
    case Mapping::EndpointIndependent:
      return "endpoint-independent";
    case Mapping::AddressDependent:
      return "address-dependent";
    case Mapping::AddressAndPortDependent:
      return "address-and-port-dependent";
  }
  return "?";
}

const char* to_string(Filtering f) {
  switch (f) {
    case Filtering::EndpointIndependent:
      return "endpoint-independent";
    case Filtering::AddressDependent:
      return "address-dependent";
    case Filtering::AddressAndPortDependent:
      return "address-and-port-dependent";
  }
  return "?";
}

const char* short_name(Mapping m) {
  switch (m) {
    case Mapping::EndpointIndependent:
      return "EIM";
    case Mapping::AddressDependent:
      return "ADM";
    case Mapping::AddressAndPortDependent:
      return "APDM";
  }
  return "?";
}

const char* short_name(Filtering f) {
  switch (f) {
    case Filtering::EndpointIndependent:
      return "EIF";
    case Filtering::AddressDependent:
      return "ADF";
    case Filtering::AddressAndPortDependent:
      return "APDF";
  }
  return "?";
}

PortRange linux_port_class(uint16_t port) {
  if (port < 512) return {1, 511};
  if (port < 1024) return {600, 1023};
  return {1024, 65535};
}

PortRange rfc_port_class(uint16_t port) {
  if (port < 1024) return {1, 1023};
  return {1024, 65535};
}

}  // namespace portlab::nat
