// One tracked flow through a NAT box, conntrack style: the tuple of the
// packet that opened it (original direction) and the tuple its answers
// carry (reply direction), plus the roles a learner cares about: the inside
// endpoint, the public endpoint it appears as, and the remote peer.
#pragma once

#include <cstdint>

#include "core/net/address.h"
#include "core/sim/clock.h"

namespace portlab::nat {

enum class SessionKind : uint8_t {
  Outbound,  // opened from inside; the source was translated (SNAT/masquerade)
  Forward,   // opened from outside through a port-forwarding rule (DNAT)
  Inbound,   // opened from outside on an existing mapping the filter let through
  Hairpin,   // opened from inside towards the box's own public address
  Static,    // 1:1 address translation (static NAT or a dynamic-pool address)
};

enum class TcpState : uint8_t {
  None,
  SynSent,
  SynRecv,
  Established,
  FinWait,
  CloseWait,
  LastAck,
  TimeWait,
  Close
};

inline constexpr uint32_t kNoSession = 0xFFFFFFFFu;

// The first 64 bytes hold everything a packet of a known flow reads or
// writes, so a table hit touches one cache line of the session.
struct alignas(64) Session {
  net::Endpoint orig_src, orig_dst;    // the first packet
  net::Endpoint reply_src, reply_dst;  // what an answer looks like on arrival
  sim::Millis created = 0;
  sim::Millis expires_at = 0;
  sim::Millis timeout = 0;  // the timer last applied, for explanations
  net::Transport proto = net::Transport::Udp;
  SessionKind kind = SessionKind::Outbound;
  TcpState tcp = TcpState::None;
  bool seen_reply = false;  // a packet went the reply direction
  bool assured = false;     // conntrack ASSURED: a real two-way flow
  bool picked_up = false;   // TCP flow first seen mid-stream (no SYN)
  bool live = false;
  bool source_mapping = false;  // a source translation other flows may reuse (R5.1 step 1)

  // Roles and bookkeeping, read when flows are created, listed or expire.
  bool in_port_block = false;  // counted against a CGN subscriber's port blocks
  bool pooled = false;         // holds a dynamic-NAT pool address for its inside host
  int forward_id = 0;          // the forwarding rule that opened it (0: none)
  net::Endpoint internal;      // the inside endpoint
  net::Endpoint external;      // how it appears outside (the translated side)
  net::Endpoint remote;        // the peer
  uint64_t serial = 0;         // creation order, for stable listings

  // Intrusive chains kept by SessionTable.
  uint32_t internal_prev = kNoSession, internal_next = kNoSession;
  uint32_t external_prev = kNoSession, external_next = kNoSession;
};

const char* to_string(SessionKind k);
const char* to_string(TcpState s);
// "UNREPLIED", "REPLIED", "ASSURED" for UDP; the TCP state otherwise.
const char* state_name(const Session& s);

}  // namespace portlab::nat
