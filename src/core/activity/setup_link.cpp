// Setup links (setup_link.h): a lab's configuration as its ```sim keys plus
// the learner's actions, written into one route argument.
//
// Two escapings meet here. The route (nav::to_fragment) escapes each path
// segment; the items string is one segment, so after the route is decoded
// it is "key=value&key=value". Inside it only what would break that split
// is escaped again: '%' and '&' in values (and control bytes). A value's
// '=' needs nothing (an item splits at its first '='), and '/', '#',
// spaces and non-ASCII bytes are the route's business. So a link reads
// #/bind/setup/os=linux&uid=1000&goal=bind%20ok%20port=80, and a value
// holding "&" travels as %2526 (its %26, escaped by the route).
#include "core/activity/setup_link.h"

#include <algorithm>

#include "core/activity/activity_syntax.h"
#include "core/activity/lab_screens.h"
#include "core/nat/forwarding.h"
#include "core/nat/profile.h"
#include "core/text.h"

namespace portlab::activity {

namespace {

// More items than any real setup holds (a lab with a dozen servers and a
// long journal stays far below); a bound, because links come from outside.
constexpr size_t kMaxItems = 100;
// Calls all `open` items and `count` may make together, so a hostile link
// cannot keep the app busy.
constexpr long long kMaxCalls = 100000;

struct KeySpec {
  const char* key;
  bool repeatable;
};

// The keys each lab's apply_preset understands, as lesson.cpp lists them
// for ```sim blocks, plus what a link adds: `do` (actions) and `goal`.
const std::vector<KeySpec>& keys_of(LabKind kind) {
  static const std::vector<KeySpec> bind = {{"os", false},      {"uid", false},      {"cap", true},
                                            {"sysctl", true},   {"existing", true},  {"port", false},
                                            {"addr", false},    {"proto", false},    {"do", true},
                                            {"goal", true}};
  static const std::vector<KeySpec> ephemeral = {{"os", false},    {"seed", false},      {"range", false},
                                                 {"sysctl", true}, {"mode", false},      {"algorithm", false},
                                                 {"dest", true},   {"count", false},     {"do", true},
                                                 {"goal", true}};
  static const std::vector<KeySpec> nat = {{"challenge", false}, {"scenario", false}, {"profile", false},
                                           {"do", true},         {"goal", true}};
  static const std::vector<KeySpec> none;
  switch (kind) {
    case LabKind::Bind: return bind;
    case LabKind::Ephemeral: return ephemeral;
    case LabKind::Nat: return nat;
    default: return none;
  }
}

const KeySpec* find_key(LabKind kind, const std::string& key) {
  for (const KeySpec& k : keys_of(kind))
    if (key == k.key) return &k;
  return nullptr;
}

std::string key_list(LabKind kind) {
  std::vector<std::string> names;
  for (const KeySpec& k : keys_of(kind)) names.push_back(k.key);
  return text::join(names, ", ");
}

const char* lab_title(LabKind kind) {
  switch (kind) {
    case LabKind::Bind: return "Bind Lab";
    case LabKind::Ephemeral: return "Ephemeral Lab";
    case LabKind::Nat: return "NAT Lab";
    default: return "lab";
  }
}

bool needs_escape(char c) {
  const auto u = static_cast<unsigned char>(c);
  return c == '%' || c == '&' || u < 0x20 || u == 0x7f;
}

// Escaped once more inside the segment: '%' and '&' (the item separator)
// and control bytes; the segment's own encoding does the rest.
bool kept_in_value(char c) { return !needs_escape(c); }

std::string escape_value(const std::string& value) { return text::percent_encode(value, kept_in_value); }

void add(course::Directive& d, const std::string& key, const std::string& value) {
  d.params.push_back({key, value, static_cast<int>(d.params.size()) + 1});
}

// --- each lab's setup -------------------------------------------------------

void bind_setup(const labs::BindLab& lab, course::Directive& d) {
  add(d, "os", lab.os().key);
  add(d, "uid", std::to_string(lab.uid()));
  if (lab.capability()) add(d, "cap", "net_bind_service");
  for (const std::string& item : lab.sysctls()) add(d, "sysctl", item);
  for (const labs::ExistingSocket& e : lab.existing()) {
    // A socket written without uid= took the user chosen when it was added;
    // say which, in case the user changed since.
    std::string text = e.text;
    labs::ExistingSocket as_read;
    if (labs::parse_existing(text, lab.uid(), as_read).empty() && as_read.uid != e.uid)
      text += ":uid=" + std::to_string(e.uid);
    add(d, "existing", text);
  }
  const labs::BindRequest& form = lab.request();
  add(d, "port", std::to_string(form.port));
  add(d, "addr", net::to_string(form.addr));
  add(d, "proto", form.transport == net::Transport::Udp ? "udp" : "tcp");
}

void ephemeral_setup(const labs::EphemeralLab& lab, course::Directive& d) {
  // The configuration as it was when the journal began; the journal's own
  // entries change mode, algorithm and servers later, in their order.
  const labs::EphemeralLab::JournalStart start = lab.journal_start();
  const bool connect = start.mode == labs::EphemeralMode::Connect;
  add(d, "os", lab.os().key);
  add(d, "seed", std::to_string(lab.seed()));
  if (!lab.range().empty()) add(d, "range", lab.range());
  for (const std::string& item : lab.sysctls()) add(d, "sysctl", item);
  add(d, "mode", labs::to_string(start.mode));
  // A preset takes an algorithm only with connect (it chooses connect()
  // ports); the lab keeps one chosen before switching mode.
  if (start.algorithm && connect) add(d, "algorithm", labs::algorithm_key(*start.algorithm));
  for (const net::Endpoint& e : start.dests) add(d, "dest", net::to_string(e));
  if (start.algorithm && !connect) add(d, "do", "algorithm " + labs::algorithm_key(*start.algorithm));
  if (start.selected && *start.selected < start.dests.size())
    add(d, "do", "use " + net::to_string(start.dests[*start.selected]));
  for (const std::string& line : lab.journal()) add(d, "do", line);
}

std::string forward_line(const nat::ForwardRule& r) {
  return std::string("forward ") + nat::to_string(r.proto) + " " + std::to_string(r.external.lo) + " " +
         net::to_string(net::Endpoint{r.target, r.target_port});
}

void nat_setup(const labs::NatLab& lab, course::Directive& d) {
  if (!lab.challenge_id().empty()) add(d, "challenge", lab.challenge_id());
  else add(d, "scenario", lab.scenario_name());
  const std::string key = lab.profile().key;
  const std::string& chosen = lab.chosen();
  // Rules added under one behaviour stay when the learner then picks one
  // that takes none (the carrier NAT): they are replayed under a behaviour
  // that takes them, and the pick comes after.
  const bool detour = !lab.rules().empty() && !lab.profile().forwards_allowed;
  if (lab.profile_changed() && chosen.empty() && !detour) add(d, "profile", key);
  if (!chosen.empty()) add(d, "do", "choose " + chosen);
  if (detour) {
    for (const nat::Profile& p : nat::profiles())
      if (p.forwards_allowed) {
        add(d, "do", std::string("profile ") + p.key);
        break;
      }
  }
  for (const nat::ForwardRule& r : lab.rules()) add(d, "do", forward_line(r));
  if (detour || (!chosen.empty() && chosen != key)) add(d, "do", "profile " + key);
  if (lab.step() > 0) add(d, "do", "step " + std::to_string(lab.step()));
  // A behaviour challenge is judged when the learner presses Check; rule
  // challenges are judged on every change.
  const labs::NatChallenge* c = lab.challenge();
  if (c && !c->uses_rules && !c->engine_showed.empty()) add(d, "do", "check");
}

long long calls_in(const course::Directive& d) {
  long long calls = 0;
  const net::Parsed<long long> count = net::parse_integer(d.get("count"), 0, kMaxCalls);
  if (count.ok()) calls += *count.value;
  for (const std::string& line : d.all("do")) {
    const std::string_view t = text::trim(line);
    if (!text::starts_with(t, "open")) continue;
    const net::Parsed<long long> n = net::parse_integer(text::trim(t.substr(4)), 0, kMaxCalls);
    if (n.ok()) calls += *n.value;
  }
  return calls;
}

}  // namespace

course::Directive current_setup(const std::string& lab, const Labs& labs, const std::string& goal) {
  course::Directive d;
  d.kind = course::Directive::Kind::Sim;
  const LabKind kind = lab_kind(lab);
  // The Port Map shows the Ephemeral Lab's host: its setup is that lab's.
  add(d, "lab", kind == LabKind::Ephemeral ? "ephemeral" : lab);
  if (kind == LabKind::Bind && labs.bind) bind_setup(*labs.bind, d);
  if (kind == LabKind::Ephemeral && labs.ephemeral) ephemeral_setup(*labs.ephemeral, d);
  if (kind == LabKind::Nat && labs.nat) nat_setup(*labs.nat, d);
  const std::string typed(text::trim(goal));
  if (!typed.empty()) {
    add(d, "id", "link");
    add(d, "goal", typed);
  }
  return d;
}

std::string setup_fragment(const course::Directive& setup, std::string& problem) {
  problem.clear();
  const LabKind kind = lab_kind(setup.get("lab"));
  const std::optional<nav::Screen> screen = lab_screen(setup.get("lab"));
  if (!screen) {
    problem = "Only the Bind, Ephemeral and NAT Labs have setup links.";
    return "";
  }
  std::string items;
  for (const course::Param& p : setup.params) {
    if (p.key == "lab" || p.key == "id") continue;  // the screen says the lab; a link's goal is "link"
    if (!find_key(kind, p.key)) {
      problem = "A setup link of the " + std::string(lab_title(kind)) + " cannot carry '" + p.key + "'.";
      return "";
    }
    if (!items.empty()) items += '&';
    items += p.key + "=" + escape_value(p.value);
  }
  if (items.empty()) {
    problem = "This setup holds nothing to put in a link.";
    return "";
  }
  const std::string fragment = nav::to_fragment(nav::Route{*screen, {"setup", items}});
  if (fragment.size() > kMaxSetupLinkLength) {
    problem = "This setup is too long for a link (" + std::to_string(fragment.size()) +
              " characters; the limit is " + std::to_string(kMaxSetupLinkLength) +
              "). Reset the lab or remove some servers, sockets or rules, then copy it again.";
    return "";
  }
  return fragment;
}

std::string parse_setup(const nav::Route& route, course::Directive& out) {
  const std::string lab = lab_of_screen(route.screen);
  if (lab.empty()) return "Only the Bind, Ephemeral and NAT Labs open setup links.";
  if (route.args.size() != 2 || route.args[0] != "setup")
    return "A setup link reads #/" + std::string(lab) + "/setup/key=value&key=value.";
  const LabKind kind = lab_kind(lab);
  const std::string title = std::string("The ") + lab_title(kind);
  const std::string& items = route.args[1];

  course::Directive d;
  d.kind = course::Directive::Kind::Sim;
  add(d, "lab", lab);
  size_t count = 0;
  bool goal_seen = false;
  for (size_t start = 0; start <= items.size();) {
    size_t amp = items.find('&', start);
    if (amp == std::string::npos) amp = items.size();
    const std::string item = items.substr(start, amp - start);
    start = amp + 1;
    if (++count > kMaxItems)
      return "This setup link has more than " + std::to_string(kMaxItems) + " items, more than any lab setup needs.";
    const std::string where = "Item " + std::to_string(count) + " of this setup link";
    const size_t eq = item.find('=');
    if (eq == std::string::npos) return where + " ('" + item + "') is not key=value.";
    const std::string key = item.substr(0, eq);
    const KeySpec* spec = find_key(kind, key);
    if (!spec) return title + " has no setting '" + key + "' (a setup link may hold " + key_list(kind) + ").";
    std::string value;
    if (!text::percent_decode(item.substr(eq + 1), value)) return where + " ('" + key + "') has a broken %-escape.";
    if (text::trim(value).empty()) return where + " ('" + key + "') has no value.";
    if (!spec->repeatable && !d.get(key).empty()) return "This setup link gives '" + key + "' twice.";
    if (key == "do") {
      const std::string why = check_action(lab, value);
      if (!why.empty()) return "The action '" + value + "' in this setup link: " + why + ".";
    }
    if (key == "goal" && !goal_seen) {
      add(d, "id", "link");  // the activity a link's goal makes
      goal_seen = true;
    }
    add(d, key, value);
  }
  if (kind == LabKind::Nat && !d.get("challenge").empty() && !d.get("scenario").empty())
    return "This setup link names both a challenge and a scenario; the NAT Lab opens one.";
  if (calls_in(d) > kMaxCalls)
    return "This setup link asks for more than " + std::to_string(kMaxCalls) + " calls.";
  out = std::move(d);
  return "";
}

std::string apply_setup(const course::Directive& setup, Labs& labs) {
  const std::string lab = setup.get("lab");
  const LabKind kind = lab_kind(lab);
  const std::vector<std::string> actions = setup.all("do");
  Inputs inputs;  // an `answer` action in a link has nowhere to go
  // Everything is done on a fresh lab, moved into place only when all of it
  // worked: a bad link changes nothing.
  auto replay = [&](Labs fresh) -> std::string {
    for (const std::string& action : actions) {
      const std::string why = perform(lab, action, fresh, inputs);
      if (!why.empty()) return "The action '" + action + "' could not be done: " + why;
    }
    return "";
  };
  auto setting = [&](const std::string& why) { return std::string("This setup cannot be made: ") + why; };
  switch (kind) {
    case LabKind::Bind: {
      if (!labs.bind) return "the Bind Lab is not available here";
      labs::BindLab next;
      if (std::string why = next.apply_preset(setup); !why.empty()) return setting(why);
      if (std::string why = replay(Labs{&next, nullptr, nullptr}); !why.empty()) return why;
      *labs.bind = std::move(next);
      return "";
    }
    case LabKind::Ephemeral: {
      if (!labs.ephemeral) return "the Ephemeral Lab is not available here";
      labs::EphemeralLab next;
      if (std::string why = next.apply_preset(setup); !why.empty()) return setting(why);
      if (std::string why = replay(Labs{nullptr, &next, nullptr}); !why.empty()) return why;
      next.set_speed(labs.ephemeral->speed());  // how fast time runs is the viewer's choice
      *labs.ephemeral = std::move(next);
      return "";
    }
    case LabKind::Nat: {
      if (!labs.nat) return "the NAT Lab is not available here";
      labs::NatLab next;
      next.set_scenarios(labs.nat->scenario_files());
      if (std::string why = next.apply_preset(setup); !why.empty()) return setting(why);
      if (std::string why = replay(Labs{nullptr, nullptr, &next}); !why.empty()) return why;
      next.set_speed(labs.nat->speed());
      next.finish_animation();
      *labs.nat = std::move(next);
      return "";
    }
    default: break;
  }
  return "There is no lab called '" + lab + "' with a setup.";
}

}  // namespace portlab::activity
