// New flows from the outside: port forwards (DNAT, R5.2), static and pool
// addresses (§5.1), and the profile's filtering of unsolicited packets on
// an existing mapping (R5.2 for Linux's APDF, R5.4 for the others).
#include "core/nat/nat_device.h"

namespace portlab::nat {

using net::to_string;

namespace {

Session inbound_session(const Packet& p, net::Endpoint internal, SessionKind kind) {
  Session s;
  s.proto = p.proto;
  s.kind = kind;
  s.orig_src = p.src;
  s.orig_dst = p.dst;
  s.reply_src = internal;
  s.reply_dst = p.src;
  s.internal = internal;
  s.external = p.dst;
  s.remote = p.src;
  return s;
}

}  // namespace

Outcome NatDevice::inbound(Packet& p, Trace* t) {
  if (p.dst.addr == config_.outside) {
    if (const ForwardRule* rule = forwards_.match(p.proto, p.dst.port)) {
      net::Endpoint target = rule->target_for(p.dst.port);
      if (t)
        t->decide("forward-matched", where_nat_,
                  "Forward " + std::to_string(rule->id) + " (" + describe(*rule) + ") matches " +
                      to_string(p.proto) + " port " + std::to_string(p.dst.port) +
                      ", so the destination becomes " + to_string(target) + ".",
                  "R5.2");
      Session s = inbound_session(p, target, SessionKind::Forward);
      s.forward_id = rule->id;
      return open(s, p, Side::Inside, t);
    }
    return inbound_filtered(p, t);
  }
  if (const StaticNat* st = static_for_external(p.dst.addr)) {
    if (t)
      t->decide("static-nat", where_nat_,
                "Static NAT maps " + to_string(st->external) + " to " + to_string(st->internal) +
                    " for every port and sender, so the packet goes in to port " +
                    std::to_string(p.dst.port) + ".",
                "§5.1");
    Session s = inbound_session(p, {st->internal, p.dst.port}, SessionKind::Static);
    s.source_mapping = true;
    return open(s, p, Side::Inside, t);
  }
  const net::Ipv4* holder = pool_holder(p.dst.addr);
  if (!holder)
    return drop(t, "drop",
                "The pool address " + to_string(p.dst.addr) +
                    " is not lent to any inside host "
                    "now, so nobody can receive the packet.",
                "§5.1");
  if (t)
    t->decide("pool-binding", where_nat_,
              "The pool address " + to_string(p.dst.addr) + " is lent to " + to_string(*holder) +
                  ", so the packet goes to it unchanged apart from the address (dynamic NAT).",
              "§5.1");
  Session s = inbound_session(p, {*holder, p.dst.port}, SessionKind::Static);
  s.source_mapping = true;
  s.pooled = true;
  return open(s, p, Side::Inside, t);
}

Outcome NatDevice::inbound_filtered(Packet& p, Trace* t) {
  const char* rule = profile_.family == Family::LinuxNetfilter ? "R5.2" : "R5.4";
  const Filtering filtering = profile_.filtering;
  uint32_t first = table_.first_of_external(p.proto, p.dst);
  uint32_t admitted = kNoSession;
  for (uint32_t id = first; id != kNoSession && filtering != Filtering::AddressAndPortDependent;
       id = table_.next_of_external(id)) {
    const Session& s = table_.get(id);
    if (!s.source_mapping) continue;
    if (filtering == Filtering::EndpointIndependent || s.remote.addr == p.src.addr) {
      admitted = id;
      break;
    }
  }
  if (admitted != kNoSession) {
    const Session mapping = table_.get(admitted);
    if (t) {
      std::string why =
          filtering == Filtering::EndpointIndependent
              ? "The mapping " + to_string(mapping.internal) + " <-> " +
                    to_string(mapping.external) + " filters endpoint-independently (EIF), so " +
                    to_string(p.src) + " may use it although " + to_string(mapping.internal.addr) +
                    " never sent to it."
              : "The mapping " + to_string(mapping.internal) + " <-> " +
                    to_string(mapping.external) + " filters by address (ADF) and " +
                    to_string(mapping.internal) + " has sent to " + to_string(p.src.addr) +
                    ", so port " + std::to_string(p.src.port) + " of that address may answer.";
      t->decide("filter-pass", where_nat_, why, rule);
    }
    Session s = inbound_session(p, mapping.internal, SessionKind::Inbound);
    s.source_mapping = true;
    s.in_port_block = mapping.in_port_block;
    return open(s, p, Side::Inside, t);
  }
  if (first == kNoSession) {
    std::string why = "No mapping or forward exists for " + std::string(to_string(p.proto)) +
                      " port " + std::to_string(p.dst.port) + " on " + to_string(p.dst.addr) +
                      ", so the packet is addressed to the " + config_.name +
                      " itself, which has no service there, and it is dropped.";
    if (!profile_.forwards_allowed)
      why += " A carrier-grade NAT offers no inbound forwarding (R5.6).";
    return drop(t, "drop", why, profile_.forwards_allowed ? "R5.2" : "R5.6");
  }
  // A mapping exists but the filter keeps this sender out: name who may send.
  const Session& owner = table_.get(first);
  std::string allowed;
  int listed = 0;
  for (uint32_t id = first; id != kNoSession && listed < 3; id = table_.next_of_external(id)) {
    const Session& s = table_.get(id);
    std::string peer =
        filtering == Filtering::AddressDependent ? to_string(s.remote.addr) : to_string(s.remote);
    if (allowed.find(peer) != std::string::npos) continue;
    allowed += std::string(allowed.empty() ? "" : ", ") + peer;
    ++listed;
  }
  std::string why = std::string("The packet from ") + to_string(p.src) +
                    " does not match any tracked flow: " + to_string(p.dst) + " belongs to " +
                    to_string(owner.internal) + ", and " + short_name(filtering) +
                    " filtering only admits " + allowed + ", so it is dropped.";
  return drop(t, "filtered", why, rule);
}

}  // namespace portlab::nat
