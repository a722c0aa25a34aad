#include "core/host/describe.h"

#include "core/host/decision.h"
#include "core/host/host.h"

namespace portlab::host {

std::string describe(const net::Endpoint& local, net::Transport t) {
  return net::to_string(local) + "/" + net::to_string(t);
}

std::string describe(const Socket& s) {
  const std::string here = describe(s.local, s.transport);
  switch (s.state) {
    case SocketState::Unbound: return "an unbound socket";
    case SocketState::Bound: return "a bound socket on " + here;
    case SocketState::Listening: return "a listening socket on " + here;
    case SocketState::Connected:
      return "a connection " + here + " -> " + net::to_string(s.remote);
    case SocketState::TimeWait:
      return "a TIME_WAIT entry for " + here + " -> " + net::to_string(s.remote);
  }
  return here;
}

std::string describe(ports::PortRange r) {
  return std::to_string(r.lo) + "-" + std::to_string(r.hi);
}

std::string address_list(const Host& host) {
  std::string out = "127.0.0.1";
  for (net::Ipv4 a : host.addresses()) out += ", " + net::to_string(a);
  return out;
}

const char* to_string(SocketState s) {
  switch (s) {
    case SocketState::Unbound: return "unbound";
    case SocketState::Bound: return "bound";
    case SocketState::Listening: return "listening";
    case SocketState::Connected: return "connected";
    case SocketState::TimeWait: return "time_wait";
  }
  return "?";
}

const char* to_string(PortOrigin o) {
  switch (o) {
    case PortOrigin::None: return "none";
    case PortOrigin::ExplicitBind: return "bind";
    case PortOrigin::BindZero: return "bind0";
    case PortOrigin::Connect: return "connect";
    case PortOrigin::UdpAutobind: return "udp_autobind";
    case PortOrigin::Accepted: return "accept";
  }
  return "?";
}

const char* to_string(Probe p) {
  switch (p) {
    case Probe::Taken: return "taken";
    case Probe::Reserved: return "reserved";
    case Probe::Privileged: return "privileged";
    case Probe::PinnedByBind: return "held_by_bind";
    case Probe::TupleInUse: return "tuple_in_use";
    case Probe::TimeWait: return "time_wait";
    case Probe::TimeWaitReused: return "time_wait_reused";
    case Probe::InUse: return "in_use";
  }
  return "?";
}

}  // namespace portlab::host
