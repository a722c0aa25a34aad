// RFC 6056 section 3.3's five ephemeral-port algorithms (reference section
// 3.1), selectable in place of the profile's connect() for comparison. They
// decide only the order ports are tried in; whether a port is acceptable
// stays the profile's rule (Linux: R3.1's sharing; others: R3.4/R3.5).
// Section 3.1 has no R number; R3.1 (Linux's algorithm 4) is the closest.
#include "core/host/describe.h"
#include "core/host/host.h"

namespace portlab::host {

using net::Endpoint;
using net::Ipv4;

namespace {
// RFC 6056 leaves algorithm 4's TABLE_LENGTH to the implementer.
constexpr uint32_t kTableLength = 1024;
// Algorithm 5's N: "random(1..K), K=500".
constexpr uint32_t kIncrementLimit = 500;
}  // namespace

Decision Host::rfc6056_connect(SocketId id, Socket& s, Ipv4 src, Endpoint dst) {
  Decision d;
  const ports::PortRange range = settings_.ephemeral(net::Transport::Tcp);
  const uint32_t num = static_cast<uint32_t>(range.size());
  const SocketTable::Tuple tuple{src.bits, dst.addr.bits, 0, dst.port};
  bool saw_time_wait = false;

  // check_suitable_port() of the RFC, answered by the profile's own rule.
  auto try_port = [&](uint32_t candidate) {
    const uint16_t port = static_cast<uint16_t>(candidate);
    uint32_t victim = SocketTable::kNone;
    const Probe p = is_linux() ? linux_connect_probe(port, tuple, &victim)
                               : other_probe(s, port, &dst, src);
    note(d, port, p);
    saw_time_wait |= p == Probe::TimeWait;
    if (p != Probe::Taken && p != Probe::TimeWaitReused) return false;
    if (victim != SocketTable::kNone) table_.remove(table_.id_at(victim));
    take_port(id, s, port, PortOrigin::Connect);
    d.ok = true;
    d.port = port;
    d.rule = "R3.1";
    if (trace_)
      d.explanation = "RFC 6056 algorithm " + std::to_string(static_cast<int>(*rfc6056_)) +
                      " took " + std::to_string(port) + " after " + std::to_string(d.probes) +
                      " port(s) of " + describe(range) + ".";
    return true;
  };

  const uint64_t words[3] = {src.bits, dst.addr.bits, dst.port};
  switch (*rfc6056_) {
    case Rfc6056::RandomStart: {
      uint32_t next = range.lo + static_cast<uint32_t>(random_.below(num));
      for (uint32_t count = num; count > 0; --count) {
        if (try_port(next)) return d;
        next = next == range.hi ? range.lo : next + 1;
      }
      break;
    }
    case Rfc6056::RandomEachTry:
      for (uint32_t count = num; count > 0; --count)
        if (try_port(range.lo + static_cast<uint32_t>(random_.below(num)))) return d;
      break;
    case Rfc6056::Hash: {
      const uint64_t offset = sim::siphash(secret_, words, 3);
      for (uint32_t count = num; count > 0; --count) {
        const uint32_t port = range.lo + static_cast<uint32_t>((rfc_counter_ + offset) % num);
        ++rfc_counter_;
        if (try_port(port)) return d;
      }
      break;
    }
    case Rfc6056::DoubleHash: {
      if (rfc_table_.empty()) {
        sim::Random fill(seed_ ^ 0x7266633630353634ull);  // "rfc60564"
        rfc_table_.resize(kTableLength);
        for (uint32_t& v : rfc_table_) v = static_cast<uint32_t>(fill.next());
      }
      const uint64_t offset = sim::siphash(secret_, words, 3);
      const uint32_t index =
          static_cast<uint32_t>(sim::siphash(second_secret_, words, 3) % kTableLength);
      for (uint32_t count = num; count > 0; --count) {
        const uint32_t port = range.lo + static_cast<uint32_t>((offset + rfc_table_[index]) % num);
        ++rfc_table_[index];
        if (try_port(port)) return d;
      }
      break;
    }
    case Rfc6056::RandomIncrements: {
      uint32_t& next = rfc_next_;
      for (uint32_t count = num; count > 0; --count) {
        next += static_cast<uint32_t>(random_.below(kIncrementLimit)) + 1;
        if (try_port(range.lo + next % num)) return d;
      }
      break;
    }
  }
  exhausted(d, s, PortOrigin::Connect, &dst, static_cast<int>(num), saw_time_wait);
  return d;
}

}  // namespace portlab::host
