// Shorthands for the simulated-host tests: a host per profile, and one-call
// bind/connect helpers that open the socket too.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "core/host/host.h"

namespace portlab::testing {

inline host::Host make_host(const char* os, uint64_t seed = 1) {
  const ports::OsProfile* p = ports::find_os_profile(os);
  REQUIRE(p != nullptr);
  return host::Host(*p, seed);
}

inline net::Ipv4 ip(const char* text) { return *net::parse_ipv4(text).value; }
inline net::Endpoint ep(const char* text) { return *net::parse_endpoint(text).value; }

inline void set(host::Host& h, const char* name, const char* value) {
  auto r = h.set(name, value);
  INFO(r.message);
  REQUIRE(r.ok());
}

inline host::Credentials user(uint32_t uid = 1000, bool cap = false) { return {uid, cap}; }
inline host::Credentials root() { return {0, false}; }

inline host::Decision bind_new(host::Host& h, const char* addr, uint16_t port,
                               net::Transport t = net::Transport::Tcp,
                               host::Credentials who = user(), host::SocketOptions o = {},
                               host::SocketId* out = nullptr) {
  host::SocketId id = h.open(t, who, o);
  if (out) *out = id;
  return h.bind(id, ip(addr), port);
}

inline host::Decision connect_new(host::Host& h, const char* dst,
                                  host::SocketId* out = nullptr) {
  host::SocketId id = h.open(net::Transport::Tcp, user());
  if (out) *out = id;
  return h.connect(id, ep(dst));
}

inline host::Decision udp_autobind(host::Host& h, const char* dst = "203.0.113.5:53") {
  host::SocketId id = h.open(net::Transport::Udp, user());
  return h.send_to(id, ep(dst));
}

inline host::Decision bind_zero(host::Host& h, host::SocketOptions o = {}) {
  host::SocketId id = h.open(net::Transport::Tcp, user(), o);
  return h.bind(id, net::Ipv4{}, 0);
}

}  // namespace portlab::testing
