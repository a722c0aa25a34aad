#include "core/quiz/templates/nat_question.h"

namespace portlab::quiz::gen {

nat::Topology home_topology(net::Ipv4 wan) {
  nat::Topology t;
  t.lan = net::Prefix{{0xC0A80101}, 24};  // 192.168.1.1/24
  t.wan = wan;
  return t;
}

net::Ipv4 random_wan(sim::Random& random) {
  return {static_cast<uint32_t>(0xCB007100 + random.between(2, 254))};  // 203.0.113.x
}

net::Ipv4 random_internet_host(sim::Random& random) {
  return {static_cast<uint32_t>(0xC6336400 + random.between(2, 254))};  // 198.51.100.x
}

net::Ipv4 random_lan_host(sim::Random& random) {
  return {static_cast<uint32_t>(0xC0A80100 + random.between(2, 250))};  // 192.168.1.x
}

net::Ipv4 random_lan_host_besides(sim::Random& random, net::Ipv4 other) {
  net::Ipv4 host = random_lan_host(random);
  if (host == other) host.bits = other.bits + 1;
  return host;
}

std::string step_text(const nat::Trace& trace, const char* kind) {
  for (const nat::Step& s : trace.steps)
    if (s.kind == kind) return s.explanation;
  return "";
}

std::string upper_transport(net::Transport t) {
  return t == net::Transport::Tcp ? "TCP" : t == net::Transport::Udp ? "UDP" : net::to_string(t);
}

}  // namespace portlab::quiz::gen
