// IPv4 addresses, endpoints (address:port), prefixes and transports: the
// vocabulary every engine (bind, ephemeral, NAT) and the CLI share.
//
// Parsing is strict because these strings come from learners, lesson files,
// scenario files and the command line: "1e3", "-1", "08", "70000" and
// "1.2.3" are all rejected with a message that names the bad value, never
// read as something else.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace portlab::net {

// A parse result: the value, or a message saying what was wrong.
template <typename T>
struct Parsed {
  std::optional<T> value;
  std::string error;  // set when value is empty
  bool ok() const { return value.has_value(); }
  static Parsed fail(std::string message) { return {std::nullopt, std::move(message)}; }
};

// Host byte order, so arithmetic (ranges, pools, prefixes) is plain integer
// arithmetic.
struct Ipv4 {
  uint32_t bits = 0;
  bool operator==(Ipv4 o) const { return bits == o.bits; }
  bool operator!=(Ipv4 o) const { return bits != o.bits; }
  bool operator<(Ipv4 o) const { return bits < o.bits; }
  bool is_wildcard() const { return bits == 0; }
};

enum class Transport : uint8_t { Tcp, Udp, Sctp, Dccp };
inline constexpr int kTransportCount = 4;

struct Endpoint {
  Ipv4 addr;
  uint16_t port = 0;
  bool operator==(const Endpoint& o) const { return addr == o.addr && port == o.port; }
  bool operator!=(const Endpoint& o) const { return !(*this == o); }
  bool operator<(const Endpoint& o) const {
    return addr.bits != o.addr.bits ? addr.bits < o.addr.bits : port < o.port;
  }
};

// An address with a prefix length, e.g. a router's LAN side 192.168.1.1/24.
struct Prefix {
  Ipv4 addr;
  int length = 32;
  uint32_t mask() const { return length == 0 ? 0u : ~0u << (32 - length); }
  bool contains(Ipv4 a) const { return (a.bits & mask()) == (addr.bits & mask()); }
  Ipv4 network() const { return {addr.bits & mask()}; }
};

// R1.1: a port is an integer 0-65535 written in decimal digits only.
Parsed<uint16_t> parse_port(std::string_view text);
// Dotted quad, four decimal octets 0-255 without leading zeros.
Parsed<Ipv4> parse_ipv4(std::string_view text);
// "a.b.c.d:port".
Parsed<Endpoint> parse_endpoint(std::string_view text);
// "a.b.c.d/len" (a bare address means /32).
Parsed<Prefix> parse_prefix(std::string_view text);
// "tcp", "udp", "sctp", "dccp" (lower case, as in /etc/services).
Parsed<Transport> parse_transport(std::string_view text);
// A decimal integer within [lo, hi], digits only (optionally a leading '-').
Parsed<long long> parse_integer(std::string_view text, long long lo, long long hi);

std::string to_string(Ipv4 a);
std::string to_string(const Endpoint& e);
std::string to_string(const Prefix& p);
const char* to_string(Transport t);

// Well-known blocks the lessons and NAT engine talk about.
bool is_rfc1918(Ipv4 a);          // 10/8, 172.16/12, 192.168/16
bool is_shared_cgn_space(Ipv4 a);  // 100.64.0.0/10 (RFC 6598)
bool is_loopback(Ipv4 a);          // 127/8

}  // namespace portlab::net
