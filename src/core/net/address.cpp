#include "core/net/address.h"

#include <cstdio>

namespace portlab::net {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string shown(std::string_view text) {
  return text.empty() ? std::string("an empty value") : "'" + std::string(text) + "'";
}

}  // namespace

Parsed<long long> parse_integer(std::string_view text, long long lo, long long hi) {
  std::string_view digits = text;
  bool negative = false;
  if (!digits.empty() && digits.front() == '-') {
    negative = true;
    digits.remove_prefix(1);
  }
  if (!all_digits(digits))
    return Parsed<long long>::fail(shown(text) + " is not a whole number");
  // More than 18 digits cannot be in any range we use and would overflow.
  long long value = 0;
  if (digits.size() > 18)
    return Parsed<long long>::fail(shown(text) + " is out of range " + std::to_string(lo) + "-" +
                                   std::to_string(hi));
  for (char c : digits) value = value * 10 + (c - '0');
  if (negative) value = -value;
  if (value < lo || value > hi)
    return Parsed<long long>::fail(shown(text) + " is out of range " + std::to_string(lo) + "-" +
                                   std::to_string(hi));
  return {value, {}};
}

Parsed<uint16_t> parse_port(std::string_view text) {
  auto n = parse_integer(text, 0, 65535);
  if (!n.ok()) {
    if (!text.empty() && (all_digits(text) || (text[0] == '-' && all_digits(text.substr(1)))))
      return Parsed<uint16_t>::fail("port " + std::string(text) +
                                    " does not fit in 16 bits (ports are 0-65535)");
    return Parsed<uint16_t>::fail("port " + shown(text) +
                                  " is not a whole number 0-65535");
  }
  return {static_cast<uint16_t>(*n.value), {}};
}

Parsed<Ipv4> parse_ipv4(std::string_view text) {
  auto bad = [&] {
    return Parsed<Ipv4>::fail("address " + shown(text) +
                              " is not an IPv4 address like 192.168.1.10");
  };
  uint32_t bits = 0;
  int octets = 0;
  size_t start = 0;
  while (true) {
    size_t dot = text.find('.', start);
    std::string_view part = text.substr(start, dot == std::string_view::npos ? text.npos : dot - start);
    if (!all_digits(part) || part.size() > 3 || (part.size() > 1 && part[0] == '0')) return bad();
    int v = 0;
    for (char c : part) v = v * 10 + (c - '0');
    if (v > 255) return bad();
    bits = (bits << 8) | static_cast<uint32_t>(v);
    ++octets;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (octets != 4) return bad();
  return {Ipv4{bits}, {}};
}

Parsed<Endpoint> parse_endpoint(std::string_view text) {
  size_t colon = text.rfind(':');
  if (colon == std::string_view::npos)
    return Parsed<Endpoint>::fail("endpoint " + shown(text) +
                                  " is not address:port like 192.168.1.10:5000");
  auto addr = parse_ipv4(text.substr(0, colon));
  if (!addr.ok()) return Parsed<Endpoint>::fail(addr.error);
  auto port = parse_port(text.substr(colon + 1));
  if (!port.ok()) return Parsed<Endpoint>::fail(port.error);
  return {Endpoint{*addr.value, *port.value}, {}};
}

Parsed<Prefix> parse_prefix(std::string_view text) {
  size_t slash = text.find('/');
  auto addr = parse_ipv4(text.substr(0, slash));
  if (!addr.ok()) return Parsed<Prefix>::fail(addr.error);
  int length = 32;
  if (slash != std::string_view::npos) {
    auto n = parse_integer(text.substr(slash + 1), 0, 32);
    if (!n.ok())
      return Parsed<Prefix>::fail("prefix length in " + shown(text) + " must be 0-32");
    length = static_cast<int>(*n.value);
  }
  return {Prefix{*addr.value, length}, {}};
}

Parsed<Transport> parse_transport(std::string_view text) {
  if (text == "tcp") return {Transport::Tcp, {}};
  if (text == "udp") return {Transport::Udp, {}};
  if (text == "sctp") return {Transport::Sctp, {}};
  if (text == "dccp") return {Transport::Dccp, {}};
  return Parsed<Transport>::fail("transport " + shown(text) + " is not one of tcp, udp, sctp, dccp");
}

std::string to_string(Ipv4 a) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", a.bits >> 24, (a.bits >> 16) & 255,
                (a.bits >> 8) & 255, a.bits & 255);
  return buf;
}

std::string to_string(const Endpoint& e) { return to_string(e.addr) + ":" + std::to_string(e.port); }

std::string to_string(const Prefix& p) { return to_string(p.addr) + "/" + std::to_string(p.length); }

const char* to_string(Transport t) {
  switch (t) {
    case Transport::Tcp: return "tcp";
    case Transport::Udp: return "udp";
    case Transport::Sctp: return "sctp";
    case Transport::Dccp: return "dccp";
  }
  return "?";
}

bool is_rfc1918(Ipv4 a) {
  return (a.bits >> 24) == 10 || (a.bits >> 20) == 0xAC1 || (a.bits >> 16) == 0xC0A8;
}

bool is_shared_cgn_space(Ipv4 a) { return (a.bits >> 22) == (0x64400000u >> 22); }

bool is_loopback(Ipv4 a) { return (a.bits >> 24) == 127; }

}  // namespace portlab::net
