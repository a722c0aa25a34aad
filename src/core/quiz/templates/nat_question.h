// The shared setting of the NAT templates: a home LAN 192.168.1.0/24 behind
// a router whose WAN address the seed picks in 203.0.113.0/24, with servers
// and friends on the internet in 198.51.100.0/24.
#pragma once

#include <string>

#include "core/nat/network.h"
#include "core/sim/random.h"

namespace portlab::quiz::gen {

// 192.168.1.1/24 inside, `wan` outside.
nat::Topology home_topology(net::Ipv4 wan);
// A WAN address 203.0.113.2-254 and an internet host 198.51.100.2-254.
net::Ipv4 random_wan(sim::Random& random);
net::Ipv4 random_internet_host(sim::Random& random);
// A LAN host 192.168.1.2-250.
net::Ipv4 random_lan_host(sim::Random& random);
// A second LAN host, never `other` (the next address when the draw hits it).
net::Ipv4 random_lan_host_besides(sim::Random& random, net::Ipv4 other);

// The explanation of the first trace step of this kind; "" when there is none.
std::string step_text(const nat::Trace& trace, const char* kind);

// "TCP"/"UDP".
std::string upper_transport(net::Transport t);

}  // namespace portlab::quiz::gen
