// Replays a scenario on a Network and writes the report as JSON.
#include <map>
#include <tuple>

#include "core/nat/scenario.h"
#include "core/nat/session_timers.h"

namespace portlab::nat {
namespace {

using json::Value;
using net::to_string;

Value seconds_value(sim::Millis ms) {
  if (ms % sim::kSecond == 0) return Value(static_cast<long long>(ms / sim::kSecond));
  return Value(static_cast<double>(ms) / sim::kSecond);
}

Value packet_json(const Packet& p) {
  Value v = Value::object();
  v["proto"] = to_string(p.proto);
  v["from"] = to_string(p.src);
  v["to"] = to_string(p.dst);
  if (p.proto == net::Transport::Tcp) v["flags"] = describe_tcp_flags(p.tcp_flags);
  return v;
}

Value steps_json(const Trace& t) {
  Value steps = Value::array();
  for (const Step& s : t.steps) {
    Value v = Value::object();
    v["kind"] = s.kind;
    v["where"] = s.where;
    v["explanation"] = s.explanation;
    v["rule"] = s.rule;
    if (s.approximate) v["approximate"] = true;
    steps.push_back(std::move(v));
  }
  return steps;
}

Value timeouts_json(const Profile& p) {
  const Timeouts& t = p.timeouts;
  Value v = Value::object();
  v["udp"] = seconds_value(t.udp);
  if (p.family == Family::LinuxNetfilter) v["udp_stream"] = seconds_value(t.udp_stream);
  v["tcp_syn_sent"] = seconds_value(t.tcp_syn_sent);
  v["tcp_established"] = seconds_value(t.tcp_established);
  v["tcp_time_wait"] = seconds_value(t.tcp_time_wait);
  return v;
}

const char* family_name(Family f) {
  switch (f) {
    case Family::LinuxNetfilter:
      return "linux-netfilter";
    case Family::Rfc4787:
      return "rfc4787";
    case Family::CarrierGrade:
      return "carrier-grade";
  }
  return "?";
}

Value profile_json(const Profile& p) {
  Value v = Value::object();
  v["key"] = p.key;
  v["name"] = p.name;
  v["summary"] = p.summary;
  v["family"] = family_name(p.family);
  v["mapping"] = p.family == Family::LinuxNetfilter
                     ? (p.random_ports ? "address-and-port-dependent (random ports)"
                                       : "endpoint-independent while the tuple stays unique")
                     : to_string(p.mapping);
  v["filtering"] = to_string(p.filtering);
  v["port_overlapping"] = p.family == Family::LinuxNetfilter;
  v["port_preservation"] =
      p.family == Family::LinuxNetfilter ? !p.random_ports : p.port_preservation;
  v["parity_preservation"] = p.parity_preservation;
  v["random_ports"] = p.random_ports;
  v["port_range"] =
      p.port_range
          ? Value(std::to_string(p.port_range->lo) + "-" + std::to_string(p.port_range->hi))
          : Value();
  v["hairpin"] = p.hairpin;
  v["max_mappings"] = static_cast<unsigned long long>(p.max_mappings);
  if (p.max_mappings_approximate) v["max_mappings_approximate"] = true;
  if (p.block_size > 0) {
    v["block_size"] = p.block_size;
    v["blocks_per_subscriber"] = p.blocks_per_subscriber;
  }
  v["services"] = Value::object();
  v["services"]["upnp"] = p.upnp;
  v["services"]["natpmp"] = p.natpmp;
  v["services"]["pcp"] = p.pcp;
  v["timeouts"] = timeouts_json(p);
  return v;
}

Value pair_json(const net::Endpoint& from, const net::Endpoint& to) {
  Value v = Value::object();
  v["from"] = to_string(from);
  v["to"] = to_string(to);
  return v;
}

void table_json(const NatDevice& nat, Value& out) {
  const SessionTable& table = nat.sessions();
  for (uint32_t id : table.by_age()) {
    const Session& s = table.get(id);
    Value v = Value::object();
    v["nat"] = nat.config().name;
    v["proto"] = to_string(s.proto);
    v["kind"] = to_string(s.kind);
    v["internal"] = to_string(s.internal);
    v["external"] = to_string(s.external);
    v["remote"] = to_string(s.remote);
    v["state"] = state_name(s);
    v["assured"] = s.assured;
    sim::Millis left = s.expires_at - nat.now();
    v["expires_in"] = static_cast<long long>(left / sim::kSecond);
    v["expires_in_ms"] = static_cast<long long>(left);
    if (s.forward_id) v["forward"] = s.forward_id;
    v["original"] = pair_json(s.orig_src, s.orig_dst);
    v["reply"] = pair_json(s.reply_src, s.reply_dst);
    out.push_back(std::move(v));
  }
}

void forwards_json(const NatDevice& nat, Value& out) {
  for (const ForwardRule& r : nat.forwards().rules()) {
    Value v = Value::object();
    v["nat"] = nat.config().name;
    v["id"] = r.id;
    v["proto"] = to_string(r.proto);
    v["external"] = to_string(nat.config().outside) + ":" +
                    (r.external.lo == r.external.hi
                         ? std::to_string(r.external.lo)
                         : std::to_string(r.external.lo) + "-" + std::to_string(r.external.hi));
    v["internal"] = describe(r).substr(describe(r).find("-> ") + 3);
    v["origin"] = to_string(r.origin);
    v["expires_in"] =
        r.expires_at ? Value(static_cast<long long>((*r.expires_at - nat.now()) / sim::kSecond))
                     : Value();
    out.push_back(std::move(v));
  }
}

// Default TCP flags for packets the scenario leaves unflagged: a SYN opens
// a conversation, the first answer to a lone SYN is a SYN+ACK, and
// everything after is an ACK. Conversations are keyed by the two endpoints
// as the hosts see them.
class TcpConversations {
 public:
  uint8_t flags_for(const Packet& p) const {
    auto it = last_.find(key(p));
    if (it == last_.end()) return kSyn;
    const Last& last = it->second;
    if (last.flags == kSyn && last.src != p.src) return kSyn | kAck;
    return kAck;
  }
  void saw(const Packet& p) {
    if (p.proto == net::Transport::Tcp) last_[key(p)] = {p.src, p.tcp_flags};
  }

 private:
  struct Last {
    net::Endpoint src;
    uint8_t flags;
  };
  using Key = std::tuple<uint64_t, uint64_t>;
  static uint64_t packed(const net::Endpoint& e) { return uint64_t{e.addr.bits} << 16 | e.port; }
  static Key key(const Packet& p) {
    uint64_t a = packed(p.src), b = packed(p.dst);
    return a < b ? Key{a, b} : Key{b, a};
  }
  std::map<Key, Last> last_;
};

Value delivery_json(const Delivery& d, const Trace& t) {
  Value v = Value::object();
  v["action"] = to_string(d.action);
  v["packet"] = packet_json(d.packet);
  v["reason"] = t.reason;
  v["steps"] = steps_json(t);
  return v;
}

}  // namespace

json::Value run_scenario(const Scenario& scenario, uint64_t seed) {
  Network network(scenario.topology, scenario.profile,
                  scenario.cgn_profile ? &*scenario.cgn_profile : nullptr, seed);
  for (const ForwardRule& rule : scenario.forwards) {
    // Already validated by the parser, so adding cannot fail.
    network.router().forwards().add(rule, scenario.topology.lan);
  }
  TcpConversations tcp;
  Value results = Value::array();
  int index = 0;
  for (const ScenarioEvent& event : scenario.events) {
    Value r = Value::object();
    r["event"] = index++;
    r["time"] = seconds_value(network.clock().now());
    Trace trace;
    switch (event.kind) {
      case ScenarioEvent::Kind::Send: {
        Packet p = event.packet;
        if (p.proto == net::Transport::Tcp && p.tcp_flags == 0) p.tcp_flags = tcp.flags_for(p);
        tcp.saw(p);
        Delivery d = network.send(p, &trace);
        if (d.action != Action::Dropped) tcp.saw(d.packet);
        Value v = delivery_json(d, trace);
        for (auto& m : v.members()) r[m.first] = m.second;
        r["sent"] = packet_json(p);
        if (event.reply && d.action != Action::Dropped) {
          Trace back;
          Delivery a = network.answer(p, d, &back);
          Packet answer_sent{p.proto, d.packet.dst, d.packet.src, 0};
          tcp.saw(answer_sent);
          if (a.action != Action::Dropped) tcp.saw(a.packet);
          r["reply"] = delivery_json(a, back);
        }
        break;
      }
      case ScenarioEvent::Kind::Advance: {
        network.advance(event.advance, &trace);
        r["action"] = "advanced";
        r["by"] = seconds_value(event.advance);
        r["reason"] = trace.reason;
        r["steps"] = steps_json(trace);
        break;
      }
      case ScenarioEvent::Kind::Request: {
        RequestOutcome o = network.request(event.request, &trace);
        r["action"] = !o.grant.granted ? "refused" : o.grant.deleted ? "deleted" : "granted";
        r["protocol"] = to_string(event.request.protocol);
        if (o.grant.granted && !o.grant.deleted) {
          Value m = Value::object();
          m["proto"] = to_string(event.request.proto);
          m["internal"] = to_string(o.grant.internal);
          m["external"] = to_string(o.grant.external);
          m["lease"] = o.grant.lease ? seconds_value(*o.grant.lease) : Value();
          m["renewed"] = o.grant.renewed;
          r["mapping"] = std::move(m);
          r["reachable_from_internet"] = o.reachable;
          r["public"] = o.reachable ? Value(to_string(o.public_endpoint)) : Value();
        }
        r["reason"] = trace.reason;
        r["steps"] = steps_json(trace);
        break;
      }
    }
    results.push_back(std::move(r));
  }
  Value report = Value::object();
  report["profile"] = profile_json(scenario.profile);
  if (scenario.cgn_profile) report["cgn_profile"] = profile_json(*scenario.cgn_profile);
  report["seed"] = static_cast<unsigned long long>(seed);
  report["clock"] = seconds_value(network.clock().now());
  report["results"] = std::move(results);
  Value table = Value::array();
  table_json(network.router(), table);
  if (network.cgn()) table_json(*network.cgn(), table);
  report["table"] = std::move(table);
  Value forwards = Value::array();
  forwards_json(network.router(), forwards);
  if (network.cgn()) forwards_json(*network.cgn(), forwards);
  report["forwards"] = std::move(forwards);
  return report;
}

}  // namespace portlab::nat
