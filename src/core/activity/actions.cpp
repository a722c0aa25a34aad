// The activity actions (activity.h's top comment): what a solution, a
// prediction's run or a setup link's `do=` items do in a lab. Each action is
// read by one function that also does it, so checking a line at load
// (check_action) and doing it (perform) can never disagree: with no labs it
// only reads. Every action goes through the lab's own commands, the ones
// the lab screen's buttons call.
#include <cctype>
#include <functional>

#include "core/activity/activity.h"
#include "core/activity/activity_syntax.h"
#include "core/labs/host_setup.h"
#include "core/nat/profile.h"
#include "core/text.h"

namespace portlab::activity {

namespace {

// Calls at most one action may make (a preset's `count` has the same bound).
constexpr long long kMaxOpen = 100000;
// Longest wait, in seconds: far beyond any TIME_WAIT, small enough for ms.
constexpr long long kMaxWaitSeconds = 10000000;
constexpr long long kMaxSteps = 10000;

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    if (text::is_space(c)) {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// What follows the first word, trimmed ("sysctl net.x=1 2" -> "net.x=1 2").
std::string rest_after_word(const std::string& text) {
  const std::string_view t = text::trim(text);
  size_t i = 0;
  while (i < t.size() && !text::is_space(t[i])) ++i;
  return std::string(text::trim(t.substr(i)));
}

// An action read: `run` does it (with labs), or nothing is done (checking).
struct Read {
  std::string error;
  std::function<std::string()> run;
};

Read fail(std::string why) { return {std::move(why), nullptr}; }

std::string quoted(const std::string& s) { return "'" + s + "'"; }

// Exactly `n` arguments after the word.
std::string arity(const std::vector<std::string>& w, size_t n, const char* form) {
  if (w.size() == n + 1) return "";
  return std::string("write ") + form;
}

std::string sysctl_problem(const std::string& item) {
  const size_t eq = item.find('=');
  if (item.empty() || eq == std::string::npos || eq == 0 || eq + 1 == item.size())
    return "write sysctl NAME=VALUE, e.g. sysctl net.ipv4.ip_unprivileged_port_start=80";
  return "";
}

std::string range_problem(const std::string& text) {
  const size_t dash = text.find('-');
  if (dash == std::string::npos) return quoted(text) + " is not LO-HI like 40000-40003";
  const net::Parsed<uint16_t> lo = net::parse_port(text.substr(0, dash));
  if (!lo.ok()) return lo.error;
  const net::Parsed<uint16_t> hi = net::parse_port(text.substr(dash + 1));
  if (!hi.ok()) return hi.error;
  if (*hi.value < *lo.value) return quoted(text) + " ends below where it starts";
  return "";
}

std::string endpoint_problem(const std::string& text, net::Endpoint& out) {
  const net::Parsed<net::Endpoint> e = net::parse_endpoint(text);
  if (!e.ok()) return e.error;
  if (e.value->port == 0) return quoted(text) + " has port 0, which nobody listens on";
  out = *e.value;
  return "";
}

// SECONDS with at most three decimals, as whole milliseconds.
std::string seconds_problem(const std::string& text, sim::Millis& ms) {
  const std::string bad = quoted(text) + " is not a number of seconds like 60 or 0.5 (at most three decimals)";
  const size_t dot = text.find('.');
  const std::string whole = text.substr(0, dot);
  const std::string frac = dot == std::string::npos ? "" : text.substr(dot + 1);
  if (whole.empty() || whole.size() > 9 || frac.size() > 3 || (dot != std::string::npos && frac.empty()))
    return bad;
  for (char c : whole + frac)
    if (c < '0' || c > '9') return bad;
  long long value = std::stoll(whole) * 1000;
  if (!frac.empty()) value += std::stoll(frac + std::string(3 - frac.size(), '0'));
  if (value <= 0) return "wait needs a time above 0 s";
  if (value > kMaxWaitSeconds * 1000) return "wait takes at most " + std::to_string(kMaxWaitSeconds) + " s";
  ms = value;
  return "";
}

// sysctl NAME=VALUE means the same in both labs that simulate one host.
template <typename HostLab>
Read read_sysctl(const std::string& text, HostLab* lab) {
  const std::string item = rest_after_word(text);
  if (std::string e = sysctl_problem(item); !e.empty()) return fail(e);
  return {"", [lab, item] {
            const size_t eq = item.find('=');
            return lab->set_sysctl(item.substr(0, eq), item.substr(eq + 1));
          }};
}

std::string unknown_word(const std::string& word, const char* lab, const char* words) {
  return quoted(word) + " is not an action of the " + lab + " (" + words + ", answer)";
}

// --- Bind Lab --------------------------------------------------------------

Read read_bind(const std::vector<std::string>& w, const std::string& text, labs::BindLab* lab) {
  const std::string& word = w[0];
  if (word == "os") {
    if (std::string e = arity(w, 1, "os KEY"); !e.empty()) return fail(e);
    if (!labs::find_os(w[1])) return fail(labs::os_error(w[1]));
    // Sockets that cannot exist on the new system are dropped, as on the
    // lab screen: a change, not a refusal.
    return {"", [lab, key = w[1]] { lab->set_os(key); return std::string(); }};
  }
  if (word == "uid") {
    if (std::string e = arity(w, 1, "uid N"); !e.empty()) return fail(e);
    const net::Parsed<long long> uid = net::parse_integer(w[1], 0, 4294967295LL);
    if (!uid.ok()) return fail("uid: " + uid.error);
    return {"", [lab, uid = static_cast<uint32_t>(*uid.value)] { lab->set_uid(uid); return std::string(); }};
  }
  if (word == "cap") {
    if (arity(w, 1, "").size() || (w[1] != "on" && w[1] != "off")) return fail("write cap on or cap off");
    return {"", [lab, on = w[1] == "on"] { return lab->set_capability(on); }};
  }
  if (word == "sysctl") return read_sysctl(text, lab);
  if (word == "existing") {
    if (std::string e = arity(w, 1, "existing ADDR:PORT/PROTO[:flags]"); !e.empty()) return fail(e);
    labs::ExistingSocket socket;
    if (std::string e = labs::parse_existing(w[1], 0, socket); !e.empty()) return fail(e);
    return {"", [lab, spec = w[1]] { return lab->add_existing(spec); }};
  }
  if (word == "bind") {
    if (w.size() < 2) return fail("write bind PORT [addr=A] [proto=tcp|udp] [reuseaddr] [reuseport] [keep]");
    const net::Parsed<long long> port = net::parse_integer(w[1], 0, 65535);
    if (!port.ok()) return fail("bind: " + port.error);
    labs::BindRequest request;
    request.port = static_cast<uint16_t>(*port.value);
    bool seen_addr = false, seen_proto = false;
    for (size_t i = 2; i < w.size(); ++i) {
      const std::string& option = w[i];
      auto twice = [&](bool& flag) {
        const bool again = flag;
        flag = true;
        return again;
      };
      if (text::starts_with(option, "addr=")) {
        const net::Parsed<net::Ipv4> addr = net::parse_ipv4(option.substr(5));
        if (!addr.ok()) return fail("bind: " + addr.error);
        if (twice(seen_addr)) return fail("bind: addr= is given twice");
        request.addr = *addr.value;
      } else if (text::starts_with(option, "proto=")) {
        const std::string proto = option.substr(6);
        if (proto != "tcp" && proto != "udp") return fail("bind: proto is tcp or udp, not " + quoted(proto));
        if (twice(seen_proto)) return fail("bind: proto= is given twice");
        request.transport = proto == "udp" ? net::Transport::Udp : net::Transport::Tcp;
      } else if (option == "reuseaddr") {
        if (twice(request.reuseaddr)) return fail("bind: reuseaddr is given twice");
      } else if (option == "reuseport") {
        if (twice(request.reuseport)) return fail("bind: reuseport is given twice");
      } else if (option == "keep") {
        if (twice(request.keep_open)) return fail("bind: keep is given twice");
      } else {
        return fail("bind: " + quoted(option) +
                    " is not addr=A, proto=tcp|udp, reuseaddr, reuseport or keep");
      }
    }
    // The form filled in as written, then Bind pressed: a failing bind() is
    // the lab's answer, recorded in its history, not a failed action.
    return {"", [lab, request] {
              lab->request() = request;
              lab->try_bind();
              return std::string();
            }};
  }
  return fail(unknown_word(word, "Bind Lab", "os, uid, cap, sysctl, existing, bind"));
}

// --- Ephemeral Lab ---------------------------------------------------------

std::optional<size_t> find_dest(const labs::EphemeralLab& lab, const net::Endpoint& e) {
  const std::vector<net::Endpoint>& dests = lab.destinations();
  for (size_t i = 0; i < dests.size(); ++i)
    if (dests[i] == e) return i;
  return std::nullopt;
}

std::string not_listed(const std::string& text) {
  return text + " is not in the list of servers (add it first: dest " + text + ")";
}

Read read_ephemeral(const std::vector<std::string>& w, const std::string& text, labs::EphemeralLab* lab) {
  const std::string& word = w[0];
  if (word == "os") {
    if (std::string e = arity(w, 1, "os KEY"); !e.empty()) return fail(e);
    if (!labs::find_os(w[1])) return fail(labs::os_error(w[1]));
    return {"", [lab, key = w[1]] { return lab->set_os(key); }};
  }
  if (word == "range") {
    if (std::string e = arity(w, 1, "range LO-HI"); !e.empty()) return fail(e);
    if (std::string e = range_problem(w[1]); !e.empty()) return fail("range: " + e);
    return {"", [lab, range = w[1]] { return lab->set_range(range); }};
  }
  if (word == "sysctl") return read_sysctl(text, lab);
  if (word == "mode") {
    if (arity(w, 1, "").size() || (w[1] != "connect" && w[1] != "bind0" && w[1] != "udp"))
      return fail("write mode connect, mode bind0 or mode udp");
    const labs::EphemeralMode mode = w[1] == "bind0" ? labs::EphemeralMode::BindZero
                                     : w[1] == "udp" ? labs::EphemeralMode::Udp
                                                     : labs::EphemeralMode::Connect;
    return {"", [lab, mode] { lab->set_mode(mode); return std::string(); }};
  }
  if (word == "algorithm") {
    if (std::string e = arity(w, 1, "algorithm default or algorithm rfc6056-N"); !e.empty()) return fail(e);
    std::optional<host::Rfc6056> algorithm;
    if (w[1] != "default") {
      if (std::string e = labs::parse_algorithm(w[1], algorithm); !e.empty())
        return fail("algorithm: " + e + " or default");
    }
    return {"", [lab, algorithm] { lab->set_algorithm(algorithm); return std::string(); }};
  }
  if (word == "dest" || word == "remove-dest" || word == "use") {
    const bool use = word == "use";
    const std::string form = word + " ADDR:PORT" + (use ? " or use all" : "");
    if (std::string e = arity(w, 1, form.c_str()); !e.empty()) return fail(e);
    if (use && w[1] == "all")
      return {"", [lab] { lab->select_destination(std::nullopt); return std::string(); }};
    net::Endpoint at;
    if (std::string e = endpoint_problem(w[1], at); !e.empty()) return fail(word + ": " + e);
    if (word == "dest") return {"", [lab, text = w[1]] { return lab->add_destination(text); }};
    if (use)
      return {"", [lab, at, text = w[1]] {
                const std::optional<size_t> i = find_dest(*lab, at);
                if (!i) return not_listed(text);
                lab->select_destination(i);
                return std::string();
              }};
    return {"", [lab, at, text = w[1]] {
              const std::optional<size_t> i = find_dest(*lab, at);
              if (!i) return not_listed(text);
              if (lab->destinations().size() == 1) return std::string("the last server cannot be removed");
              lab->remove_destination(*i);
              return std::string();
            }};
  }
  if (word == "seed") {
    if (std::string e = arity(w, 1, "seed N"); !e.empty()) return fail(e);
    const net::Parsed<long long> seed = net::parse_integer(w[1], 0, 999999999999999999LL);
    if (!seed.ok()) return fail("seed: " + seed.error);
    return {"", [lab, seed = static_cast<uint64_t>(*seed.value)] { lab->set_seed(seed); return std::string(); }};
  }
  if (word == "open") {
    if (std::string e = arity(w, 1, "open N"); !e.empty()) return fail(e);
    const net::Parsed<long long> n = net::parse_integer(w[1], 1, kMaxOpen);
    if (!n.ok()) return fail("open: " + n.error);
    // Calls that fail (EADDRNOTAVAIL) are the lab's answer, not a failure.
    return {"", [lab, n = static_cast<int>(*n.value)] { lab->open(n); return std::string(); }};
  }
  if (word == "close-all" || word == "reset") {
    if (w.size() != 1) return fail(word + " takes nothing after it");
    if (word == "reset") return {"", [lab] { lab->reset(); return std::string(); }};
    return {"", [lab] { lab->close_all(); return std::string(); }};
  }
  if (word == "wait") {
    if (std::string e = arity(w, 1, "wait SECONDS"); !e.empty()) return fail(e);
    sim::Millis ms = 0;
    if (std::string e = seconds_problem(w[1], ms); !e.empty()) return fail(e);
    return {"", [lab, ms] { lab->advance(ms); return std::string(); }};
  }
  return fail(unknown_word(word, "Ephemeral Lab",
                           "os, range, sysctl, mode, algorithm, dest, remove-dest, use, seed, open, "
                           "close-all, wait, reset"));
}

// --- NAT Lab ---------------------------------------------------------------

Read read_nat(const std::vector<std::string>& w, labs::NatLab* lab) {
  const std::string& word = w[0];
  // Every action leaves the lab at rest: the state a goal is judged on is
  // the final one, not an envelope half-way along the wire.
  const auto settled = [lab](std::string result) {
    lab->finish_animation();
    return result;
  };
  if (word == "profile" || word == "choose") {
    const std::string form = word + " KEY";
    if (std::string e = arity(w, 1, form.c_str()); !e.empty()) return fail(e);
    if (!nat::find_profile(w[1]))
      return fail("There is no NAT behaviour called " + quoted(w[1]) + "; use one of " + nat::profile_keys() + ".");
    if (word == "profile") return {"", [lab, settled, key = w[1]] { return settled(lab->set_profile(key)); }};
    return {"", [lab, settled, key = w[1]] {
              lab->choose(key);
              return settled("");
            }};
  }
  if (word == "forward") {
    if (std::string e = arity(w, 3, "forward tcp|udp|both EXT IP:PORT"); !e.empty()) return fail(e);
    labs::NatRuleInput rule;
    rule.proto = w[1];
    if (rule.proto != "tcp" && rule.proto != "udp" && rule.proto != "both")
      return fail("forward: the protocol is tcp, udp or both, not " + quoted(w[1]));
    const net::Parsed<long long> ext = net::parse_integer(w[2], 1, 65535);
    if (!ext.ok()) return fail("forward: the external port: " + ext.error);
    rule.external_port = static_cast<int>(*ext.value);
    net::Endpoint target;
    if (std::string e = endpoint_problem(w[3], target); !e.empty()) return fail("forward: " + e);
    rule.internal_address = net::to_string(target.addr);
    rule.internal_port = target.port;
    return {"", [lab, settled, rule] { return settled(lab->add_rule(rule)); }};
  }
  if (word == "step") {
    if (w.size() > 2) return fail("write step or step N");
    long long n = 1;
    if (w.size() == 2) {
      const net::Parsed<long long> parsed = net::parse_integer(w[1], 1, kMaxSteps);
      if (!parsed.ok()) return fail("step: " + parsed.error);
      n = *parsed.value;
    }
    return {"", [lab, settled, n] {
              const size_t left = lab->event_count() - lab->step();
              if (static_cast<size_t>(n) > left)
                return "The timeline has " + std::to_string(lab->event_count()) + " events and is at event " +
                       std::to_string(lab->step()) + ": it cannot go " + std::to_string(n) + " further.";
              for (long long i = 0; i < n; ++i) lab->step_forward();
              return settled("");
            }};
  }
  if (word == "run" || word == "back" || word == "restart" || word == "check") {
    if (w.size() != 1) return fail(word + " takes nothing after it");
    if (word == "run")
      return {"", [lab, settled] {
                while (lab->step_forward()) {
                }
                return settled("");
              }};
    if (word == "back")
      return {"", [lab, settled] {
                if (!lab->step_back()) return std::string("The timeline is at its start: there is no step back.");
                return settled("");
              }};
    if (word == "restart")
      return {"", [lab, settled] {
                lab->restart();
                return settled("");
              }};
    return {"", [lab, settled] {
              if (!lab->challenge()) return std::string("No challenge is open in the NAT Lab, so there is nothing to check.");
              lab->check();
              return settled("");
            }};
  }
  return fail(unknown_word(word, "NAT Lab", "profile, forward, step, run, back, restart, choose, check"));
}

// Reads an action; with `labs` given, the returned `run` does it.
Read read_action(const std::string& lab, const std::string& action, Labs* labs, Inputs* inputs) {
  const std::vector<std::string> w = split_words(action);
  if (w.empty()) return fail("an action needs words (see docs/lesson-format.md)");
  if (w[0] == "answer") {
    const std::string value = rest_after_word(action);
    if (value.empty()) return fail("write answer TEXT");
    return {"", [inputs, value] {
              inputs->answer = value;
              return std::string();
            }};
  }
  switch (lab_kind(lab)) {
    case LabKind::Bind: {
      Read r = read_bind(w, action, labs ? labs->bind : nullptr);
      if (r.error.empty() && labs && !labs->bind) return fail("the Bind Lab is not available here");
      return r;
    }
    case LabKind::Ephemeral: {
      Read r = read_ephemeral(w, action, labs ? labs->ephemeral : nullptr);
      if (r.error.empty() && labs && !labs->ephemeral) return fail("the Ephemeral Lab is not available here");
      return r;
    }
    case LabKind::Nat: {
      Read r = read_nat(w, labs ? labs->nat : nullptr);
      if (r.error.empty() && labs && !labs->nat) return fail("the NAT Lab is not available here");
      return r;
    }
    case LabKind::Explorer:
      return fail(quoted(w[0]) + " is not an action of the Port Explorer, which keeps no state (only answer)");
    case LabKind::Unknown: break;
  }
  return fail("there is no lab called " + quoted(lab));
}

}  // namespace

std::string perform(const std::string& lab, const std::string& action, Labs& labs, Inputs& inputs) {
  Read r = read_action(lab, action, &labs, &inputs);
  if (!r.error.empty()) return r.error;
  return r.run();
}

std::string check_action(const std::string& lab, const std::string& action) {
  return read_action(lab, action, nullptr, nullptr).error;
}

}  // namespace portlab::activity
