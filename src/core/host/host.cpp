#include "core/host/host.h"

#include "core/host/describe.h"

namespace portlab::host {

using net::Endpoint;
using net::Ipv4;
using net::Transport;

Host::Host(const ports::OsProfile& profile, uint64_t seed)
    : Host(ports::OsSettings(profile), seed) {}

Host::Host(ports::OsSettings settings, uint64_t seed)
    : settings_(std::move(settings)), seed_(seed), random_(seed) {
  // Independent streams for the secrets, so drawing more per-call random
  // numbers never changes the hash offsets (and vice versa).
  sim::Random keys(seed ^ 0x6E65745F73656372ull);  // "net_secr"
  secret_ = {keys.next(), keys.next()};
  second_secret_ = {keys.next(), keys.next()};
  rfc_next_ = static_cast<uint32_t>(keys.next());
  addresses_ = {Ipv4{0xC0A8010A}};  // 192.168.1.10
}

bool Host::is_local(Ipv4 a) const {
  if (a.bits == 0x7F000001) return true;
  // Linux puts 127.0.0.1/8 on lo, and the local route covers the whole /8.
  if (is_linux() && net::is_loopback(a)) return true;
  for (Ipv4 mine : addresses_)
    if (mine == a) return true;
  return false;
}

std::optional<Ipv4> Host::source_for(Ipv4 dst) const {
  if (net::is_loopback(dst) || is_local(dst)) return net::is_loopback(dst) ? Ipv4{0x7F000001} : dst;
  for (Ipv4 mine : addresses_)
    if (!net::is_loopback(mine)) return mine;
  return std::nullopt;
}

void Host::advance(sim::Millis by) {
  clock_.advance(by);
  while (!time_wait_.empty() && time_wait_.top().until <= clock_.now()) {
    TimeWaitEntry e = time_wait_.top();
    time_wait_.pop();
    const Socket* s = table_.get(e.id);
    // A TIME_WAIT taken over by tcp_tw_reuse is already gone (stale id).
    if (s && s->state == SocketState::TimeWait && s->time_wait_until == e.until)
      table_.remove(e.id);
  }
}

SocketId Host::open(Transport transport, Credentials owner, SocketOptions options) {
  Socket s;
  s.transport = transport;
  s.owner = owner;
  s.options = options;
  return table_.add(s);
}

Decision Host::fail(const char* error, const char* rule, std::string explanation,
                    bool approximate) const {
  Decision d;
  d.error = error;
  d.rule = rule;
  d.explanation = std::move(explanation);
  d.approximate = approximate;
  return d;
}

void Host::take_port(SocketId id, Socket& s, uint16_t port, PortOrigin origin) {
  s.local.port = port;
  s.origin = origin;
  s.state = SocketState::Bound;
  table_.attach_port(id);
}

void Host::note(Decision& d, uint16_t port, Probe probe) const {
  ++d.probes;
  // A trace is for reading: past a few hundred steps only the count grows.
  if (trace_ && d.trace.size() < 512) d.trace.push_back({port, probe});
}

Decision Host::bind(SocketId id, Ipv4 addr, uint16_t port) {
  Socket* s = table_.get(id);
  if (!s) return fail("EBADF", "R4.1", "The socket was already closed, so bind() fails.");
  auto already_bound = [&] {
    return fail("EINVAL", "R4.1",
                "This socket already has " + describe(s->local, s->transport) +
                    " and bind() works once per socket, so a second bind() fails with EINVAL.");
  };
  // BSD's in_pcbbind refuses a second bind before anything else; Linux
  // checks the address and the privilege first (__inet_bind, R4.1 order).
  if (!is_linux() && s->has_port()) return already_bound();
  if (!addr.is_wildcard() && !is_local(addr))
    return fail("EADDRNOTAVAIL", "R4.1",
                net::to_string(addr) + " is not an address of this host (it has " +
                    address_list(*this) + "), so bind() fails with EADDRNOTAVAIL.");
  Socket candidate = *s;
  candidate.local.addr = addr;
  if (port != 0)
    if (auto denied = privilege_check(candidate, port)) return *denied;
  if (s->has_port()) return already_bound();
  s->local.addr = addr;
  if (port != 0) return bind_port(id, *s, port);

  Decision d;
  if (is_linux() && s->transport == Transport::Tcp && s->options.bind_address_no_port) {
    d.ok = true;
    d.rule = "R3.1";
    d.explanation = "With IP_BIND_ADDRESS_NO_PORT, bind(" + net::to_string(addr) +
                    ", 0) keeps only the address; connect() will pick the port by R3.1.";
    return d;
  }
  if (is_linux())
    d = s->transport == Transport::Udp ? linux_udp_autobind(id, *s, true) : linux_bind_zero(id, *s);
  else
    d = stepping_autobind(id, *s, PortOrigin::BindZero, nullptr, addr);
  if (!d.ok) s->local.addr = Ipv4{};
  return d;
}

Decision Host::listen(SocketId id) {
  Socket* s = table_.get(id);
  if (!s) return fail("EBADF", "R4.1", "The socket was already closed, so listen() fails.");
  if (s->transport != Transport::Tcp)
    return fail("EOPNOTSUPP", "R4.1",
                std::string("listen() is for TCP; a ") + net::to_string(s->transport) +
                    " socket has no listening state.");
  if (s->state == SocketState::Connected || s->state == SocketState::TimeWait)
    return fail("EINVAL", "R4.1", "A connected socket cannot listen().");
  if (!s->has_port()) {
    // listen() on an unbound socket picks a port exactly as bind(0) does.
    Decision d = bind(id, s->local.addr, 0);
    if (!d.ok) return d;
    s = table_.get(id);
  }
  const SocketState before = s->state;
  s->state = SocketState::Listening;
  if (is_linux()) {
    // inet_csk_listen_start re-checks the port with the socket in LISTEN:
    // this is where a second SO_REUSEADDR socket finds it cannot listen.
    uint32_t other = conflicting_socket(id, *s, s->local.port, true, true);
    if (other != SocketTable::kNone) {
      s->state = before;
      // Section 3.5 (reuse rules) has no R number; R4.1 is the bind-check rule.
      return fail("EADDRINUSE", "R4.1",
                  conflict_reason(*s, table_.at(other)) + ", so listen() fails with EADDRINUSE.");
    }
  }
  Decision d;
  d.ok = true;
  d.rule = "R4.1";
  d.port = s->local.port;
  d.explanation = "The socket now listens on " + describe(s->local, s->transport) + ".";
  return d;
}

Decision Host::connect(SocketId id, Endpoint dst) {
  Socket* s = table_.get(id);
  if (!s) return fail("EBADF", "R3.1", "The socket was already closed, so connect() fails.");
  if (s->transport == Transport::Udp) {
    Decision d = send_to(id, dst);
    if (!d.ok) return d;
    s = table_.get(id);
    if (auto src = source_for(dst.addr); src && s->local.addr.is_wildcard()) s->local.addr = *src;
    s->remote = dst;
    s->state = SocketState::Connected;
    return d;
  }
  if (s->state == SocketState::Listening || s->state == SocketState::Connected ||
      s->state == SocketState::TimeWait)
    return fail("EISCONN", "R3.1", "This socket is already listening or connected.");
  std::optional<Ipv4> src =
      s->local.addr.is_wildcard() ? source_for(dst.addr) : std::optional<Ipv4>(s->local.addr);
  if (!src)
    return fail("ENETUNREACH", "R3.1",
                "The host has no address other than 127.0.0.1 to reach " +
                    net::to_string(dst.addr) + ".");
  Decision d;
  if (s->has_port()) {
    // The port was fixed by bind(): only the 4-tuple has to be unique.
    uint32_t victim = SocketTable::kNone;
    SocketTable::Tuple t{src->bits, dst.addr.bits, s->local.port, dst.port};
    Probe p = is_linux() ? linux_tuple_probe(t, &victim)
              : table_.find_tuple(t) == SocketTable::kNone ? Probe::Taken
                                                           : Probe::TupleInUse;
    if (p != Probe::Taken && p != Probe::TimeWaitReused) {
      const bool tw = p == Probe::TimeWait;
      return fail(is_linux() ? "EADDRNOTAVAIL" : "EADDRINUSE", tw ? "R3.6" : "R3.1",
                  "The connection " + describe(Endpoint{*src, s->local.port}, Transport::Tcp) +
                      " -> " + net::to_string(dst) +
                      (tw ? " is still in TIME_WAIT" : " already exists") + ", so connect() fails.",
                  !is_linux());
    }
    if (victim != SocketTable::kNone) table_.remove(table_.id_at(victim));
    d.ok = true;
    d.rule = "R3.1";
    d.port = s->local.port;
  } else if (rfc6056_) {
    d = rfc6056_connect(id, *s, *src, dst);
  } else if (is_linux()) {
    d = linux_connect_port(id, *s, *src, dst);
  } else {
    d = stepping_autobind(id, *s, PortOrigin::Connect, &dst, *src);
  }
  if (!d.ok) return d;
  s = table_.get(id);
  s->local.addr = *src;
  s->remote = dst;
  s->state = SocketState::Connected;
  table_.index_tuple(id);
  return d;
}

Decision Host::send_to(SocketId id, Endpoint dst) {
  Socket* s = table_.get(id);
  if (!s) return fail("EBADF", "R3.3", "The socket was already closed.");
  if (s->transport != Transport::Udp)
    return fail("EOPNOTSUPP", "R3.3", "sendto() without a connection is for UDP sockets.");
  if (s->has_port()) {
    Decision d;
    d.ok = true;
    d.rule = "R3.3";
    d.port = s->local.port;
    return d;
  }
  // The destination does not matter: an unbound UDP socket gets a port of
  // its own before the first datagram leaves (R3.3).
  (void)dst;
  if (is_linux()) return linux_udp_autobind(id, *s, false);
  return stepping_autobind(id, *s, PortOrigin::UdpAutobind, nullptr, s->local.addr);
}

SocketId Host::accept(SocketId listener, Endpoint remote) {
  const Socket* l = table_.get(listener);
  if (!l || l->state != SocketState::Listening) return {};
  std::optional<Ipv4> local =
      l->local.addr.is_wildcard() ? source_for(remote.addr) : std::optional<Ipv4>(l->local.addr);
  if (!local) return {};
  SocketTable::Tuple t{local->bits, remote.addr.bits, l->local.port, remote.port};
  if (table_.find_tuple(t) != SocketTable::kNone) return {};
  Socket child = *l;  // inherits the owner and SO_REUSEADDR/SO_REUSEPORT
  child.local.addr = *local;
  child.remote = remote;
  child.state = SocketState::Connected;
  child.origin = PortOrigin::Accepted;
  SocketId id = table_.add(child);
  table_.attach_port(id);
  table_.index_tuple(id);
  return id;
}

void Host::close(SocketId id, bool active_close) {
  Socket* s = table_.get(id);
  if (!s || s->state == SocketState::TimeWait) return;
  if (active_close && s->transport == Transport::Tcp && s->state == SocketState::Connected) {
    s->state = SocketState::TimeWait;
    s->time_wait_since = clock_.now();
    s->time_wait_until = clock_.now() + settings_.time_wait();
    time_wait_.push({s->time_wait_until, id});
    return;
  }
  table_.remove(id);
}

}  // namespace portlab::host
