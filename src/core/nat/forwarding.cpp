#include "core/nat/forwarding.h"

#include <algorithm>

namespace portlab::nat {
namespace {

std::string ports_text(const PortRange& r) {
  return r.lo == r.hi ? std::to_string(r.lo) : std::to_string(r.lo) + "-" + std::to_string(r.hi);
}

bool protos_overlap(ForwardProto a, ForwardProto b) {
  return a == ForwardProto::Both || b == ForwardProto::Both || a == b;
}

// Every transport `inner` covers, `outer` covers too.
bool proto_covers(ForwardProto outer, ForwardProto inner) {
  return outer == ForwardProto::Both || outer == inner;
}

std::string label(const ForwardRule& r) { return "forward " + std::to_string(r.id); }

}  // namespace

const char* to_string(ForwardProto p) {
  switch (p) {
    case ForwardProto::Tcp:
      return "tcp";
    case ForwardProto::Udp:
      return "udp";
    case ForwardProto::Both:
      return "both";
  }
  return "?";
}

const char* to_string(ForwardOrigin o) {
  switch (o) {
    case ForwardOrigin::Config:
      return "config";
    case ForwardOrigin::Upnp:
      return "upnp";
    case ForwardOrigin::NatPmp:
      return "natpmp";
    case ForwardOrigin::Pcp:
      return "pcp";
  }
  return "?";
}

std::string describe(const ForwardRule& r) {
  std::string proto = r.proto == ForwardProto::Both ? "tcp+udp" : to_string(r.proto);
  std::string out = proto + " " + ports_text(r.external) + " -> " + net::to_string(r.target) + ":";
  if (r.external.lo == r.external.hi || r.external.lo > r.external.hi)
    return out + std::to_string(r.target_port);
  long last = static_cast<long>(r.target_port) + (r.external.hi - r.external.lo);
  return out + std::to_string(r.target_port) + "-" + std::to_string(last);
}

std::string forward_problem(const ForwardRule& rule, const std::string& name,
                            const std::vector<ForwardRule>& existing, const net::Prefix& inside) {
  const std::string self = name + " (" + describe(rule) + ")";
  if (rule.external.lo == 0 || rule.external.hi == 0)
    return self + ": external port 0 is not a usable port; forwards need ports 1-65535.";
  if (rule.target_port == 0)
    return self + ": internal port 0 is not a usable port; forwards need ports 1-65535.";
  if (rule.external.lo > rule.external.hi)
    return self + ": the external range " + std::to_string(rule.external.lo) + "-" +
           std::to_string(rule.external.hi) + " is inverted (its first port is above its last).";
  long last = static_cast<long>(rule.target_port) + (rule.external.hi - rule.external.lo);
  if (last > 65535)
    return self + ": the internal range would end at port " + std::to_string(last) +
           ", past 65535; start it lower or shorten the external range.";
  const std::string target = net::to_string(rule.target);
  const std::string lan = net::to_string(net::Prefix{inside.network(), inside.length});
  if (!inside.contains(rule.target))
    return self + ": the target " + target + " is outside the inside network " + lan +
           ", so the router cannot deliver to it.";
  if (rule.target == inside.addr)
    return self + ": the target " + target + " is the router's own address, not an inside host.";
  if (inside.length <= 30) {
    if (rule.target == inside.network())
      return self + ": the target " + target + " is the network address of " + lan +
             ", not a host.";
    if (rule.target.bits == (inside.network().bits | ~inside.mask()))
      return self + ": the target " + target + " is the broadcast address of " + lan +
             ", not a host.";
  }
  for (const ForwardRule& other : existing) {
    if (!protos_overlap(rule.proto, other.proto)) continue;
    if (rule.external.hi < other.external.lo || other.external.hi < rule.external.lo) continue;
    const std::string them = label(other) + " (" + describe(other) + ")";
    if (rule.proto == other.proto && rule.external == other.external &&
        rule.target == other.target && rule.target_port == other.target_port)
      return self + " duplicates " + them + ".";
    if (proto_covers(other.proto, rule.proto) && other.external.lo <= rule.external.lo &&
        rule.external.hi <= other.external.hi)
      return self + " is shadowed by " + them +
             ", which already takes every packet it would match, so it could never apply.";
    PortRange common{std::max(rule.external.lo, other.external.lo),
                     std::min(rule.external.hi, other.external.hi)};
    return self + " overlaps " + them + " on port" + (common.lo == common.hi ? " " : "s ") +
           ports_text(common) + ": a packet there would match both.";
  }
  return {};
}

std::string ForwardTable::add(ForwardRule rule, const net::Prefix& inside) {
  rule.id = next_id_;
  std::string problem = forward_problem(rule, label(rule), rules_, inside);
  if (!problem.empty()) return problem;
  ++next_id_;
  rules_.push_back(rule);
  return {};
}

const ForwardRule* ForwardTable::match(net::Transport proto, uint16_t port) const {
  for (const ForwardRule& r : rules_)
    if (r.matches(proto, port)) return &r;
  return nullptr;
}

ForwardRule* ForwardTable::find(int id) {
  for (ForwardRule& r : rules_)
    if (r.id == id) return &r;
  return nullptr;
}

void ForwardTable::remove(int id) {
  rules_.erase(std::remove_if(rules_.begin(), rules_.end(),
                              [&](const ForwardRule& r) { return r.id == id; }),
               rules_.end());
}

std::vector<ForwardRule> ForwardTable::expire(sim::Millis now) {
  std::vector<ForwardRule> gone;
  for (const ForwardRule& r : rules_)
    if (r.expires_at && *r.expires_at <= now) gone.push_back(r);
  for (const ForwardRule& r : gone) remove(r.id);
  return gone;
}

}  // namespace portlab::nat
