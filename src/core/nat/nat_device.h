// One NAT box: a router between a LAN and its WAN, or a carrier-grade NAT
// between subscribers (100.64.0.0/10) and the internet.
//
// process() takes a packet arriving on one side and either drops it or
// rewrites it and says on which side it leaves. Every decision is written
// to the Trace when one is given (§ "Traces" in docs/nat-scenarios.md).
// Known flows are found with one hash probe and no allocation, so the
// simulator can push millions of packets a second through a full table.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/nat/forwarding.h"
#include "core/nat/packet.h"
#include "core/nat/port_blocks.h"
#include "core/nat/profile.h"
#include "core/nat/session_table.h"
#include "core/nat/trace.h"
#include "core/sim/clock.h"
#include "core/sim/random.h"

namespace portlab::nat {

// Static NAT (§5.1): one inside address always appears as one public address.
struct StaticNat {
  net::Ipv4 internal;
  net::Ipv4 external;
};

struct DeviceConfig {
  std::string name = "router";       // prefixes every step's `where`: "router.nat"
  std::string inside_side = "lan";   // "router.lan"
  std::string outside_side = "wan";  // "router.wan"
  std::string inside_title = "LAN";  // for sentences: "the router's LAN side"
  std::string outside_title = "WAN";
  net::Prefix inside;              // the box's own inside address and the inside prefix
  net::Ipv4 outside;               // the public address NAPT (masquerade) uses
  std::vector<StaticNat> statics;  // 1:1 translations, tried first
  std::vector<net::Ipv4> pool;     // dynamic NAT: hosts borrow one address (ports unchanged)
};

enum class Side : uint8_t { Inside, Outside };

struct Outcome {
  bool dropped = false;
  Side emerges = Side::Outside;  // where the rewritten packet leaves, when not dropped
};

class NatDevice {
 public:
  NatDevice(const Profile& profile, DeviceConfig config, const sim::SimClock& clock, uint64_t seed);

  // Handles one packet that arrived on `arrived_on`, rewriting it in place.
  Outcome process(Packet& packet, Side arrived_on, Trace* trace);
  // Handles a burst of packets that all arrived on `arrived_on`, untraced.
  // The index slots and sessions of a whole group are requested from
  // memory before any packet is handled, so their cache misses overlap
  // instead of queueing (what software routers do with packet bursts).
  void process_burst(Packet* packets, Outcome* outcomes, size_t count, Side arrived_on);
  // Forgets sessions and leases whose time has run out (also done
  // automatically by the first packet after the clock moved).
  void expire(Trace* trace);

  // Addresses that belong to the box on its outside: the NAPT address,
  // static and pool addresses.
  bool owns(net::Ipv4 a) const;
  const Profile& profile() const { return profile_; }
  const DeviceConfig& config() const { return config_; }
  const SessionTable& sessions() const { return table_; }
  ForwardTable& forwards() { return forwards_; }
  const ForwardTable& forwards() const { return forwards_; }
  const PortBlocks& port_blocks() const { return blocks_; }
  sim::Random& random() { return random_; }
  sim::Millis now() const { return clock_.now(); }
  const std::string& where_nat() const { return where_nat_; }
  std::string where(Side side) const;
  // The inside host a dynamic-pool address is lent to (nullptr if none).
  const net::Ipv4* pool_holder(net::Ipv4 external) const;
  // Makes room for this many sessions up front (the benchmark's table).
  void reserve(size_t sessions) { table_.reserve(sessions); }

 private:
  Outcome existing(Packet& p, SessionTable::Hit hit, Side arrived_on, Trace* t);
  Outcome outbound(Packet& p, Trace* t);
  Outcome outbound_napt(Packet& p, Trace* t);
  Outcome outbound_cgn(Packet& p, Trace* t);
  Outcome inbound(Packet& p, Trace* t);
  Outcome inbound_filtered(Packet& p, Trace* t);
  Outcome hairpin(Packet& p, Trace* t);
  Outcome hairpin_linux(Packet& p, Trace* t);
  Outcome drop(Trace* t, const char* kind, std::string why, const char* rule,
               bool approximate = false);
  // Inserts a new session (making room the way Linux does when the table
  // is full); on failure explains why in *why.
  uint32_t admit(const Session& s, Trace* t, std::string* why);
  // Inserts, tracks the first packet and rewrites it.
  Outcome open(Session s, Packet& p, Side emerges, Trace* t);
  void remove(uint32_t id);
  Side side_of(net::Ipv4 a) const;
  const StaticNat* static_for_internal(net::Ipv4 a) const;
  const StaticNat* static_for_external(net::Ipv4 a) const;
  const char* mapping_rule() const;
  void trace_rewrite(const Packet& before, const Packet& after, const Session& s, Trace* t) const;
  void trace_timer(const Session& s, Trace* t) const;

  Profile profile_;
  DeviceConfig config_;
  const sim::SimClock& clock_;
  sim::Random random_;
  SessionTable table_;
  ForwardTable forwards_;
  PortBlocks blocks_;
  std::string where_nat_;
  sim::Millis swept_at_ = 0;
  // Dynamic NAT: public address -> inside host, and sessions per inside host.
  std::map<uint32_t, net::Ipv4> pool_lent_;
  std::map<uint32_t, long> pool_sessions_;
};

}  // namespace portlab::nat
