// Automatic port choice on the other systems (section 3.4, R3.4, R3.5):
// a "last port" cursor that either continues (+1) or restarts at a random
// place, then steps +1 until a port is acceptable.
//
//   macOS     TCP sequential unless net.inet.tcp.randomize_ports=1; UDP random
//             start (net.inet.udp.randomize_ports=1); exclusive      [?]
//   FreeBSD   random start unless net.inet.ip.portrange.randomized=0;
//             connect() only needs a unique 4-tuple (in_pcb_lport_dest)
//   Windows   "some free port": modelled as random start, exclusive [?]
//   XP        1025..MaxUserPort, sequential, exclusive
//   Solaris   random start, exclusive, privileged ports skipped     [?]
#include "core/host/describe.h"
#include "core/host/host.h"

namespace portlab::host {

using net::Endpoint;
using net::Ipv4;
using net::Transport;
using ports::OsId;

Probe Host::other_probe(const Socket& s, uint16_t port, const Endpoint* dst, Ipv4 src) const {
  const ports::OsSettings& st = settings_;
  const bool privileged = port < st.smallest_nonpriv_port() || st.extra_priv_port(port);
  if (profile().id == OsId::Solaris && privileged) return Probe::Privileged;
  if (profile().id == OsId::Freebsd && dst) {
    const uint32_t i = table_.find_tuple({src.bits, dst->addr.bits, port, dst->port});
    if (i == SocketTable::kNone) return Probe::Taken;
    return table_.at(i).state == SocketState::TimeWait ? Probe::TimeWait : Probe::TupleInUse;
  }
  if (table_.port_use(s.transport, port).sockets == 0) return Probe::Taken;
  bool busy = false;
  table_.for_each_on_port(s.transport, port, [&](uint32_t, const Socket& o) {
    busy = s.local.addr.is_wildcard() || o.local.addr.is_wildcard() || s.local.addr == o.local.addr;
    return !busy;
  });
  return busy ? Probe::InUse : Probe::Taken;
}

Decision Host::stepping_autobind(SocketId id, Socket& s, PortOrigin origin, const Endpoint* dst,
                                 Ipv4 src) {
  Decision d;
  const ports::OsSettings& st = settings_;
  const ports::PortRange range = st.ephemeral(s.transport);
  const uint32_t count = static_cast<uint32_t>(range.size());
  bool random_start = true;
  switch (profile().id) {
    case OsId::Macos:
      random_start = s.transport == Transport::Udp ? st.udp_randomize_ports()
                                                   : st.tcp_randomize_ports();
      break;
    case OsId::Freebsd: random_start = st.randomized(); break;
    case OsId::WindowsXp: random_start = false; break;
    default: break;
  }
  uint32_t& last = last_port_[static_cast<int>(s.transport)];
  if (random_start) last = range.lo + static_cast<uint32_t>(random_.below(count));
  bool saw_time_wait = false;
  for (uint32_t k = 0; k < count; ++k) {
    ++last;
    if (last < range.lo || last > range.hi) last = range.lo;
    const uint16_t p = static_cast<uint16_t>(last);
    const Probe probe = other_probe(s, p, dst, src);
    note(d, p, probe);
    saw_time_wait |= probe == Probe::TimeWait;
    if (probe != Probe::Taken) continue;
    take_port(id, s, p, origin);
    d.ok = true;
    d.port = p;
    d.rule = profile().id == OsId::WindowsModern || profile().id == OsId::WindowsXp ? "R3.5"
                                                                                     : "R3.4";
    d.approximate = profile().allocation_approximate;
    if (trace_)
      d.explanation = std::string(profile().name) + " " +
                      (random_start ? "started at a random place in " : "continued in ") +
                      describe(range) + " and took " + std::to_string(p) + " after " +
                      std::to_string(d.probes) + " port(s), stepping +1.";
    return d;
  }
  exhausted(d, s, origin, dst, static_cast<int>(count), saw_time_wait);
  return d;
}

}  // namespace portlab::host
