// New flows from the inside: source translation (static NAT, dynamic
// pool, NAPT/masquerade, CGN port blocks) and hairpinning (R5.1, R5.4-R5.6).
#include "core/nat/nat_device.h"
#include "core/nat/port_choice.h"

namespace portlab::nat {

using net::to_string;

namespace {

Session outbound_session(const Packet& p, net::Endpoint external) {
  Session s;
  s.proto = p.proto;
  s.kind = SessionKind::Outbound;
  s.orig_src = p.src;
  s.orig_dst = p.dst;
  s.reply_src = p.dst;
  s.reply_dst = external;
  s.internal = p.src;
  s.external = external;
  s.remote = p.dst;
  s.source_mapping = true;
  return s;
}

}  // namespace

Outcome NatDevice::outbound(Packet& p, Trace* t) {
  if (const StaticNat* st = static_for_internal(p.src.addr)) {
    Session s = outbound_session(p, {st->external, p.src.port});
    s.kind = SessionKind::Static;
    if (t)
      t->decide("static-nat", where_nat_,
                "Static NAT maps " + to_string(st->internal) + " to " + to_string(st->external) +
                    " one to one, so only the address changes and port " +
                    std::to_string(p.src.port) + " stays.",
                "§5.1");
    return open(s, p, Side::Outside, t);
  }
  if (!config_.pool.empty()) {
    // Dynamic NAT: the host keeps the pool address it borrowed while it has
    // flows; otherwise it borrows the lowest free one.
    net::Ipv4 external{};
    bool found = false;
    bool lent_now = false;
    for (const auto& entry : pool_lent_) {
      if (entry.second != p.src.addr) continue;
      external = net::Ipv4{entry.first};
      found = true;
    }
    if (!found) {
      for (net::Ipv4 candidate : config_.pool) {
        if (pool_lent_.count(candidate.bits)) continue;
        external = candidate;
        found = lent_now = true;
        pool_lent_[candidate.bits] = p.src.addr;
        if (t)
          t->decide("pool-lend", where_nat_,
                    to_string(p.src.addr) + " borrows the free pool address " +
                        to_string(candidate) + " for as long as it has flows (dynamic NAT).",
                    "§5.1");
        break;
      }
      if (!found)
        return drop(t, "drop",
                    "All " + std::to_string(config_.pool.size()) +
                        " pool addresses are lent to other hosts, so " + to_string(p.src.addr) +
                        " cannot get one and the packet is dropped.",
                    "§5.1");
    } else if (t) {
      t->decide("pool-reuse", where_nat_,
                to_string(p.src.addr) + " already holds the pool address " + to_string(external) +
                    ", so only the address changes and port " + std::to_string(p.src.port) +
                    " stays.",
                "§5.1");
    }
    Session s = outbound_session(p, {external, p.src.port});
    s.kind = SessionKind::Static;
    s.pooled = true;
    Outcome o = open(s, p, Side::Outside, t);
    if (o.dropped && lent_now) pool_lent_.erase(external.bits);  // nothing holds it after all
    return o;
  }
  if (profile_.family == Family::CarrierGrade && blocks_.enabled()) return outbound_cgn(p, t);
  return outbound_napt(p, t);
}

Outcome NatDevice::outbound_napt(Packet& p, Trace* t) {
  PortRequest req{p.proto, p.src, config_.outside, p.dst};
  PortChoiceContext ctx{table_, profile_, random_, t, where_nat_, mapping_rule()};
  PortChoice choice;
  if (profile_.family == Family::LinuxNetfilter) {
    choice = choose_linux_port(ctx, req);
  } else {
    PortRange allowed = profile_.port_range ? *profile_.port_range : rfc_port_class(p.src.port);
    choice = choose_rfc_port(ctx, req, allowed, &forwards_);
  }
  if (choice.how == PortChoice::How::Failed) return drop(t, "drop", choice.failure, mapping_rule());
  net::Endpoint external{config_.outside, choice.port};
  if (t && choice.how != PortChoice::How::Reused)
    t->decide("mapping-created", where_nat_,
              "New mapping: " + to_string(p.src) + " appears as " + to_string(external) + " for " +
                  to_string(p.proto) + " traffic to " + to_string(p.dst) + ".",
              mapping_rule());
  return open(outbound_session(p, external), p, Side::Outside, t);
}

Outcome NatDevice::outbound_cgn(Packet& p, Trace* t) {
  const net::Ipv4 subscriber = p.src.addr;
  PortRequest req{p.proto, p.src, config_.outside, p.dst};
  // Each held block is tried in turn; only the successful attempt's steps
  // are kept so the trace reads as one decision.
  Trace attempt;
  PortChoice choice;
  for (int round = 0; round < 2 && choice.how == PortChoice::How::Failed; ++round) {
    for (const PortRange& block : blocks_.blocks_of(subscriber)) {
      attempt = Trace{};
      PortChoiceContext ctx{table_, profile_, random_, t ? &attempt : nullptr, where_nat_, "R5.6"};
      choice = choose_rfc_port(ctx, req, block, &forwards_);
      if (choice.how != PortChoice::How::Failed) break;
    }
    if (choice.how != PortChoice::How::Failed) break;
    auto granted = blocks_.grant(subscriber, random_);
    if (!granted) break;
    if (t)
      t->add("port-block", where_nat_,
             "Subscriber " + to_string(subscriber) + " is given the port block " +
                 std::to_string(granted->lo) + "-" + std::to_string(granted->hi) + " (" +
                 std::to_string(blocks_.block_size()) + " ports) on " + to_string(config_.outside) +
                 "; its mappings may only use these ports.",
             "R5.6");
  }
  if (t)
    for (Step& s : attempt.steps) t->steps.push_back(std::move(s));
  if (choice.how == PortChoice::How::Failed) {
    const auto& held = blocks_.blocks_of(subscriber);
    std::string why;
    if (held.empty()) {
      why = "No port block is free on " + to_string(config_.outside) + " for subscriber " +
            to_string(subscriber) + ", so the packet is dropped.";
    } else {
      why = "Subscriber " + to_string(subscriber) + " has used every port of its " +
            std::to_string(held.size()) + " block(s) of " + std::to_string(blocks_.block_size()) +
            " ports (the per-subscriber limit, RFC 6888 "
            "REQ-4), so the packet is dropped.";
    }
    return drop(t, "drop", why, "R5.6");
  }
  net::Endpoint external{config_.outside, choice.port};
  if (t && choice.how != PortChoice::How::Reused)
    t->decide("mapping-created", where_nat_,
              "New mapping: " + to_string(p.src) + " appears as " + to_string(external) + " for " +
                  to_string(p.proto) + " traffic to " + to_string(p.dst) + ".",
              "R5.6");
  Session s = outbound_session(p, external);
  s.in_port_block = true;
  Outcome o = open(s, p, Side::Outside, t);
  if (o.dropped) blocks_.release_if_idle(subscriber);  // a block granted just now
  return o;
}

Outcome NatDevice::hairpin(Packet& p, Trace* t) {
  if (profile_.family == Family::LinuxNetfilter) return hairpin_linux(p, t);
  if (!profile_.hairpin)
    return drop(t, "drop",
                "Hairpinning is off: the " + config_.name + " does not loop a packet from " +
                    to_string(p.src) + " to its own public address " + to_string(p.dst) +
                    " back inside, so it is dropped.",
                "R5.5");
  if (t)
    t->add("hairpin", where_nat_,
           to_string(p.dst) + " is the " + config_.name +
               "'s own public address, so it "
               "translates the source as for any outbound flow and loops the packet back in; "
               "the inside target will see the public source (RFC 4787 REQ-9).",
           "R5.5");
  return outbound(p, t);
}

Outcome NatDevice::hairpin_linux(Packet& p, Trace* t) {
  net::Endpoint target;
  int forward_id = 0;
  if (p.dst.addr == config_.outside) {
    const ForwardRule* rule = forwards_.match(p.proto, p.dst.port);
    if (!rule)
      return drop(t, "drop",
                  to_string(p.dst) + " is the " + config_.name +
                      "'s own address and no forward "
                      "matches " +
                      to_string(p.proto) + " port " + std::to_string(p.dst.port) +
                      ", so the packet goes to the " + config_.name +
                      " itself, which has no service there.",
                  "R5.5");
    target = rule->target_for(p.dst.port);
    forward_id = rule->id;
    if (t)
      t->decide("forward-matched", where_nat_,
                "Forward " + std::to_string(rule->id) + " (" + describe(*rule) +
                    ") also matches packets from the LAN, so the destination becomes " +
                    to_string(target) + " and the packet turns back into the LAN (hairpin).",
                "R5.5");
  } else if (const StaticNat* st = static_for_external(p.dst.addr)) {
    target = {st->internal, p.dst.port};
  } else if (const net::Ipv4* holder = pool_holder(p.dst.addr)) {
    target = {*holder, p.dst.port};
  } else {
    return drop(t, "drop",
                to_string(p.dst.addr) +
                    " is a pool address nobody borrows now, so the packet "
                    "goes to the " +
                    config_.name + " itself and is dropped.",
                "R5.5");
  }

  Session s;
  s.proto = p.proto;
  s.kind = SessionKind::Hairpin;
  s.forward_id = forward_id;
  s.orig_src = p.src;
  s.orig_dst = p.dst;
  s.reply_src = target;
  s.internal = p.src;
  s.remote = target;
  if (profile_.hairpin) {
    PortRequest req{p.proto, p.src, config_.inside.addr, target};
    PortChoiceContext ctx{table_, profile_, random_, t, where_nat_, "R5.5"};
    PortChoice choice = choose_linux_port(ctx, req);
    if (choice.how == PortChoice::How::Failed) return drop(t, "drop", choice.failure, "R5.5");
    s.reply_dst = {config_.inside.addr, choice.port};
    s.source_mapping = true;
    if (t)
      t->decide("hairpin-masquerade", where_nat_,
                "The hairpin rule (`ct status dnat masquerade`, limited to LAN sources so "
                "internet clients keep their addresses) also rewrites the source to the " +
                    config_.name + "'s LAN address " + to_string(s.reply_dst) + ", so " +
                    to_string(target) + " will answer through the " + config_.name + ".",
                "R5.5");
  } else {
    s.reply_dst = p.src;
    if (t)
      t->decide("hairpin-no-masquerade", where_nat_,
                "No masquerade rule covers hairpinned traffic, so the source stays " +
                    to_string(p.src) + " and " + to_string(target) +
                    " will answer it directly over "
                    "the LAN, from " +
                    to_string(target) + " instead of " + to_string(p.dst) +
                    ", which the sender rejects.",
                "R5.5");
  }
  s.external = s.reply_dst;
  return open(s, p, Side::Inside, t);
}

}  // namespace portlab::nat
