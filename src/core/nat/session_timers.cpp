#include "core/nat/session_timers.h"

#include <cstdio>

namespace portlab::nat {
namespace {

using sim::kSecond;

TcpState next_tcp_state(const Session& s, uint8_t flags, bool reply) {
  if (flags & kRst) return TcpState::Close;
  bool syn = flags & kSyn, ack = flags & kAck, fin = flags & kFin;
  switch (s.tcp) {
    case TcpState::None:
      return syn && !ack ? TcpState::SynSent : TcpState::Established;
    case TcpState::SynSent:
      return reply && syn && ack ? TcpState::SynRecv : TcpState::SynSent;
    case TcpState::SynRecv:
      return !reply && ack && !syn ? TcpState::Established : TcpState::SynRecv;
    case TcpState::Established:
      return fin ? TcpState::FinWait : TcpState::Established;
    case TcpState::FinWait:
      return fin ? TcpState::LastAck : ack ? TcpState::CloseWait : TcpState::FinWait;
    case TcpState::CloseWait:
      return fin ? TcpState::LastAck : TcpState::CloseWait;
    case TcpState::LastAck:
      return ack && !fin ? TcpState::TimeWait : TcpState::LastAck;
    case TcpState::TimeWait:
      return TcpState::TimeWait;
    case TcpState::Close:
      return TcpState::Close;
  }
  return s.tcp;
}

sim::Millis tcp_timeout(const Session& s, const Timeouts& t) {
  switch (s.tcp) {
    case TcpState::SynSent:
      return t.tcp_syn_sent;
    case TcpState::SynRecv:
      return t.tcp_syn_recv;
    case TcpState::Established:
      return s.picked_up && !s.seen_reply ? t.tcp_unacknowledged : t.tcp_established;
    case TcpState::FinWait:
      return t.tcp_fin_wait;
    case TcpState::CloseWait:
      return t.tcp_close_wait;
    case TcpState::LastAck:
      return t.tcp_last_ack;
    case TcpState::TimeWait:
      return t.tcp_time_wait;
    case TcpState::Close:
      return t.tcp_close;
    case TcpState::None:
      return t.tcp_syn_sent;
  }
  return t.tcp_established;
}

}  // namespace

void track_packet(Session& s, uint8_t tcp_flags, bool reply, bool from_inside, bool first,
                  const Profile& profile, sim::Millis now) {
  const Timeouts& t = profile.timeouts;
  bool linux_rules = profile.family == Family::LinuxNetfilter;
  // RFC 4787 REQ-6: outbound packets always refresh; inbound ones only when
  // the profile says so. Linux conntrack refreshes on every packet.
  bool refresh = first || linux_rules || from_inside || profile.inbound_refresh;
  sim::Millis timeout = s.timeout;
  if (s.proto == net::Transport::Tcp) {
    if (first && !(tcp_flags & kSyn) && !(tcp_flags & kRst)) s.picked_up = true;
    if (reply) s.seen_reply = true;
    TcpState before = s.tcp;
    s.tcp = next_tcp_state(s, tcp_flags, reply);
    bool handshake_done = before == TcpState::SynRecv && s.tcp == TcpState::Established;
    bool pickup_answered = s.picked_up && s.seen_reply && s.tcp == TcpState::Established;
    if (handshake_done || pickup_answered) s.assured = true;
    timeout = tcp_timeout(s, t);
  } else if (linux_rules) {
    // nf_conntrack_udp_packet: the stream timer needs a reply seen before
    // this packet and the flow to be older than 2 s.
    if (!first && s.seen_reply && now > s.created + 2 * kSecond) {
      timeout = t.udp_stream;
      s.assured = true;
    } else {
      timeout = t.udp;
    }
    if (reply) s.seen_reply = true;
  } else {
    timeout = t.udp;
    if (reply) s.seen_reply = true;
  }
  if (refresh) {
    s.timeout = timeout;
    s.expires_at = now + timeout;
  }
}

std::string timer_name(const Session& s, const Profile& profile) {
  bool linux_rules = profile.family == Family::LinuxNetfilter;
  if (s.proto == net::Transport::Udp) {
    if (!linux_rules) return "the RFC 4787 UDP mapping timer";
    return s.assured ? "nf_conntrack_udp_timeout_stream" : "nf_conntrack_udp_timeout";
  }
  if (!linux_rules)
    return s.tcp == TcpState::Established ? "the RFC 5382 established-connection timer"
                                          : "the RFC 5382 transitory-connection timer";
  switch (s.tcp) {
    case TcpState::SynSent:
      return "nf_conntrack_tcp_timeout_syn_sent";
    case TcpState::SynRecv:
      return "nf_conntrack_tcp_timeout_syn_recv";
    case TcpState::Established:
      return s.picked_up && !s.seen_reply ? "nf_conntrack_tcp_timeout_unacknowledged"
                                          : "nf_conntrack_tcp_timeout_established";
    case TcpState::FinWait:
      return "nf_conntrack_tcp_timeout_fin_wait";
    case TcpState::CloseWait:
      return "nf_conntrack_tcp_timeout_close_wait";
    case TcpState::LastAck:
      return "nf_conntrack_tcp_timeout_last_ack";
    case TcpState::TimeWait:
      return "nf_conntrack_tcp_timeout_time_wait";
    case TcpState::Close:
      return "nf_conntrack_tcp_timeout_close";
    case TcpState::None:
      break;
  }
  return "the TCP timer";
}

std::string describe_duration(sim::Millis ms) {
  char buf[64];
  if (ms % kSecond == 0) {
    long long s = ms / kSecond;
    if (s >= 86400 && s % 86400 == 0)
      std::snprintf(buf, sizeof buf, "%lld s (%lld day%s)", s, s / 86400, s == 86400 ? "" : "s");
    else
      std::snprintf(buf, sizeof buf, "%lld s", s);
  } else {
    std::snprintf(buf, sizeof buf, "%.3g s", static_cast<double>(ms) / kSecond);
  }
  return buf;
}

}  // namespace portlab::nat
