// bind() with an explicit port: privilege (R4.1-R4.5) and address reuse
// (section 3.5, experiments 6-7).
//
// Section 3.5's reuse rules carry no R number of their own. Their decisions
// are labelled R4.1 (the rule fixing bind()'s order of checks, ending in
// "in use"), or R3.6 when a TIME_WAIT entry is what decides.
#include "core/host/describe.h"
#include "core/host/host.h"

namespace portlab::host {

using net::Ipv4;
using net::Transport;

namespace {

bool overlap(Ipv4 a, Ipv4 b) { return a.is_wildcard() || b.is_wildcard() || a == b; }

bool same_user(const Socket& a, const Socket& b) { return a.owner.uid == b.owner.uid; }

bool unconnected(const Socket& s) {
  return s.state == SocketState::Bound || s.state == SocketState::Listening;
}

// inet_bind_conflict (net/ipv4/inet_connection_sock.c). bind() passes
// relax = reuseport_ok = true; bind(0)'s search passes false, false, which
// makes it exclusive.
bool linux_tcp_conflict(const Socket& s, const Socket& o, bool relax, bool reuseport_ok) {
  const bool o_tw = o.state == SocketState::TimeWait;
  if (s.options.reuseaddr && o.options.reuseaddr && o.state != SocketState::Listening)
    return !relax || (!reuseport_ok && s.options.reuseport && o.options.reuseport &&
                      (o_tw || same_user(s, o)));
  return !reuseport_ok || !s.options.reuseport || !o.options.reuseport ||
         (!o_tw && !same_user(s, o));
}

// udp_lib_lport_inuse (net/ipv4/udp.c): SO_REUSEADDR on both shares, and so
// does SO_REUSEPORT on both within one user.
bool linux_udp_conflict(const Socket& s, const Socket& o) {
  if (s.options.reuseaddr && o.options.reuseaddr) return false;
  return !(s.options.reuseport && o.options.reuseport && same_user(s, o));
}

// BSD in_pcbbind_setup (approximate: the reference does not cover it).
// Without SO_REUSEADDR/SO_REUSEPORT every overlapping socket, connections and
// TIME_WAIT included, blocks. With one of them only an unconnected socket on
// the very same address does, unless both set SO_REUSEPORT; and another
// user's overlapping socket still blocks a non-root caller.
bool bsd_conflict(const Socket& s, const Socket& o) {
  const bool reuse = s.options.reuseaddr || s.options.reuseport;
  if (!reuse) return true;
  if (!unconnected(o)) return false;
  if (!s.owner.is_root() && !same_user(s, o) &&
      (!s.local.addr.is_wildcard() || !o.local.addr.is_wildcard() || !o.options.reuseport))
    return true;
  if (o.local.addr != s.local.addr) return false;
  return !(s.options.reuseport && o.options.reuseport);
}

// Windows (approximate, R4.4's profile): SO_REUSEADDR lets a socket share a
// port with the same user's sockets; anything else overlapping blocks.
bool windows_conflict(const Socket& s, const Socket& o) {
  return !(s.options.reuseaddr && same_user(s, o));
}

}  // namespace

std::optional<Decision> Host::privilege_check(const Socket& s, uint16_t port) const {
  const std::string p = std::to_string(port);
  const std::string uid = "uid " + std::to_string(s.owner.uid);
  const ports::OsSettings& st = settings_;
  if (s.owner.handed_over) return std::nullopt;
  switch (profile().privilege) {
    case ports::PrivilegeRule::LinuxCapability:
      if (port < st.unprivileged_port_start() && !s.owner.is_root() &&
          !s.owner.cap_net_bind_service)
        return fail("EACCES", "R4.1",
                    "Port " + p + " is below net.ipv4.ip_unprivileged_port_start=" +
                        std::to_string(st.unprivileged_port_start()) + " and " + uid +
                        " lacks CAP_NET_BIND_SERVICE, so bind() fails with EACCES before the" +
                        " kernel even looks at whether the port is in use.");
      return std::nullopt;
    case ports::PrivilegeRule::MacosSpecificAddressOnly:
      if (port < 1024 && !s.local.addr.is_wildcard() && !s.owner.is_root())
        return fail("EACCES", "R4.3",
                    "macOS lets a non-root user bind a port below 1024 only on the wildcard "
                    "address, and " +
                        net::to_string(s.local.addr) + ":" + p +
                        " names a specific address, so bind() fails with EACCES.");
      return std::nullopt;
    case ports::PrivilegeRule::FreebsdReservedRange:
      if (port >= st.reserved_low() && port <= st.reserved_high() && !s.owner.is_root())
        return fail("EACCES", "R4.5",
                    "Port " + p + " lies in net.inet.ip.portrange.reservedlow-reservedhigh (" +
                        std::to_string(st.reserved_low()) + "-" +
                        std::to_string(st.reserved_high()) + ") and " + uid +
                        " is not root, so bind() fails with EACCES.");
      return std::nullopt;
    case ports::PrivilegeRule::SolarisPrivilegedPorts:
      // Solaris has no R rule of its own; R4.5 (a configured privileged set)
      // is the closest.
      if ((port < st.smallest_nonpriv_port() || st.extra_priv_port(port)) &&
          !s.owner.is_root()) {
        std::string why = st.extra_priv_port(port)
                              ? "is listed in extra_priv_ports"
                              : "is below smallest_nonpriv_port=" +
                                    std::to_string(st.smallest_nonpriv_port());
        return fail("EACCES", "R4.5",
                    "Port " + p + " " + why + " and " + uid +
                        " is not root, so bind() fails with EACCES.");
      }
      return std::nullopt;
    case ports::PrivilegeRule::None:
      return std::nullopt;
  }
  return std::nullopt;
}

uint32_t Host::conflicting_socket(SocketId id, const Socket& s, uint16_t port, bool relax,
                                  bool reuseport_ok) const {
  uint32_t found = SocketTable::kNone;
  table_.for_each_on_port(s.transport, port, [&](uint32_t index, const Socket& o) {
    if (index == id.index || !overlap(s.local.addr, o.local.addr)) return true;
    bool conflict;
    if (is_linux())
      conflict = s.transport == Transport::Udp ? linux_udp_conflict(s, o)
                                               : linux_tcp_conflict(s, o, relax, reuseport_ok);
    else if (profile().id == ports::OsId::WindowsModern || profile().id == ports::OsId::WindowsXp)
      conflict = windows_conflict(s, o);
    else
      conflict = bsd_conflict(s, o);
    if (conflict) found = index;
    return !conflict;
  });
  return found;
}

std::string Host::conflict_reason(const Socket& s, const Socket& o) const {
  const std::string held = describe(o);
  if (o.state == SocketState::TimeWait)
    return held + " still holds the port and " +
           (s.options.reuseaddr ? std::string("the closed socket had not set SO_REUSEADDR")
                                : std::string("the new socket did not set SO_REUSEADDR")) +
           " (a rebind past TIME_WAIT needs it on both)";
  if (o.state == SocketState::Listening && s.options.reuseaddr && o.options.reuseaddr)
    return "There is already " + held +
           ", and SO_REUSEADDR never lets two sockets listen on one port (SO_REUSEPORT would)";
  if (s.options.reuseport && o.options.reuseport && !same_user(s, o))
    return "There is already " + held + " owned by uid " + std::to_string(o.owner.uid) +
           ", and SO_REUSEPORT shares a port only within one user (this is uid " +
           std::to_string(s.owner.uid) + ")";
  if (s.local.addr != o.local.addr)
    return "There is already " + held + ", and the wildcard address 0.0.0.0 overlaps every" +
           " local address on the same port";
  return "There is already " + held;
}

Decision Host::bind_port(SocketId id, Socket& s, uint16_t port) {
  uint32_t other = conflicting_socket(id, s, port, true, true);
  if (other != SocketTable::kNone) {
    const Socket& o = table_.at(other);
    Decision d = fail("EADDRINUSE", o.state == SocketState::TimeWait ? "R3.6" : "R4.1",
                      conflict_reason(s, o) + ", so bind() fails with EADDRINUSE.", !is_linux());
    s.local.addr = Ipv4{};
    return d;
  }
  Decision d = bind_success(s, port);
  take_port(id, s, port, PortOrigin::ExplicitBind);
  return d;
}

Decision Host::bind_success(const Socket& s, uint16_t port) const {
  Decision d;
  d.ok = true;
  d.port = port;
  d.rule = "R4.1";
  const std::string p = std::to_string(port);
  const std::string where = describe(net::Endpoint{s.local.addr, port}, s.transport);
  const bool root = s.owner.is_root();
  const std::string who = root ? "uid 0 (root)" : "uid " + std::to_string(s.owner.uid);
  const ports::OsSettings& st = settings_;
  auto done = [&](const char* rule, std::string text) {
    d.rule = rule;
    d.explanation = std::move(text);
    return d;
  };

  // 1. Low ports: say which privilege rule let it through.
  switch (profile().privilege) {
    case ports::PrivilegeRule::LinuxCapability:
      if (port < st.unprivileged_port_start())
        return done("R4.1", "Port " + p + " is below net.ipv4.ip_unprivileged_port_start=" +
                                std::to_string(st.unprivileged_port_start()) + ", but " + who +
                                (root ? " has every capability" : " has CAP_NET_BIND_SERVICE") +
                                ", so bind() may use it.");
      if (port < 1024)
        return done("R4.2", "This host's net.ipv4.ip_unprivileged_port_start is " +
                                std::to_string(st.unprivileged_port_start()) +
                                " (set per network namespace; Docker containers use 0), so port " +
                                p + " needs no privilege.");
      break;
    case ports::PrivilegeRule::MacosSpecificAddressOnly:
      if (port < 1024)
        return done("R4.3", root ? "Root may bind any port, so " + where + " is allowed."
                                 : "Since macOS 10.14 any user may bind a port below 1024 on the "
                                   "wildcard address, so " + where + " is allowed.");
      break;
    case ports::PrivilegeRule::FreebsdReservedRange:
      if (port >= st.reserved_low() && port <= st.reserved_high())
        return done("R4.5", "Port " + p + " lies in reservedlow-reservedhigh (" +
                                std::to_string(st.reserved_low()) + "-" +
                                std::to_string(st.reserved_high()) + "), which root may bind.");
      if (port < 1024)
        return done("R4.5", "Port " + p + " is outside net.inet.ip.portrange.reservedlow-" +
                                "reservedhigh (" + std::to_string(st.reserved_low()) + "-" +
                                std::to_string(st.reserved_high()) +
                                "), so it needs no privilege.");
      break;
    case ports::PrivilegeRule::SolarisPrivilegedPorts:
      if (port < st.smallest_nonpriv_port() || st.extra_priv_port(port))
        return done("R4.5", "Port " + p + " is privileged on Solaris, which root may bind.");
      break;
    case ports::PrivilegeRule::None:
      if (port < 1024)
        return done("R4.4", "Windows has no privileged ports, so any user may bind " + where +
                                ".");
      break;
  }

  // 2. Other sockets on the same number that were allowed to stay.
  const Socket* shared = nullptr;
  const Socket* beside = nullptr;
  table_.for_each_on_port(s.transport, port, [&](uint32_t, const Socket& o) {
    (overlap(s.local.addr, o.local.addr) ? shared : beside) = &o;
    return shared == nullptr;
  });
  if (shared) {
    d.approximate = !is_linux();
    if (shared->state == SocketState::TimeWait)
      return done("R3.6", "The new socket and the closed one behind " + describe(*shared) +
                              " both set SO_REUSEADDR, so TIME_WAIT does not block " + where + ".");
    if (s.options.reuseport && shared->options.reuseport)
      return done("R4.1", "Both sockets set SO_REUSEPORT and belong to uid " +
                              std::to_string(s.owner.uid) + ", so they share " + where +
                              " and the kernel spreads the traffic between them.");
    return done("R4.1", "Both sockets set SO_REUSEADDR and neither listens yet, so " + where +
                            " may be bound twice (only one of them will be able to listen).");
  }
  if (beside) {
    d.approximate = !is_linux();
    return done("R4.1", "Port " + p + " is held only on " + net::to_string(beside->local.addr) +
                            ", a different specific address, so " + where + " can coexist.");
  }
  if (is_linux() && st.reserved(port))
    return done("R2.2", "Port " + p + " is in net.ipv4.ip_local_reserved_ports, which only keeps"
                        " automatic assignment away, so an explicit bind() may use it.");
  const Transport other = s.transport == Transport::Tcp ? Transport::Udp : Transport::Tcp;
  if (table_.port_use(other, port).sockets > 0)
    return done("R2.4", std::string(net::to_string(other)) + " port " + p +
                            " is in use, but TCP and UDP ports are tracked separately, so " +
                            where + " is free.");
  return done("R4.1", "No other socket holds " + where + " on an overlapping address and " +
                          who + " may use port " + p + ", so bind() succeeds.");
}

}  // namespace portlab::host
