#include "core/nat/nat_device.h"

#include "core/nat/session_timers.h"

namespace portlab::nat {

using net::to_string;

NatDevice::NatDevice(const Profile& profile, DeviceConfig config, const sim::SimClock& clock,
                     uint64_t seed)
    : profile_(profile),
      config_(std::move(config)),
      clock_(clock),
      random_(seed),
      table_(profile.max_mappings),
      blocks_(profile.block_size, profile.blocks_per_subscriber),
      where_nat_(config_.name + ".nat"),
      swept_at_(clock.now()) {}

std::string NatDevice::where(Side side) const {
  return config_.name + "." + (side == Side::Inside ? config_.inside_side : config_.outside_side);
}

bool NatDevice::owns(net::Ipv4 a) const {
  if (a == config_.outside) return true;
  for (const StaticNat& s : config_.statics)
    if (s.external == a) return true;
  for (net::Ipv4 p : config_.pool)
    if (p == a) return true;
  return false;
}

const net::Ipv4* NatDevice::pool_holder(net::Ipv4 external) const {
  auto it = pool_lent_.find(external.bits);
  return it == pool_lent_.end() ? nullptr : &it->second;
}

Side NatDevice::side_of(net::Ipv4 a) const {
  return config_.inside.contains(a) ? Side::Inside : Side::Outside;
}

const StaticNat* NatDevice::static_for_internal(net::Ipv4 a) const {
  for (const StaticNat& s : config_.statics)
    if (s.internal == a) return &s;
  return nullptr;
}

const StaticNat* NatDevice::static_for_external(net::Ipv4 a) const {
  for (const StaticNat& s : config_.statics)
    if (s.external == a) return &s;
  return nullptr;
}

const char* NatDevice::mapping_rule() const {
  switch (profile_.family) {
    case Family::LinuxNetfilter:
      return "R5.1";
    case Family::Rfc4787:
      return "R5.4";
    case Family::CarrierGrade:
      return "R5.6";
  }
  return "R5.1";
}

Outcome NatDevice::drop(Trace* t, const char* kind, std::string why, const char* rule,
                        bool approximate) {
  if (t) {
    t->reason = why;
    t->add(kind, where_nat_, std::move(why), rule, approximate);
  }
  return {true, Side::Outside};
}

Outcome NatDevice::process(Packet& p, Side arrived_on, Trace* t) {
  if (clock_.now() != swept_at_) expire(t);
  SessionTable::Hit hit = table_.find(p.proto, p.src, p.dst);
  if (hit.id != kNoSession) return existing(p, hit, arrived_on, t);

  if (arrived_on == Side::Outside) {
    if (!owns(p.dst.addr))
      return drop(t, "drop",
                  to_string(p.dst.addr) + " is not an address of the " + config_.name +
                      ", so it does not forward this packet.",
                  "R5.2");
    return inbound(p, t);
  }
  if (p.dst.addr == config_.inside.addr)
    return drop(t, "drop",
                "The packet is addressed to the " + config_.name + "'s own inside address " +
                    to_string(p.dst) + ", where the simulation runs no service.",
                "R5.2");
  if (side_of(p.dst.addr) == Side::Inside) {
    if (t)
      t->add("route", where_nat_,
             "Both " + to_string(p.src.addr) + " and " + to_string(p.dst.addr) +
                 " are inside, so the " + config_.name + " routes the packet without translation.",
             "§5.1");
    return {false, Side::Inside};
  }
  if (owns(p.dst.addr)) return hairpin(p, t);
  return outbound(p, t);
}

void NatDevice::process_burst(Packet* packets, Outcome* outcomes, size_t count, Side arrived_on) {
  constexpr size_t kGroup = 16;
  for (size_t start = 0; start < count; start += kGroup) {
    size_t end = start + kGroup < count ? start + kGroup : count;
    for (size_t i = start; i < end; ++i)
      table_.prefetch_tuple(packets[i].proto, packets[i].src, packets[i].dst);
    for (size_t i = start; i < end; ++i) {
      SessionTable::Hit hit = table_.find(packets[i].proto, packets[i].src, packets[i].dst);
      if (hit.id != kNoSession) table_.prefetch_session(hit.id);
    }
    for (size_t i = start; i < end; ++i) outcomes[i] = process(packets[i], arrived_on, nullptr);
  }
}

Outcome NatDevice::existing(Packet& p, SessionTable::Hit hit, Side arrived_on, Trace* t) {
  Session& s = table_.get(hit.id);
  track_packet(s, p.tcp_flags, hit.reply, arrived_on == Side::Inside, false, profile_,
               clock_.now());
  Packet before = p;
  if (hit.reply) {
    p.src = s.orig_dst;
    p.dst = s.orig_src;
  } else {
    p.src = s.reply_dst;
    p.dst = s.reply_src;
  }
  if (t) {
    std::string flow = to_string(s.orig_src) + " -> " + to_string(s.orig_dst);
    if (hit.reply) {
      std::string why = "The packet exactly matches the reply direction of the tracked " +
                        std::string(to_string(s.kind)) + " flow " + flow +
                        ", so it is an answer and passes.";
      t->add("mapping-matched", where_nat_, why, "R5.2");
      t->reason = why;
    } else {
      std::string why = "The packet belongs to the tracked " + std::string(to_string(s.kind)) +
                        " flow " + flow + " and gets that flow's translation.";
      t->add("mapping-matched", where_nat_, why, mapping_rule());
      t->reason = why;
    }
    trace_rewrite(before, p, s, t);
    trace_timer(s, t);
  }
  return {false, side_of(p.dst.addr)};
}

void NatDevice::trace_rewrite(const Packet& before, const Packet& after, const Session& s,
                              Trace* t) const {
  if (!t) return;
  // Which rule explains each rewrite: source mappings are R5.1/R5.4/R5.6,
  // letting answers and forwards in is R5.2, hairpins R5.5, 1:1 NAT §5.1.
  const char* source_rule = mapping_rule();
  const char* destination_rule = "R5.2";
  if (s.kind == SessionKind::Forward) source_rule = "R5.2";
  if (s.kind == SessionKind::Hairpin) source_rule = destination_rule = "R5.5";
  if (s.kind == SessionKind::Static) source_rule = destination_rule = "§5.1";
  if (before.src != after.src)
    t->add("rewrite-source", where_nat_,
           "The source " + to_string(before.src) + " becomes " + to_string(after.src) + ".",
           source_rule);
  if (before.dst != after.dst)
    t->add("rewrite-destination", where_nat_,
           "The destination " + to_string(before.dst) + " becomes " + to_string(after.dst) + ".",
           destination_rule);
}

void NatDevice::trace_timer(const Session& s, Trace* t) const {
  if (!t) return;
  t->add("timer", where_nat_,
         std::string("The entry is ") + state_name(s) + " and expires in " +
             describe_duration(s.expires_at - clock_.now()) + " (" + timer_name(s, profile_) + ").",
         "R5.3", s.picked_up);  // mid-stream pickup is a simplification of conntrack
}

uint32_t NatDevice::admit(const Session& s, Trace* t, std::string* why) {
  if (table_.full() && profile_.family == Family::LinuxNetfilter) {
    // Linux's early_drop evicts an entry that is not ASSURED before it
    // refuses a new one; which entry it finds depends on hash buckets, so
    // the simulation takes the oldest.
    uint32_t victim = table_.oldest_unassured();
    if (victim != kNoSession) {
      const Session& v = table_.get(victim);
      if (t)
        t->add("mapping-evicted", where_nat_,
               "The table is full (" + std::to_string(table_.capacity()) +
                   " entries), so the unassured entry " + to_string(v.orig_src) + " -> " +
                   to_string(v.orig_dst) + " is evicted to make room.",
               "§5.5", true);
      remove(victim);
    }
  }
  if (table_.full()) {
    *why = "The " + config_.name + "'s table already holds its maximum of " +
           std::to_string(table_.capacity()) +
           " entries (max_mappings), so the new flow is dropped.";
    return kNoSession;
  }
  uint32_t id = table_.insert(s);
  if (id == kNoSession) {
    *why = "The translated flow " + to_string(s.reply_dst) + " <-> " + to_string(s.reply_src) +
           " clashes with a flow already in the table, so the packet is dropped.";
    return kNoSession;
  }
  if (s.in_port_block) blocks_.session_added(s.internal.addr);
  if (s.pooled) ++pool_sessions_[s.internal.addr.bits];
  return id;
}

Outcome NatDevice::open(Session s, Packet& p, Side emerges, Trace* t) {
  s.created = clock_.now();
  std::string why;
  uint32_t id = admit(s, t, &why);
  if (id == kNoSession) return drop(t, "drop", why, "§5.5");
  Session& stored = table_.get(id);
  bool from_inside = config_.inside.contains(stored.orig_src.addr);
  track_packet(stored, p.tcp_flags, false, from_inside, true, profile_, clock_.now());
  Packet before = p;
  p.src = stored.reply_dst;
  p.dst = stored.reply_src;
  trace_rewrite(before, p, stored, t);
  trace_timer(stored, t);
  return {false, emerges};
}

void NatDevice::remove(uint32_t id) {
  const Session& s = table_.get(id);
  if (s.in_port_block) blocks_.session_removed(s.internal.addr);
  if (s.pooled) {
    auto it = pool_sessions_.find(s.internal.addr.bits);
    if (it != pool_sessions_.end() && --it->second <= 0) {
      pool_sessions_.erase(it);
      for (auto lent = pool_lent_.begin(); lent != pool_lent_.end(); ++lent) {
        if (lent->second != s.internal.addr) continue;
        pool_lent_.erase(lent);
        break;
      }
    }
  }
  table_.erase(id);
}

void NatDevice::expire(Trace* t) {
  sim::Millis now = clock_.now();
  swept_at_ = now;
  for (uint32_t id : table_.due(now)) {
    const Session& s = table_.get(id);
    if (t)
      t->add("mapping-expired", where_nat_,
             "The " + std::string(to_string(s.proto)) + " entry " + to_string(s.orig_src) + " -> " +
                 to_string(s.orig_dst) + " (public side " + to_string(s.external) +
                 ") expired: it was " + state_name(s) + " and idle for " +
                 describe_duration(s.timeout) + " (" + timer_name(s, profile_) + ").",
             "R5.3");
    remove(id);
  }
  for (const ForwardRule& r : forwards_.expire(now)) {
    if (t)
      t->add("lease-expired", where_nat_,
             "The " + std::string(to_string(r.origin)) + " lease for forward " +
                 std::to_string(r.id) + " (" + describe(r) + ") ran out, so the " + config_.name +
                 " removes it.",
             "§5.3");
  }
}

}  // namespace portlab::nat
