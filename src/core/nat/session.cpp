#include "core/nat/session.h"

namespace portlab::nat {

const char* to_string(SessionKind k) {
  switch (k) {
    case SessionKind::Outbound:
      return "outbound";
    case SessionKind::Forward:
      return "forward";
    case SessionKind::Inbound:
      return "inbound";
    case SessionKind::Hairpin:
      return "hairpin";
    case SessionKind::Static:
      return "static";
  }
  return "?";
}

const char* to_string(TcpState s) {
  switch (s) {
    case TcpState::None:
      return "NONE";
    case TcpState::SynSent:
      return "SYN_SENT";
    case TcpState::SynRecv:
      return "SYN_RECV";
    case TcpState::Established:
      return "ESTABLISHED";
    case TcpState::FinWait:
      return "FIN_WAIT";
    case TcpState::CloseWait:
      return "CLOSE_WAIT";
    case TcpState::LastAck:
      return "LAST_ACK";
    case TcpState::TimeWait:
      return "TIME_WAIT";
    case TcpState::Close:
      return "CLOSE";
  }
  return "?";
}

const char* state_name(const Session& s) {
  if (s.proto == net::Transport::Tcp) return to_string(s.tcp);
  if (s.assured) return "ASSURED";
  return s.seen_reply ? "REPLIED" : "UNREPLIED";
}

}  // namespace portlab::nat
