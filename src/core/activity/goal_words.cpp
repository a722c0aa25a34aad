#include "core/activity/goal_words.h"

#include <vector>

#include "core/activity/activity_syntax.h"
#include "core/ports/os_profile.h"

namespace portlab::activity {
namespace {

std::string upper_proto(net::Transport t) { return t == net::Transport::Udp ? "UDP" : "TCP"; }

std::string address_words(net::Ipv4 a) {
  return net::to_string(a) + (a.is_wildcard() ? " (every local address)" : "");
}

// "port 80", "a port from 1 to 1023"; with a protocol "TCP port 80".
std::string port_words(const std::optional<PortRange>& port, const std::optional<net::Transport>& proto) {
  const std::string p = proto ? upper_proto(*proto) + " " : "";
  if (!port) return "a " + p + "port";
  if (port->lo == port->hi) return p + "port " + std::to_string(port->lo);
  return "a " + p + "port from " + std::to_string(port->lo) + " to " + std::to_string(port->hi);
}

// Where a bind goal binds: "on TCP port 80 of 127.0.0.1"; "" when the goal
// does not say.
std::string bind_where(const Goal& g) {
  if (!g.port && !g.proto && !g.addr) return "";
  if (!g.port && !g.proto) return "on address " + address_words(*g.addr);
  return "on " + port_words(g.port, g.proto) + (g.addr ? " of " + address_words(*g.addr) : "");
}

// Who binds: "as uid 1000", "as root".
std::vector<std::string> bind_who(const Goal& g) {
  std::vector<std::string> who;
  if (g.uid && g.root) who.push_back("as uid " + std::to_string(*g.uid) + (*g.root ? " (root)" : " (not root)"));
  else if (g.uid) who.push_back("as uid " + std::to_string(*g.uid));
  else if (g.root) who.push_back(*g.root ? "as root" : "as a user other than root");
  return who;
}

// What else holds, each led by its word: "without CAP_NET_BIND_SERVICE",
// "on Linux" (the OS profile's name for people).
std::vector<std::string> bind_extras(const Goal& g) {
  std::vector<std::string> extras;
  if (g.cap) extras.push_back(std::string(*g.cap ? "with" : "without") + " CAP_NET_BIND_SERVICE");
  if (!g.os.empty()) {
    const ports::OsProfile* os = ports::find_os_profile(g.os);
    extras.push_back("on " + std::string(os ? os->name : g.os.c_str()));
  }
  return extras;
}

// The sentence's tail: the who after a space, then each extra after a
// comma, so the clauses stay apart ("on port 80 as uid 1000, without
// CAP_NET_BIND_SERVICE, on Linux"); only a bare head ("Make bind()
// succeed") takes its first extra without one.
std::string tail(const std::string& head, bool bare, const std::vector<std::string>& who,
                 const std::vector<std::string>& extras) {
  std::string s = head;
  for (const std::string& w : who) s += " " + w;
  bool plain = bare && who.empty();
  for (const std::string& e : extras) {
    s += (plain ? " " : ", ") + e;
    plain = false;
  }
  return s + ".";
}

std::string bind_words(const Goal& g) {
  const std::string where = bind_where(g);
  if (g.word == Goal::Word::BindOk)
    return tail("Make bind() succeed" + (where.empty() ? "" : " " + where), where.empty(), bind_who(g),
                bind_extras(g));
  // Who tries goes before the failure, which stays next to its errno:
  // "Make bind() on port 443 as uid 1000 fail with EACCES".
  std::string head = "Make bind()" + (where.empty() ? "" : " " + where);
  for (const std::string& w : bind_who(g)) head += " " + w;
  return tail(head + " fail with " + g.error_name, false, {}, bind_extras(g));
}

std::string call_name(const Goal& g) {
  if (!g.mode) return "call";
  switch (*g.mode) {
    case labs::EphemeralMode::Connect: return "connect() call";
    case labs::EphemeralMode::BindZero: return "bind(0) call";
    case labs::EphemeralMode::Udp: return "UDP sendto() call";
  }
  return "call";
}

std::string call_words(const Goal& g) {
  if (g.word == Goal::Word::CallFails) return "Make a " + call_name(g) + " fail with " + g.error_name + ".";
  const bool one = g.count == 1;
  std::string s = "Make " + (one ? "a " + call_name(g) : std::to_string(g.count) + " " + call_name(g) + "s") +
                  " succeed";
  if (g.port) {
    if (g.port->lo == g.port->hi) s += " with local port " + std::to_string(g.port->lo);
    else
      s += std::string(one ? " with a local port" : " with local ports") + " from " + std::to_string(g.port->lo) +
           " to " + std::to_string(g.port->hi);
  }
  return s + ".";
}

std::string sockets_words(const Goal& g) {
  const bool one = g.sockets == 1;
  const std::string n = one ? "a" : "at least " + std::to_string(g.sockets);
  const std::string socket = one ? "socket" : "sockets";
  switch (g.state) {
    case host::SocketState::TimeWait: return "Have " + n + " " + socket + " in TIME_WAIT.";
    case host::SocketState::Bound: return "Have " + n + " bound " + socket + ".";
    case host::SocketState::Listening: return "Have " + n + " listening " + socket + ".";
    case host::SocketState::Connected: return "Have " + n + " connected " + socket + ".";
    case host::SocketState::Unbound: return "Have " + n + " unbound " + socket + ".";
  }
  return "";
}

std::string reachable_words(const Goal& g) {
  std::string from = net::to_string(g.from.addr);
  if (g.from.port) from = "port " + std::to_string(g.from.port) + " of " + from;
  return "Make " + upper_proto(g.proto.value_or(net::Transport::Tcp)) + " port " + std::to_string(g.to.port) +
         " of " + net::to_string(g.to.addr) + " reachable from " + from + " on the internet.";
}

std::string mapping_words(const Goal& g) {
  std::string s = std::string("Get a ") + (g.proto ? upper_proto(*g.proto) + " " : "") + "NAT mapping";
  if (g.inside_addr && g.inside_port) s += " for " + net::to_string(net::Endpoint{*g.inside_addr, *g.inside_port});
  else if (g.inside_addr) s += " for " + net::to_string(*g.inside_addr);
  switch (g.outside) {
    case Goal::Outside::Any: break;
    case Goal::Outside::Number: s += " with public port " + std::to_string(g.outside_port); break;
    case Goal::Outside::Same: s += " whose public port is the same as the private one"; break;
    case Goal::Outside::Other: s += " whose public port differs from the private one"; break;
  }
  return s + ".";
}

std::string words(const Goal& g) {
  switch (g.word) {
    case Goal::Word::BindOk:
    case Goal::Word::BindFails: return bind_words(g);
    case Goal::Word::CallOk:
    case Goal::Word::CallFails: return call_words(g);
    case Goal::Word::Sockets: return sockets_words(g);
    case Goal::Word::Delivered:
      return "Get the packet of event " + std::to_string(g.event) + " delivered" +
             (g.at ? " to " + net::to_string(*g.at) : "") + ".";
    case Goal::Word::Dropped: return "Have the packet of event " + std::to_string(g.event) + " dropped.";
    case Goal::Word::Reachable: return reachable_words(g);
    case Goal::Word::Mapping: return mapping_words(g);
    case Goal::Word::ChallengeSolved: return "Solve the challenge.";
    // The values are what the learner must find: never said.
    case Goal::Word::Answer: return "Find the value and type it as your answer.";
  }
  return "";
}

}  // namespace

std::string goal_in_words(const std::string& goal_line) {
  // The line carries no lab: each goal word fits one lab (answer fits all),
  // so the first lab that reads it reads it as its activity would.
  for (const char* lab : {"bind", "ephemeral", "nat"}) {
    const GoalRead read = read_goal(lab, goal_line);
    if (read.goal) return words(*read.goal);
  }
  return goal_line;
}

}  // namespace portlab::activity
