// The judges of the NAT Lab's goals: the timeline's packets, a probe from
// the internet with the router as it is now, the NAT table and the lab's
// own challenge.
#include "core/activity/goal_judges.h"

namespace portlab::activity {
namespace {

Verdict judge_event(const Goal& g, const labs::NatLab& lab) {
  const auto& records = lab.records();
  const size_t n = static_cast<size_t>(g.event);
  if (records.size() < n)
    return {false, "The timeline is at event " + std::to_string(records.size()) + " of " +
                       std::to_string(lab.event_count()) + "; event " + std::to_string(g.event) +
                       " has not happened yet."};
  const labs::NatEventRecord& r = records[n - 1];
  if (r.packets.empty()) return {false, "Event " + std::to_string(g.event) + " sends no packet: " + r.summary};
  const labs::NatPacket& p = r.packets.front();
  const bool dropped = p.action == nat::Action::Dropped;
  bool met = g.word == Goal::Word::Dropped ? dropped : !dropped;
  if (met && g.at && p.after.dst != *g.at) met = false;
  std::string said = p.reason;
  if (!dropped && g.at && p.after.dst != *g.at)
    said += " It arrived at " + net::to_string(p.after.dst) + ", not " + net::to_string(*g.at) + ".";
  return {met, said};
}

Verdict judge_reachable(const Goal& g, const labs::NatLab& lab) {
  const labs::NatPacket p = lab.probe_inbound(g.from, g.to.port, g.proto.value_or(net::Transport::Tcp));
  const bool met = p.action == nat::Action::Delivered && p.after.dst == g.to;
  std::string said = "A new packet " + nat::describe(p.before) + ": " + p.reason;
  if (p.action == nat::Action::Delivered && p.after.dst != g.to)
    said += " It arrived at " + net::to_string(p.after.dst) + ", not " + net::to_string(g.to) + ".";
  return {met, said};
}

bool row_matches(const Goal& g, const labs::NatTableRow& row) {
  if (g.proto && row.proto != net::to_string(*g.proto)) return false;
  const auto inside = net::parse_endpoint(row.inside);
  const auto outside = net::parse_endpoint(row.outside);
  if (!inside.ok() || !outside.ok()) return false;
  if (g.inside_addr && inside.value->addr != *g.inside_addr) return false;
  if (g.inside_port && inside.value->port != *g.inside_port) return false;
  switch (g.outside) {
    case Goal::Outside::Any: return true;
    case Goal::Outside::Number: return outside.value->port == g.outside_port;
    case Goal::Outside::Same: return outside.value->port == inside.value->port;
    case Goal::Outside::Other: return outside.value->port != inside.value->port;
  }
  return true;
}

std::string describe_row(const labs::NatTableRow& row) {
  return "The " + row.nat + " maps " + row.proto + " " + row.inside + " to " + row.outside + " (remote " +
         row.remote + ", " + row.state + ").";
}

Verdict judge_mapping(const Goal& g, const labs::NatLab& lab) {
  const auto& table = lab.table();
  for (auto it = table.rbegin(); it != table.rend(); ++it)
    if (row_matches(g, *it)) return {true, describe_row(*it)};
  if (table.empty()) return {false, "The NAT table is empty."};
  return {false, "No row of the NAT table matches; the newest: " + describe_row(table.back())};
}

Verdict judge_challenge(const labs::NatLab& lab) {
  const labs::NatChallenge* c = lab.challenge();
  if (!c) return {false, "This NAT Lab setup has no challenge."};
  return {c->solved, c->engine_showed};
}

}  // namespace

Verdict judge_nat(const Goal& g, const labs::NatLab& lab) {
  switch (g.word) {
    case Goal::Word::Delivered:
    case Goal::Word::Dropped: return judge_event(g, lab);
    case Goal::Word::Reachable: return judge_reachable(g, lab);
    case Goal::Word::Mapping: return judge_mapping(g, lab);
    case Goal::Word::ChallengeSolved: return judge_challenge(lab);
    default: return {false, ""};
  }
}

}  // namespace portlab::activity
