#include "core/activity/activity_syntax.h"

#include <cctype>
#include <map>
#include <sstream>

#include "core/ports/os_profile.h"
#include "core/text.h"

namespace portlab::activity {
namespace {

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

bool is_errno_name(const std::string& s) {
  if (s.size() < 3 || s[0] != 'E') return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

// The goal words and the labs they fit, for messages.
const char* lab_of_word(const std::string& word) {
  if (word == "bind") return "bind";
  if (word == "call" || word == "sockets") return "ephemeral or port-map";
  if (word == "delivered" || word == "dropped" || word == "reachable" || word == "mapping" ||
      word == "challenge")
    return "nat";
  return nullptr;
}

bool word_fits(const std::string& word, LabKind lab) {
  if (word == "answer") return true;
  if (word == "bind") return lab == LabKind::Bind;
  if (word == "call" || word == "sockets") return lab == LabKind::Ephemeral;
  return lab == LabKind::Nat;
}

// key=value settings after a goal's fixed words; the first problem, or "".
std::string read_settings(const std::vector<std::string>& words, size_t from,
                          const std::vector<std::string>& known, const std::string& what,
                          std::map<std::string, std::string>& out) {
  for (size_t i = from; i < words.size(); ++i) {
    const std::string& w = words[i];
    const size_t eq = w.find('=');
    std::string known_list = text::join(known, ", ");
    if (eq == std::string::npos || eq == 0 || eq + 1 == w.size())
      return "'" + w + "' is not a setting like " + known.front() + "=... for " + what + " (known: " +
             known_list + ")";
    const std::string key = w.substr(0, eq);
    bool ok = false;
    for (const std::string& k : known) ok |= k == key;
    if (!ok) return "unknown setting '" + key + "' for " + what + " (known: " + known_list + ")";
    if (out.count(key)) return "'" + key + "' is given twice";
    out[key] = w.substr(eq + 1);
  }
  return "";
}

std::string read_range(const std::string& text, PortRange& out) {
  const size_t dash = text.find('-');
  if (dash == std::string::npos) {
    auto p = net::parse_port(text);
    if (!p.ok()) return p.error;
    out = {*p.value, *p.value};
    return "";
  }
  auto lo = net::parse_port(text.substr(0, dash)), hi = net::parse_port(text.substr(dash + 1));
  if (!lo.ok()) return lo.error;
  if (!hi.ok()) return hi.error;
  if (*lo.value > *hi.value) return "range '" + text + "' ends below where it starts";
  out = {*lo.value, *hi.value};
  return "";
}

std::string read_yes_no(const std::string& key, const std::string& text, std::optional<bool>& out) {
  if (text == "yes") out = true;
  else if (text == "no") out = false;
  else return key + "=" + text + ": write yes or no";
  return "";
}

std::string read_tcp_udp(const std::string& text, std::optional<net::Transport>& out) {
  if (text == "tcp") out = net::Transport::Tcp;
  else if (text == "udp") out = net::Transport::Udp;
  else return "proto=" + text + ": write tcp or udp";
  return "";
}

std::string read_count(const std::string& key, const std::string& text, int lo, int& out) {
  auto n = net::parse_integer(text, lo, 1000000);
  if (!n.ok()) return key + "=" + text + ": " + n.error;
  out = static_cast<int>(*n.value);
  return "";
}

std::string read_bind(const std::vector<std::string>& w, Goal& g) {
  const std::string usage = "write 'bind ok [FILTERS]' or 'bind fails ERRNO [FILTERS]'";
  if (w.size() < 2) return usage;
  size_t from = 2;
  if (w[1] == "ok") {
    g.word = Goal::Word::BindOk;
  } else if (w[1] == "fails") {
    g.word = Goal::Word::BindFails;
    if (w.size() < 3 || !is_errno_name(w[2])) return "'bind fails' needs an errno name such as EACCES";
    g.error_name = w[2];
    from = 3;
  } else {
    return usage;
  }
  std::map<std::string, std::string> s;
  std::string problem =
      read_settings(w, from, {"port", "addr", "proto", "uid", "root", "cap", "os"}, "a bind goal", s);
  if (!problem.empty()) return problem;
  for (const auto& [key, value] : s) {
    if (key == "port") {
      PortRange r;
      problem = read_range(value, r);
      g.port = r;
    } else if (key == "addr") {
      auto a = net::parse_ipv4(value);
      if (!a.ok()) problem = a.error;
      else g.addr = *a.value;
    } else if (key == "proto") {
      problem = read_tcp_udp(value, g.proto);
    } else if (key == "uid") {
      auto n = net::parse_integer(value, 0, 4294967295LL);
      if (!n.ok()) problem = n.error;
      else g.uid = static_cast<uint32_t>(*n.value);
    } else if (key == "root") {
      problem = read_yes_no(key, value, g.root);
    } else if (key == "cap") {
      problem = read_yes_no(key, value, g.cap);
    } else if (key == "os") {
      const ports::OsProfile* os = ports::find_os_profile(value);
      if (!os) problem = "'" + value + "' is not an OS profile (" + ports::os_profile_keys() + ")";
      else g.os = os->key;
    }
    if (!problem.empty()) return key == "port" || key == "addr" || key == "uid" ? key + ": " + problem : problem;
  }
  return "";
}

std::string read_mode(const std::string& text, Goal& g) {
  if (text == "connect") g.mode = labs::EphemeralMode::Connect;
  else if (text == "bind0") g.mode = labs::EphemeralMode::BindZero;
  else if (text == "udp") g.mode = labs::EphemeralMode::Udp;
  else return "mode=" + text + ": write connect, bind0 or udp";
  return "";
}

std::string read_call(const std::vector<std::string>& w, Goal& g) {
  const std::string usage = "write 'call ok [mode=M] [count=N] [port=LO-HI]' or 'call fails ERRNO [mode=M]'";
  if (w.size() < 2) return usage;
  std::map<std::string, std::string> s;
  std::string problem;
  if (w[1] == "ok") {
    g.word = Goal::Word::CallOk;
    problem = read_settings(w, 2, {"mode", "count", "port"}, "a call goal", s);
  } else if (w[1] == "fails") {
    g.word = Goal::Word::CallFails;
    if (w.size() < 3 || !is_errno_name(w[2])) return "'call fails' needs an errno name such as EADDRNOTAVAIL";
    g.error_name = w[2];
    problem = read_settings(w, 3, {"mode"}, "a failed call goal", s);
  } else {
    return usage;
  }
  if (!problem.empty()) return problem;
  for (const auto& [key, value] : s) {
    if (key == "mode") problem = read_mode(value, g);
    else if (key == "count") problem = read_count(key, value, 1, g.count);
    else if (key == "port") {
      PortRange r;
      problem = read_range(value, r);
      if (!problem.empty()) problem = "port: " + problem;
      g.port = r;
    }
    if (!problem.empty()) return problem;
  }
  return "";
}

std::string read_sockets(const std::vector<std::string>& w, Goal& g) {
  const std::string usage = "write 'sockets STATE N' (STATE: bound, listening, connected, timewait)";
  if (w.size() != 3) return usage;
  g.word = Goal::Word::Sockets;
  if (w[1] == "bound") g.state = host::SocketState::Bound;
  else if (w[1] == "listening") g.state = host::SocketState::Listening;
  else if (w[1] == "connected") g.state = host::SocketState::Connected;
  else if (w[1] == "timewait") g.state = host::SocketState::TimeWait;
  else return "'" + w[1] + "' is not a socket state; " + usage;
  auto n = net::parse_integer(w[2], 1, 1000000);
  if (!n.ok()) return "sockets " + w[1] + ": " + n.error;
  g.sockets = static_cast<int>(*n.value);
  return "";
}

std::string read_event_goal(const std::vector<std::string>& w, Goal& g) {
  const bool delivered = w[0] == "delivered";
  g.word = delivered ? Goal::Word::Delivered : Goal::Word::Dropped;
  std::map<std::string, std::string> s;
  std::vector<std::string> known{"event"};
  if (delivered) known.push_back("at");
  std::string problem = read_settings(w, 1, known, "a " + w[0] + " goal", s);
  if (!problem.empty()) return problem;
  if (!s.count("event")) return "'" + w[0] + "' needs event=N (the timeline's event, counted from 1)";
  problem = read_count("event", s["event"], 1, g.event);
  if (!problem.empty()) return problem;
  if (s.count("at")) {
    auto e = net::parse_endpoint(s["at"]);
    if (!e.ok()) return "at: " + e.error;
    g.at = *e.value;
  }
  return "";
}

std::string read_reachable(const std::vector<std::string>& w, Goal& g) {
  g.word = Goal::Word::Reachable;
  std::map<std::string, std::string> s;
  std::string problem = read_settings(w, 1, {"from", "to", "proto"}, "a reachable goal", s);
  if (!problem.empty()) return problem;
  if (!s.count("from") || !s.count("to")) return "write 'reachable from=IP to=IP:PORT [proto=tcp|udp]'";
  if (s["from"].find(':') != std::string::npos) {
    auto e = net::parse_endpoint(s["from"]);
    if (!e.ok()) return "from: " + e.error;
    g.from = *e.value;
  } else {
    auto a = net::parse_ipv4(s["from"]);
    if (!a.ok()) return "from: " + a.error;
    g.from = {*a.value, 0};
  }
  auto to = net::parse_endpoint(s["to"]);
  if (!to.ok()) return "to: " + to.error;
  g.to = *to.value;
  g.proto = net::Transport::Tcp;
  if (s.count("proto")) return read_tcp_udp(s["proto"], g.proto);
  return "";
}

std::string read_mapping(const std::vector<std::string>& w, Goal& g) {
  g.word = Goal::Word::Mapping;
  std::map<std::string, std::string> s;
  std::string problem = read_settings(w, 1, {"inside", "outside-port", "proto"}, "a mapping goal", s);
  if (!problem.empty()) return problem;
  if (s.count("inside")) {
    const std::string& v = s["inside"];
    if (v.find(':') != std::string::npos) {
      auto e = net::parse_endpoint(v);
      if (!e.ok()) return "inside: " + e.error;
      g.inside_addr = e.value->addr;
      g.inside_port = e.value->port;
    } else {
      auto a = net::parse_ipv4(v);
      if (!a.ok()) return "inside: " + a.error;
      g.inside_addr = *a.value;
    }
  }
  if (s.count("outside-port")) {
    const std::string& v = s["outside-port"];
    if (v == "same") {
      g.outside = Goal::Outside::Same;
    } else if (v == "other") {
      g.outside = Goal::Outside::Other;
    } else {
      auto p = net::parse_port(v);
      if (!p.ok()) return "outside-port=" + v + ": write a port, same or other";
      g.outside = Goal::Outside::Number;
      g.outside_port = *p.value;
    }
  }
  if (s.count("proto")) return read_tcp_udp(s["proto"], g.proto);
  return "";
}

std::string read_answer(const std::string& text, Goal& g) {
  g.word = Goal::Word::Answer;
  const size_t start = text.find("answer") + 6;
  std::string rest = text.substr(start);
  size_t from = 0;
  while (from <= rest.size()) {
    size_t bar = rest.find('|', from);
    if (bar == std::string::npos) bar = rest.size();
    std::string value(text::trim(std::string_view(rest).substr(from, bar - from)));
    if (!value.empty()) g.answers.push_back(value);
    from = bar + 1;
  }
  return g.answers.empty() ? "'answer' needs the value the learner must type (several: a | b)" : "";
}

}  // namespace

LabKind lab_kind(const std::string& lab) {
  if (lab == "bind") return LabKind::Bind;
  if (lab == "ephemeral" || lab == "port-map") return LabKind::Ephemeral;
  if (lab == "nat") return LabKind::Nat;
  if (lab == "port-explorer") return LabKind::Explorer;
  return LabKind::Unknown;
}

GoalRead read_goal(const std::string& lab, const std::string& text) {
  const std::vector<std::string> w = words_of(text);
  if (w.empty()) return {std::nullopt, "a goal needs words (see docs/lesson-format.md)"};
  const std::string& word = w[0];
  const bool known = word == "answer" || lab_of_word(word);
  if (!known)
    return {std::nullopt, "unknown goal word '" + word +
                              "' (known: bind, call, sockets, delivered, dropped, reachable, mapping, "
                              "challenge, answer)"};
  if (!word_fits(word, lab_kind(lab)))
    return {std::nullopt, "a '" + word + "' goal belongs in lab: " + lab_of_word(word) + ", not lab: " + lab};
  Goal g;
  std::string problem;
  if (word == "bind") problem = read_bind(w, g);
  else if (word == "call") problem = read_call(w, g);
  else if (word == "sockets") problem = read_sockets(w, g);
  else if (word == "delivered" || word == "dropped") problem = read_event_goal(w, g);
  else if (word == "reachable") problem = read_reachable(w, g);
  else if (word == "mapping") problem = read_mapping(w, g);
  else if (word == "challenge") {
    g.word = Goal::Word::ChallengeSolved;
    if (w.size() != 2 || w[1] != "solved") problem = "write 'challenge solved'";
  } else {
    problem = read_answer(text, g);
  }
  if (!problem.empty()) return {std::nullopt, problem};
  return {g, ""};
}

std::optional<PredictKind> read_predict_kind(const std::string& word) {
  for (PredictKind k : {PredictKind::Errno, PredictKind::Port, PredictKind::Connections,
                        PredictKind::PublicPort, PredictKind::Delivered})
    if (word == to_string(k)) return k;
  return std::nullopt;
}

std::string predict_fits(PredictKind kind, const std::string& lab) {
  const LabKind l = lab_kind(lab);
  switch (kind) {
    case PredictKind::Errno:
    case PredictKind::Port:
      if (l == LabKind::Bind || l == LabKind::Ephemeral) return "";
      return std::string("predict: ") + to_string(kind) + " belongs in lab: bind, ephemeral or port-map";
    case PredictKind::Connections:
      if (l == LabKind::Ephemeral) return "";
      return "predict: connections belongs in lab: ephemeral or port-map";
    case PredictKind::PublicPort:
    case PredictKind::Delivered:
      if (l == LabKind::Nat) return "";
      return std::string("predict: ") + to_string(kind) + " belongs in lab: nat";
  }
  return "";
}

std::string fold(const std::string& text) {
  std::string s(text::trim(text));
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string normal_answer(PredictKind kind, const std::string& text) {
  const std::string s = fold(text);
  switch (kind) {
    case PredictKind::Errno: {
      if (s == "ok" || s == "success" || s == "0") return "OK";
      std::string upper = s;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return is_errno_name(upper) ? upper : "";
    }
    case PredictKind::Port:
    case PredictKind::Connections:
    case PredictKind::PublicPort: {
      auto n = net::parse_integer(s, 0, 1000000000);
      return n.ok() ? std::to_string(*n.value) : "";
    }
    case PredictKind::Delivered:
      if (s == "yes" || s == "no") return s;
      return "";
  }
  return "";
}

}  // namespace portlab::activity
