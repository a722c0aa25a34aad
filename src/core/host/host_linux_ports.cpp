// Linux's automatic port choices, step by step as the kernel takes them:
//   connect()   __inet_hash_connect (net/ipv4/inet_hashtables.c)      R3.1
//   bind(0)     inet_csk_find_open_port (inet_connection_sock.c)      R3.2
//   UDP         udp_lib_get_port (net/ipv4/udp.c)                     R3.3
#include <algorithm>

#include "core/host/describe.h"
#include "core/host/host.h"

namespace portlab::host {

using net::Endpoint;
using net::Ipv4;
using net::Transport;

namespace {
constexpr uint32_t kPerturbSize = 65536;  // INET_TABLE_PERTURB_SIZE since 2022
constexpr sim::Millis kEpoch = 10 * sim::kSecond;  // the offset is re-keyed every 10 s
// twsk_unique wants the TIME_WAIT's last timestamp to be at least a second
// old; PortLab counts that second from the moment TIME_WAIT began.
constexpr sim::Millis kTimeWaitReuseDelay = sim::kSecond;
}  // namespace

Probe Host::linux_tuple_probe(const SocketTable::Tuple& tuple, uint32_t* victim) const {
  const uint32_t i = table_.find_tuple(tuple);
  if (i == SocketTable::kNone) return Probe::Taken;
  const Socket& o = table_.at(i);
  if (o.state != SocketState::TimeWait) return Probe::TupleInUse;
  // tcp_tw_reuse: 0 never, 1 always, 2 (default) only loopback to loopback.
  const int mode = settings_.tcp_tw_reuse();
  const bool allowed = mode == 1 || (mode == 2 && net::is_loopback(o.local.addr) &&
                                     net::is_loopback(o.remote.addr));
  if (allowed && clock_.now() - o.time_wait_since >= kTimeWaitReuseDelay) {
    *victim = i;
    return Probe::TimeWaitReused;
  }
  return Probe::TimeWait;
}

Probe Host::linux_connect_probe(uint16_t port, const SocketTable::Tuple& tuple,
                                uint32_t* victim) const {
  if (settings_.any_reserved() && settings_.reserved(port)) return Probe::Reserved;
  const SocketTable::PortUse& use = table_.port_use(Transport::Tcp, port);
  // A bucket made by bind()/listen() has fastreuse >= 0: never shared.
  if (use.pinned) return Probe::PinnedByBind;
  if (use.sockets == 0) return Probe::Taken;
  SocketTable::Tuple t = tuple;
  t.local_port = port;
  return linux_tuple_probe(t, victim);
}

Decision Host::linux_connect_port(SocketId id, Socket& s, Ipv4 src, Endpoint dst) {
  Decision d;
  const ports::PortRange range = settings_.ephemeral(Transport::Tcp);
  const uint32_t low = range.lo, high = range.hi + 1u;
  uint32_t remaining = high - low;
  if (remaining > 1) remaining &= ~1u;

  if (perturb_.empty()) {
    // get_random_sleepable_once: random contents, made on first use.
    sim::Random fill(seed_ ^ 0x7461626C655F7074ull);  // "table_pt"
    perturb_.resize(kPerturbSize);
    for (uint32_t& v : perturb_) v = static_cast<uint32_t>(fill.next());
  }
  // secure_ipv4_port_ephemeral: SipHash of source, destination, port and
  // the 10-second epoch under the host's secret.
  const uint64_t words[4] = {src.bits, dst.addr.bits, dst.port,
                             static_cast<uint64_t>(clock_.now() / kEpoch)};
  const uint64_t hash = sim::siphash(secret_, words, 4);
  const uint32_t index = static_cast<uint32_t>(hash & (kPerturbSize - 1));
  uint32_t offset = perturb_[index] + static_cast<uint32_t>(hash >> 32);  // u32, wraps
  offset %= remaining;
  offset &= ~1u;  // first pass: ports with the parity of `low`
  const uint32_t start = low + offset;

  const SocketTable::Tuple tuple{src.bits, dst.addr.bits, 0, dst.port};
  int reserved = 0;
  bool saw_time_wait = false;
  while (true) {
    uint32_t port = low + offset;
    for (uint32_t i = 0; i < remaining; i += 2, port += 2) {
      if (port >= high) port -= remaining;
      uint32_t victim = SocketTable::kNone;
      const Probe p = linux_connect_probe(static_cast<uint16_t>(port), tuple, &victim);
      note(d, static_cast<uint16_t>(port), p);
      if (p == Probe::Reserved) ++reserved;
      if (p == Probe::TimeWait) saw_time_wait = true;
      if (p != Probe::Taken && p != Probe::TimeWaitReused) continue;

      if (victim != SocketTable::kNone) table_.remove(table_.id_at(victim));
      // Small random increments, or the distance scanned when that is larger.
      const uint32_t step = std::max<uint32_t>(i, static_cast<uint32_t>(random_.below(8)) * 2);
      perturb_[index] += step + 2;
      take_port(id, s, static_cast<uint16_t>(port), PortOrigin::Connect);
      d.ok = true;
      d.port = static_cast<uint16_t>(port);
      d.rule = p == Probe::TimeWaitReused ? "R3.6" : "R3.1";
      if (trace_)
        d.explanation = "The hash of " + net::to_string(src) + " -> " + net::to_string(dst) +
                        " and the 10-second epoch starts the search at " + std::to_string(start) +
                        "; after " + std::to_string(d.probes) + " port(s) connect() took " +
                        std::to_string(port) +
                        (p == Probe::TimeWaitReused ? " over from TIME_WAIT (tcp_tw_reuse)" : "") +
                        ", trying ports with the parity of " + std::to_string(low) + " first.";
      return d;
    }
    ++offset;
    if (!((offset & 1) && remaining > 1)) break;
  }
  exhausted(d, s, PortOrigin::Connect, &dst, static_cast<int>(remaining) - reserved,
            saw_time_wait);
  return d;
}

Decision Host::linux_bind_zero(SocketId id, Socket& s) {
  Decision d;
  const ports::PortRange range = settings_.ephemeral(s.transport);
  int usable = 0;
  bool relax = false;
  while (true) {  // ports_exhausted: a second round with ip_autobind_reuse
    int attempt_half = s.options.reuseaddr ? 1 : 0;
    while (true) {  // other_half_scan
      uint32_t low = range.lo, high = range.hi + 1u;
      if (high - low < 4) attempt_half = 0;
      if (attempt_half) {
        // SO_REUSEADDR sockets try the lower half first, leaving the upper
        // half to those that cannot share.
        const uint32_t half = low + (((high - low) >> 2) << 1);
        (attempt_half == 1 ? high : low) = half;
      }
      uint32_t remaining = high - low;
      if (remaining > 1) remaining &= ~1u;
      // Opposite parity to connect(), "to not pollute connect() users".
      uint32_t offset = static_cast<uint32_t>(random_.below(remaining)) | 1u;
      while (true) {
        uint32_t port = low + offset;
        for (uint32_t i = 0; i < remaining; i += 2, port += 2) {
          if (port >= high) port -= remaining;
          const uint16_t p = static_cast<uint16_t>(port);
          if (settings_.any_reserved() && settings_.reserved(p)) {
            note(d, p, Probe::Reserved);
            continue;
          }
          if (!relax) ++usable;
          if (conflicting_socket(id, s, p, relax, false) != SocketTable::kNone) {
            note(d, p, Probe::InUse);
            continue;
          }
          note(d, p, Probe::Taken);
          take_port(id, s, p, PortOrigin::BindZero);
          d.ok = true;
          d.port = p;
          d.rule = "R3.2";
          if (trace_)
            d.explanation = "bind(0) started at a random odd offset in " +
                            describe(ports::PortRange{static_cast<uint16_t>(low),
                                                      static_cast<uint16_t>(high - 1)}) +
                            " and took " + std::to_string(p) + ", the first port no socket holds" +
                            " (connect() prefers the other parity).";
          return d;
        }
        --offset;
        if (offset & 1) break;
      }
      if (attempt_half == 1) {
        attempt_half = 2;
        continue;
      }
      break;
    }
    if (settings_.autobind_reuse() && !relax) {
      relax = true;  // "We still have a chance to connect to different destinations"
      continue;
    }
    break;
  }
  exhausted(d, s, PortOrigin::BindZero, nullptr, usable, false);
  return d;
}

Decision Host::linux_udp_autobind(SocketId id, Socket& s, bool from_bind) {
  Decision d;
  const ports::PortRange range = settings_.ephemeral(Transport::Udp);
  const uint32_t count = static_cast<uint32_t>(range.size());
  // udp_lib_get_port: a random first port, then a walk that reaches every
  // port with no parity preference. With the 65536-slot UDP hash table of a
  // large machine the walk is simply +1 (smaller tables stride by their size).
  const uint32_t first = range.lo + static_cast<uint32_t>(random_.below(count));
  int usable = 0;
  for (uint32_t k = 0; k < count; ++k) {
    uint32_t port = first + k;
    if (port > range.hi) port -= count;
    const uint16_t p = static_cast<uint16_t>(port);
    if (settings_.any_reserved() && settings_.reserved(p)) {
      note(d, p, Probe::Reserved);
      continue;
    }
    ++usable;
    if (conflicting_socket(id, s, p, false, false) != SocketTable::kNone) {
      note(d, p, Probe::InUse);
      continue;
    }
    note(d, p, Probe::Taken);
    take_port(id, s, p, from_bind ? PortOrigin::BindZero : PortOrigin::UdpAutobind);
    d.ok = true;
    d.port = p;
    d.rule = "R3.3";
    if (trace_)
      d.explanation = "UDP started at the random port " + std::to_string(first) + " of " +
                      describe(range) + " and took " + std::to_string(p) +
                      ", the first one no UDP socket holds (any parity).";
    return d;
  }
  exhausted(d, s, from_bind ? PortOrigin::BindZero : PortOrigin::UdpAutobind, nullptr, usable,
            false);
  return d;
}

}  // namespace portlab::host
