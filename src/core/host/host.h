// A simulated host: an OS profile with its settings, local addresses, a
// clock, and a socket table; it answers bind(), listen(), connect() and
// close() the way the profile's kernel does (networking-facts.md sections
// 2-4, rules R2.x-R4.x), explaining every answer.
//
// Deterministic for a seed: the Linux SipHash secret, its 65536-entry
// perturbation table and every "random" choice come from the seed, and time
// only moves when the caller advances the simulated clock.
#pragma once

#include <optional>
#include <queue>
#include <string_view>
#include <vector>

#include "core/host/decision.h"
#include "core/host/socket_table.h"
#include "core/ports/os_settings.h"
#include "core/sim/random.h"

namespace portlab::host {

// RFC 6056 section 3.3's algorithms (reference section 3.1), selectable in
// place of the profile's own connect() allocation for comparison.
enum class Rfc6056 : uint8_t {
  RandomStart = 1,       // 1: random start, then successive ports
  RandomEachTry = 2,     // 2: a fresh random port per attempt
  Hash = 3,              // 3: keyed hash of the destination + one global counter
  DoubleHash = 4,        // 4: like 3, the counter taken from a table by a second hash
  RandomIncrements = 5,  // 5: next = previous + random(1..500)
};

class Host {
 public:
  explicit Host(const ports::OsProfile& profile, uint64_t seed = 1);
  Host(ports::OsSettings settings, uint64_t seed = 1);

  const ports::OsProfile& profile() const { return settings_.profile(); }
  const ports::OsSettings& settings() const { return settings_; }
  // Writes a setting by its real name (net.ipv4.ip_local_port_range, ...).
  ports::SettingResult set(std::string_view name, std::string_view value) {
    return settings_.set(name, value);
  }
  ports::SettingResult set_ephemeral_range(ports::PortRange range) {
    return settings_.set_ephemeral_range(range);
  }

  // 127.0.0.1 is always local (on Linux all of 127/8 is, via lo's /8 route);
  // besides it the host has these addresses, 192.168.1.10 by default.
  void set_addresses(std::vector<net::Ipv4> addresses) { addresses_ = std::move(addresses); }
  const std::vector<net::Ipv4>& addresses() const { return addresses_; }
  bool is_local(net::Ipv4 a) const;
  // The address connect() sends from toward `dst`: 127.0.0.1 for loopback,
  // else the first address (a one-interface routing table).
  std::optional<net::Ipv4> source_for(net::Ipv4 dst) const;

  sim::Millis now() const { return clock_.now(); }
  // Steps the clock; TIME_WAIT entries whose time is up disappear (R3.6).
  void advance(sim::Millis by);

  // Use an RFC 6056 algorithm for connect() instead of the profile's own.
  void use_rfc6056(std::optional<Rfc6056> algorithm) { rfc6056_ = algorithm; }
  std::optional<Rfc6056> rfc6056() const { return rfc6056_; }
  // Off by default so the allocators stay fast: when on, automatic port
  // choices carry a probe trace and an explanation even when they succeed.
  void set_trace(bool on) { trace_ = on; }

  SocketId open(net::Transport transport, Credentials owner = {}, SocketOptions options = {});
  // bind(addr, port); port 0 asks the kernel to choose (R3.2, R3.3).
  Decision bind(SocketId id, net::Ipv4 addr, uint16_t port);
  Decision listen(SocketId id);
  // TCP: picks a local port if the socket has none (R3.1, R3.4, R3.5), then
  // holds the 4-tuple. UDP: autobinds (R3.3) and records the peer.
  Decision connect(SocketId id, net::Endpoint remote);
  // UDP sendto() on an unbound socket autobinds it (R3.3).
  Decision send_to(SocketId id, net::Endpoint remote);
  // A connection from `remote` arrived on a listener: the new socket shares
  // the listener's port and options. Invalid id if it cannot exist.
  SocketId accept(SocketId listener, net::Endpoint remote);
  // The active closer keeps the 4-tuple in TIME_WAIT for the profile's time
  // (R3.6); a passive close, or any non-connected socket, is simply gone.
  void close(SocketId id, bool active_close = true);

  const Socket* socket(SocketId id) const { return table_.get(id); }
  const SocketTable& sockets() const { return table_; }

 private:
  struct TimeWaitEntry {
    sim::Millis until;
    SocketId id;
    bool operator>(const TimeWaitEntry& o) const { return until > o.until; }
  };

  bool is_linux() const { return profile().id == ports::OsId::Linux; }
  Decision fail(const char* error, const char* rule, std::string explanation,
                bool approximate = false) const;
  void take_port(SocketId id, Socket& s, uint16_t port, PortOrigin origin);
  void note(Decision& d, uint16_t port, Probe probe) const;

  // host_bind.cpp: explicit bind, privilege, address reuse.
  Decision bind_port(SocketId id, Socket& s, uint16_t port);
  std::optional<Decision> privilege_check(const Socket& s, uint16_t port) const;
  // A socket on `port` that keeps `s` from holding it, or kNone. Linux follows
  // inet_bind_conflict (relax/reuseport_ok as the kernel passes them) and
  // udp_lib_lport_inuse; other systems the BSD rules (approximate).
  uint32_t conflicting_socket(SocketId id, const Socket& s, uint16_t port, bool relax,
                              bool reuseport_ok) const;
  std::string conflict_reason(const Socket& s, const Socket& other) const;
  Decision bind_success(const Socket& s, uint16_t port) const;

  // host_linux_ports.cpp (R3.1-R3.3).
  Decision linux_connect_port(SocketId id, Socket& s, net::Ipv4 src, net::Endpoint dst);
  Decision linux_bind_zero(SocketId id, Socket& s);
  Decision linux_udp_autobind(SocketId id, Socket& s, bool from_bind);
  // What R3.1 says about one port for a connection src -> dst; sets
  // `victim` when tcp_tw_reuse lets connect() take over a TIME_WAIT tuple.
  Probe linux_connect_probe(uint16_t port, const SocketTable::Tuple& tuple,
                            uint32_t* victim) const;
  // Only the 4-tuple part of that (a port fixed by bind()).
  Probe linux_tuple_probe(const SocketTable::Tuple& tuple, uint32_t* victim) const;

  // host_other_ports.cpp (R3.4, R3.5; Solaris).
  Decision stepping_autobind(SocketId id, Socket& s, PortOrigin origin, const net::Endpoint* dst,
                             net::Ipv4 src);
  Probe other_probe(const Socket& s, uint16_t port, const net::Endpoint* dst,
                    net::Ipv4 src) const;

  // host_rfc6056.cpp (section 3.1).
  Decision rfc6056_connect(SocketId id, Socket& s, net::Ipv4 src, net::Endpoint dst);

  // host_exhausted.cpp: the failure when an automatic choice found nothing.
  void exhausted(Decision& d, const Socket& s, PortOrigin origin, const net::Endpoint* dst,
                 int usable, bool saw_time_wait) const;

  ports::OsSettings settings_;
  uint64_t seed_;
  sim::SimClock clock_;
  sim::Random random_;
  sim::HashKey secret_;         // Linux net_secret / RFC 6056 F()
  sim::HashKey second_secret_;  // RFC 6056 algorithm 4's G()
  std::vector<uint32_t> perturb_;  // Linux table_perturb, filled on first connect()
  std::vector<net::Ipv4> addresses_;
  SocketTable table_;
  std::priority_queue<TimeWaitEntry, std::vector<TimeWaitEntry>, std::greater<TimeWaitEntry>>
      time_wait_;
  std::optional<Rfc6056> rfc6056_;
  bool trace_ = false;
  // Sequential allocators' "last port" per transport (BSD ipi_lastport,
  // RFC 6056 algorithms 3 and 5).
  uint32_t last_port_[net::kTransportCount] = {0, 0, 0, 0};
  uint32_t rfc_counter_ = 0;        // algorithm 3's next_ephemeral
  std::vector<uint32_t> rfc_table_;  // algorithm 4's table, made on first use
  uint32_t rfc_next_ = 0;           // algorithm 5's next_ephemeral (random at start)
};

}  // namespace portlab::host
