// A small test bench for the NAT engine: a Network built from a profile key
// and a topology, with helpers that take addresses as strings.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "core/nat/network.h"
#include "core/nat/scenario.h"

namespace portlab::testing {

inline net::Endpoint ep(const char* text) { return *net::parse_endpoint(text).value; }
inline net::Ipv4 ip(const char* text) { return *net::parse_ipv4(text).value; }

inline nat::Topology home_lan() {
  nat::Topology t;
  t.lan = *net::parse_prefix("10.0.1.1/24").value;
  t.wan = ip("203.0.113.1");
  return t;
}

struct NatLab {
  nat::Network network;

  explicit NatLab(const nat::Profile& profile, const nat::Topology& topology = home_lan(),
                  uint64_t seed = 1, const nat::Profile* cgn = nullptr)
      : network(topology, profile, cgn, seed) {}
  explicit NatLab(const char* profile_key, uint64_t seed = 1)
      : NatLab(*nat::find_profile(profile_key), home_lan(), seed) {}

  nat::Delivery send(net::Transport proto, const char* from, const char* to, uint8_t flags = 0,
                     nat::Trace* trace = nullptr) {
    nat::Packet p{proto, ep(from), ep(to), flags};
    if (proto == net::Transport::Tcp && flags == 0) p.tcp_flags = nat::kSyn;
    return network.send(p, trace);
  }
  nat::Delivery udp(const char* from, const char* to, nat::Trace* trace = nullptr) {
    return send(net::Transport::Udp, from, to, 0, trace);
  }
  // The public port an outbound UDP packet left with (0 when dropped).
  uint16_t udp_port(const char* from, const char* to) {
    nat::Delivery d = udp(from, to);
    return d.action == nat::Action::Translated ? d.packet.src.port : 0;
  }
  void advance_seconds(double s) { network.advance(sim::seconds(s), nullptr); }
  void forward(nat::ForwardProto proto, uint16_t external, const char* target, uint16_t port) {
    nat::ForwardRule r;
    r.proto = proto;
    r.external = {external, external};
    r.target = ip(target);
    r.target_port = port;
    REQUIRE(network.router().forwards().add(r, network.topology().lan).empty());
  }
  size_t sessions() const { return network.router().sessions().size(); }
};

// Does the trace contain a step of this kind?
inline bool has_step(const nat::Trace& t, const std::string& kind) {
  for (const nat::Step& s : t.steps)
    if (s.kind == kind) return true;
  return false;
}

}  // namespace portlab::testing
