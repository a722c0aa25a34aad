// A packet as the NAT simulator sees it: transport, source and destination
// endpoints, and for TCP the control flags that drive connection tracking.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/net/address.h"

namespace portlab::nat {

// TCP control flags (a subset: enough for conntrack's state machine).
enum TcpFlag : uint8_t { kSyn = 1, kAck = 2, kFin = 4, kRst = 8 };

struct Packet {
  net::Transport proto = net::Transport::Udp;
  net::Endpoint src;
  net::Endpoint dst;
  uint8_t tcp_flags = 0;  // TcpFlag bits; 0 for UDP
};

// "udp 192.168.1.10:6000 -> 198.51.100.7:9000" (TCP adds " [SYN]").
std::string describe(const Packet& p);

// "SYN", "SYN+ACK", "FIN+ACK", "ACK", "RST".
std::string describe_tcp_flags(uint8_t flags);

// The flag words a scenario may use: "syn", "syn-ack", "ack", "fin",
// "fin-ack", "rst". Returns false for anything else.
bool parse_tcp_flags(std::string_view text, uint8_t* flags);

// The two transports a NAT scenario may use (TCP and UDP carry ports that
// NAPT rewrites; SCTP/DCCP are out of the model's scope).
inline bool is_nat_transport(net::Transport t) {
  return t == net::Transport::Tcp || t == net::Transport::Udp;
}

}  // namespace portlab::nat
