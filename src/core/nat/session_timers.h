// How each packet moves a session's state and timer (R5.3).
//
// Linux (§5.5, measured in §7 experiment 13): a UDP entry lives 30 s while
// unreplied and also after a single request/reply; once replied, a packet
// more than 2 s after creation makes it ASSURED with the 120 s stream
// timer. TCP follows conntrack's state machine (SYN_SENT 120 s,
// ESTABLISHED 432000 s, ...). RFC-style NATs use one mapping timer for UDP
// (RFC 4787 REQ-5) and RFC 5382's established/transitory TCP timers.
#pragma once

#include <string>

#include "core/nat/packet.h"
#include "core/nat/profile.h"
#include "core/nat/session.h"

namespace portlab::nat {

// Applies one packet to `s` (its first packet when `first`). `reply` says
// the packet travels in the reply direction, `from_inside` that it came
// from the inside network (outbound packets always refresh, RFC 4787 REQ-6).
void track_packet(Session& s, uint8_t tcp_flags, bool reply, bool from_inside, bool first,
                  const Profile& profile, sim::Millis now);

// The name of the timer now applied to `s`, for explanations:
// "nf_conntrack_udp_timeout_stream", "the RFC 4787 UDP mapping timer", ...
std::string timer_name(const Session& s, const Profile& profile);

// "30 s", "432000 s (5 days)", "2.5 s".
std::string describe_duration(sim::Millis ms);

}  // namespace portlab::nat
