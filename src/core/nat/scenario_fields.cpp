#include "core/nat/scenario_fields.h"

#include <cmath>

namespace portlab::nat::scenario_fields {

template <typename T>
static T unwrap(const json::Reader& r, const net::Parsed<T>& parsed) {
  if (!parsed.ok()) r.fail(parsed.error);
  return *parsed.value;
}

net::Ipv4 ipv4(const json::Reader& r) { return unwrap(r, net::parse_ipv4(r.string())); }

net::Endpoint endpoint(const json::Reader& r) {
  std::string text = r.string();
  if (text.find(':') == std::string::npos) {
    // Say what is wrong with the address first; a missing port second.
    auto addr = net::parse_ipv4(text);
    if (!addr.ok()) r.fail(addr.error + " (an endpoint is address:port like 192.168.1.10:5000)");
    r.fail("endpoint '" + text + "' has no port; write address:port like " + text + ":5000");
  }
  return unwrap(r, net::parse_endpoint(text));
}

net::Prefix prefix(const json::Reader& r) { return unwrap(r, net::parse_prefix(r.string())); }

net::Transport transport(const json::Reader& r) {
  std::string text = r.string();
  if (text != "tcp" && text != "udp")
    r.fail("transport " + json::quote(text) + " is not tcp or udp");
  return text == "tcp" ? net::Transport::Tcp : net::Transport::Udp;
}

uint16_t port(const json::Reader& r) { return static_cast<uint16_t>(r.integer(1, 65535)); }

PortRange port_range(const json::Reader& r) {
  if (r.value().is_number()) {
    auto p = static_cast<uint16_t>(r.integer(0, 65535));
    return {p, p};
  }
  if (!r.value().is_string())
    r.fail(std::string("expected a port number or a range like \"9000-9009\", found ") +
           json::type_name(r.value()));
  std::string text = r.string();
  size_t dash = text.find('-');
  if (dash == std::string::npos) {
    uint16_t p = unwrap(r, net::parse_port(text));
    return {p, p};
  }
  uint16_t lo = unwrap(r, net::parse_port(text.substr(0, dash)));
  uint16_t hi = unwrap(r, net::parse_port(text.substr(dash + 1)));
  return {lo, hi};
}

sim::Millis seconds(const json::Reader& r, double lo, double hi) {
  if (r.value().is_number() && r.value().as_number() < 0 && lo >= 0)
    r.fail("a duration cannot be negative (" + json::write(r.value()) +
           " s): simulated time only moves forward");
  double s = r.number(lo, hi);
  return static_cast<sim::Millis>(std::llround(s * 1000.0));
}

}  // namespace portlab::nat::scenario_fields
