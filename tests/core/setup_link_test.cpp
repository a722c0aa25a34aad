// Setup links: a lab configured through its API, copied as a link, opened
// on fresh labs (as a fresh browser would) gives the same host state and
// the same next engine result; bad links are refused with a reason and
// change nothing; the length limit is stated.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/activity/lab_screens.h"
#include "core/activity/setup_link.h"
#include "core/nat/forwarding.h"
#include "core/text.h"
#include "shipped_lessons.h"

using namespace portlab;
using activity::Labs;

namespace {

std::vector<SourceFile> scenario_files() {
  return test::read_repo_files("lessons/scenarios", {"port-forward.json", "pat-home.json", "cgn-nat444.json"});
}

std::string decision_text(const host::Decision& d) {
  return std::string(d.ok ? "ok" : d.error) + " port " + std::to_string(d.port) + ": " + d.explanation;
}

std::string sockets_text(const host::Host& h) {
  std::vector<std::string> rows;
  h.sockets().for_each([&](host::SocketId, const host::Socket& s) {
    rows.push_back(std::string(net::to_string(s.transport)) + " " + net::to_string(s.local) + " " +
                   net::to_string(s.remote) + " " + host::to_string(s.state) + " uid " +
                   std::to_string(s.owner.uid) + " until " + std::to_string(s.time_wait_until));
  });
  std::sort(rows.begin(), rows.end());
  return text::join(rows, "\n");
}

// Everything the Bind Lab shows and decides with.
std::string state_of(const labs::BindLab& lab) {
  std::string s = std::string(lab.os().key) + " uid " + std::to_string(lab.uid()) + " cap " +
                  std::to_string(lab.capability()) + "\n";
  for (const std::string& item : lab.sysctls()) s += "sysctl " + item + "\n";
  for (const labs::ExistingSocket& e : lab.existing()) s += "existing uid " + std::to_string(e.uid) + "\n";
  const labs::BindRequest& r = lab.request();
  s += "form " + std::to_string(r.port) + " " + net::to_string(r.addr) + " " + net::to_string(r.transport) + "\n";
  return s + sockets_text(lab.host());
}

std::string state_of(const labs::EphemeralLab& lab) {
  std::string s = std::string(lab.os().key) + " seed " + std::to_string(lab.seed()) + " mode " +
                  labs::to_string(lab.mode()) + " clock " + std::to_string(lab.host().now()) + "\n";
  const ports::PortRange range = lab.host().settings().ephemeral(net::Transport::Tcp);
  s += "range " + std::to_string(range.lo) + "-" + std::to_string(range.hi) + "\n";
  for (const net::Endpoint& d : lab.destinations()) s += "dest " + net::to_string(d) + "\n";
  if (lab.selected_destination()) s += "use " + std::to_string(*lab.selected_destination()) + "\n";
  for (const labs::Allocation& a : lab.allocations())
    s += std::to_string(a.number) + " " + labs::to_string(a.mode) + " to " + net::to_string(a.dest) + " at " +
         std::to_string(a.at) + ": " + decision_text(a.decision) + "\n";
  return s + sockets_text(lab.host());
}

std::string state_of(const labs::NatLab& lab) {
  std::string s = lab.challenge_id() + lab.scenario_name() + " " + lab.profile().key + " step " +
                  std::to_string(lab.step()) + " solved " + std::to_string(lab.challenge_solved()) + "\n";
  if (lab.challenge()) s += lab.challenge()->engine_showed + "\n";
  for (const nat::ForwardRule& r : lab.rules()) s += nat::describe(r) + "\n";
  for (const labs::NatEventRecord& r : lab.records()) {
    s += r.title + " | " + r.summary + "\n";
    for (const labs::NatPacket& p : r.packets)
      s += nat::describe(p.before) + " => " + nat::describe(p.after) + " " + nat::to_string(p.action) + "\n";
  }
  for (const labs::NatTableRow& row : lab.table())
    s += row.nat + " " + row.proto + " " + row.inside + " " + row.outside + " " + row.remote + " " + row.state +
         " " + std::to_string(row.expires_in_s) + "\n";
  return s;
}

std::vector<std::pair<std::string, std::string>> items_of(const course::Directive& d) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const course::Param& p : d.params) out.emplace_back(p.key, p.value);
  return out;
}

// The whole trip a shared link makes: setup -> fragment -> (address bar)
// -> route -> setup -> fresh labs. Returns the setup that was read.
course::Directive open_link(const course::Directive& setup, Labs& fresh) {
  std::string problem;
  const std::string fragment = activity::setup_fragment(setup, problem);
  INFO("fragment: " << fragment << " problem: " << problem);
  REQUIRE(problem.empty());
  REQUIRE(fragment.size() <= activity::kMaxSetupLinkLength);
  const nav::ParsedRoute route = nav::parse_fragment(fragment);
  REQUIRE(route.problem.empty());
  CHECK(nav::to_fragment(route.route) == fragment);  // the address bar keeps it as it is
  course::Directive read;
  REQUIRE(activity::parse_setup(route.route, read) == "");
  CHECK(items_of(read) == items_of(setup));
  REQUIRE(activity::apply_setup(read, fresh) == "");
  return read;
}

}  // namespace

TEST_CASE("setup link: the Bind Lab's setup reopens with the same host and the same next bind()") {
  labs::BindLab lab;
  REQUIRE(lab.set_os("linux") == "");
  REQUIRE(lab.set_sysctl("net.ipv4.ip_unprivileged_port_start", "443") == "");
  REQUIRE(lab.add_existing("0.0.0.0:8080/tcp:listen") == "");  // taken with uid 1000
  REQUIRE(lab.add_existing("127.0.0.1:5353/udp:reuseaddr:uid=0:proc=avahi") == "");
  REQUIRE(lab.set_capability(true) == "");
  lab.request().port = 9000;
  lab.request().keep_open = true;
  REQUIRE(lab.try_bind().decision.ok);  // kept: it joins the existing sockets
  lab.set_uid(1001);
  lab.request() = labs::BindRequest{};
  lab.request().port = 443;
  lab.request().addr = *net::parse_ipv4("127.0.0.1").value;
  lab.request().transport = net::Transport::Udp;
  Labs labs{&lab, nullptr, nullptr};

  const course::Directive setup = activity::current_setup("bind", labs, "bind ok port=80");
  CHECK(setup.get("lab") == "bind");
  CHECK(setup.all("existing").size() == 3);
  CHECK(setup.get("goal") == "bind ok port=80");
  CHECK(setup.get("id") == "link");
  // The first socket was added while the user was 1000: the link says so.
  CHECK(setup.all("existing")[0] == "0.0.0.0:8080/tcp:listen:uid=1000");

  labs::BindLab copy;
  Labs fresh{&copy, nullptr, nullptr};
  open_link(setup, fresh);
  CHECK(state_of(copy) == state_of(lab));
  // Taking the setup again gives the same link.
  CHECK(items_of(activity::current_setup("bind", fresh, "bind ok port=80")) == items_of(setup));
  // The next attempts are decided the same way.
  CHECK(decision_text(copy.try_bind().decision) == decision_text(lab.try_bind().decision));
  for (labs::BindLab* l : {&lab, &copy}) {
    l->request() = labs::BindRequest{};
    l->request().port = 8080;
  }
  CHECK_FALSE(lab.try_bind().decision.ok);  // the listener holds it
  CHECK(decision_text(copy.try_bind().decision) == decision_text(lab.history().back().decision));
}

TEST_CASE("setup link: the Ephemeral Lab's setup replays the learner's calls, waits and changes") {
  labs::EphemeralLab lab;
  REQUIRE(lab.set_os("linux") == "");
  lab.set_seed(7);
  REQUIRE(lab.set_range("40000-40009") == "");
  REQUIRE(lab.add_destination("192.0.2.5:8080") == "");
  lab.select_destination(3);
  REQUIRE(lab.open(3) == 3);
  REQUIRE(lab.open(2) == 2);
  lab.close_all();
  for (int frame = 0; frame < 90; ++frame) lab.tick(16);  // the clock running on screen
  lab.advance(500);
  lab.set_mode(labs::EphemeralMode::Udp);
  lab.select_destination(std::nullopt);
  lab.select_destination(1);
  REQUIRE(lab.open(2) == 2);
  lab.set_mode(labs::EphemeralMode::Connect);
  std::optional<host::Rfc6056> alg3;
  REQUIRE(labs::parse_algorithm("rfc6056-3", alg3) == "");
  lab.set_algorithm(alg3);
  lab.remove_destination(0);
  lab.select_destination(std::nullopt);
  lab.open(30);  // runs out of the 10-port range toward some server

  // The journal is short: ticks and repeated opens merged.
  const std::vector<std::string> journal = lab.journal();
  const std::vector<std::string> expected = {
      "open 5", "close-all", "wait 1.94", "mode udp", "use 198.51.100.7:443", "open 2", "mode connect",
      "algorithm rfc6056-3", "remove-dest 203.0.113.10:443", "use all", journal.back()};
  CHECK(journal == expected);
  CHECK(journal.back().rfind("open ", 0) == 0);
  CHECK_FALSE(lab.allocations().back().decision.ok);
  CHECK(std::string(lab.allocations().back().decision.error) == "EADDRNOTAVAIL");

  Labs labs{nullptr, &lab, nullptr};
  const course::Directive setup = activity::current_setup("ephemeral", labs);
  CHECK(setup.get("range") == "40000-40009");
  CHECK(setup.get("seed") == "7");
  CHECK(setup.get("mode") == "connect");
  CHECK(setup.all("dest").size() == 4);  // as they were before the first call
  CHECK(setup.all("do").front() == "use 192.0.2.5:8080");

  labs::EphemeralLab copy;
  Labs fresh{nullptr, &copy, nullptr};
  open_link(setup, fresh);
  CHECK(state_of(copy) == state_of(lab));
  CHECK(items_of(activity::current_setup("ephemeral", fresh)) == items_of(setup));
  // The next engine results are the same: TIME_WAIT ends, calls succeed again.
  for (labs::EphemeralLab* l : {&lab, &copy}) {
    l->close_all();
    l->advance(61 * sim::kSecond);
    l->open(4);
  }
  CHECK(state_of(copy) == state_of(lab));
}

TEST_CASE("setup link: a Port Map setup is the Ephemeral Lab's, opened on its screen") {
  labs::EphemeralLab lab;
  REQUIRE(lab.set_os("windows") == "");
  REQUIRE(lab.set_range("50000-50100") == "");
  Labs labs{nullptr, &lab, nullptr};
  const course::Directive setup = activity::current_setup("port-map", labs);
  CHECK(setup.get("lab") == "ephemeral");
  std::string problem;
  CHECK(activity::setup_fragment(setup, problem).rfind("#/ephemeral/setup/os=windows&", 0) == 0);
  labs::EphemeralLab copy;
  Labs fresh{nullptr, &copy, nullptr};
  open_link(setup, fresh);
  CHECK(state_of(copy) == state_of(lab));
}

TEST_CASE("setup link: the NAT Lab's scenario, behaviour, rules and step reopen the same") {
  labs::NatLab lab;
  lab.set_scenarios(scenario_files());
  REQUIRE(lab.open_scenario("scenarios/pat-home.json") == "");
  CHECK(lab.scenario_name() == "pat-home");
  REQUIRE(lab.set_profile("full_cone") == "");
  labs::NatRuleInput rule;
  rule.proto = "both";
  rule.external_port = 8443;
  rule.internal_address = "192.168.1.10";
  rule.internal_port = 443;
  REQUIRE(lab.add_rule(rule) == "");
  REQUIRE(lab.step_forward());
  REQUIRE(lab.step_forward());
  Labs labs{nullptr, nullptr, &lab};
  const course::Directive setup = activity::current_setup("nat", labs, "mapping outside-port=same");
  CHECK(items_of(setup) == std::vector<std::pair<std::string, std::string>>{
                               {"lab", "nat"},
                               {"scenario", "pat-home"},
                               {"profile", "full_cone"},
                               {"do", "forward both 8443 192.168.1.10:443"},
                               {"do", "step 2"},
                               {"id", "link"},
                               {"goal", "mapping outside-port=same"}});

  labs::NatLab copy;
  copy.set_scenarios(scenario_files());
  Labs fresh{nullptr, nullptr, &copy};
  open_link(setup, fresh);
  CHECK(state_of(copy) == state_of(lab));
  CHECK(copy.progress() == 1.0);
  // The next event runs the same way on both.
  CHECK(lab.step_forward() == copy.step_forward());
  CHECK(state_of(copy) == state_of(lab));
}

TEST_CASE("setup link: NAT challenges reopen solved, by a rule or by the chosen behaviour") {
  SUBCASE("a rule challenge") {
    labs::NatLab lab;
    REQUIRE(lab.open_challenge("game-server") == "");
    labs::NatRuleInput rule;
    rule.external_port = 25565;
    rule.internal_address = "192.168.1.30";
    rule.internal_port = 25565;
    REQUIRE(lab.add_rule(rule) == "");
    REQUIRE(lab.challenge_solved());
    Labs labs{nullptr, nullptr, &lab};
    labs::NatLab copy;
    Labs fresh{nullptr, nullptr, &copy};
    REQUIRE(copy.open_challenge("video-call") == "");  // whatever was open before
    open_link(activity::current_setup("nat", labs), fresh);
    CHECK(copy.challenge_solved());
    CHECK(state_of(copy) == state_of(lab));
  }
  SUBCASE("a behaviour challenge, checked, then another behaviour tried") {
    labs::NatLab lab;
    REQUIRE(lab.open_challenge("video-call") == "");
    lab.choose("full_cone");
    REQUIRE(lab.check());
    REQUIRE(lab.set_profile("symmetric") == "");
    Labs labs{nullptr, nullptr, &lab};
    const course::Directive setup = activity::current_setup("nat", labs);
    CHECK(setup.all("do") == std::vector<std::string>{"choose full_cone", "profile symmetric", "check"});
    labs::NatLab copy;
    Labs fresh{nullptr, nullptr, &copy};
    open_link(setup, fresh);
    CHECK(copy.chosen() == "full_cone");
    CHECK(std::string(copy.profile().key) == "symmetric");
  }
  SUBCASE("rules kept after switching to a behaviour that takes none") {
    labs::NatLab lab;
    REQUIRE(lab.open_challenge("game-server") == "");
    labs::NatRuleInput rule;
    rule.external_port = 25565;
    rule.internal_address = "192.168.1.30";
    rule.internal_port = 25565;
    REQUIRE(lab.add_rule(rule) == "");
    const std::string before_switch = state_of(lab);
    REQUIRE(lab.set_profile("cgn") == "");
    Labs labs{nullptr, nullptr, &lab};
    const course::Directive setup = activity::current_setup("nat", labs);
    CHECK(setup.get("profile") == "");
    CHECK(setup.all("do") ==
          std::vector<std::string>{"profile linux", "forward tcp 25565 192.168.1.30:25565", "profile cgn"});
    labs::NatLab copy;
    Labs fresh{nullptr, nullptr, &copy};
    open_link(setup, fresh);
    CHECK(state_of(copy) == state_of(lab));
    CHECK(before_switch != state_of(lab));
  }
}

TEST_CASE("setup link: values with link characters, spaces and other scripts survive exactly") {
  labs::BindLab lab;
  Labs labs{&lab, nullptr, nullptr};
  const std::string goal = "answer 50% & more | a/b #1 = é ü 😀 | %41";
  const course::Directive setup = activity::current_setup("bind", labs, goal);
  labs::BindLab copy;
  Labs fresh{&copy, nullptr, nullptr};
  const course::Directive read = open_link(setup, fresh);
  CHECK(read.get("goal") == goal);
  std::string problem;
  const std::string fragment = activity::setup_fragment(setup, problem);
  // Readable: the separators and a sysctl's '=' are not escaped.
  CHECK(fragment.rfind("#/bind/setup/os=linux&uid=1000&port=80&addr=0.0.0.0&proto=tcp&goal=answer%2050%2525%20%2526", 0) == 0);
}

TEST_CASE("setup link: a setup over the limit gets no link and a sentence saying why") {
  labs::EphemeralLab lab;
  for (int i = 0; i < 120; ++i)
    REQUIRE(lab.add_destination("198.51.100." + std::to_string(i + 1) + ":" + std::to_string(10000 + i)) == "");
  Labs labs{nullptr, &lab, nullptr};
  std::string problem;
  CHECK(activity::setup_fragment(activity::current_setup("ephemeral", labs), problem) == "");
  CHECK(problem.find("too long for a link") != std::string::npos);
  CHECK(problem.find("the limit is 2000") != std::string::npos);
  CHECK(activity::kMaxSetupLinkLength == nav::kMaxFragmentLength);
  // A pasted link over the limit is refused before it is read.
  const std::string long_link = "#/bind/setup/goal=" + std::string(2000, 'a');
  CHECK(nav::parse_fragment(long_link).problem.find("too long") != std::string::npos);
}

TEST_CASE("setup link: bad links are refused with a reason and change nothing") {
  labs::BindLab bind;
  REQUIRE(bind.set_sysctl("net.ipv4.ip_unprivileged_port_start", "80") == "");
  labs::EphemeralLab ephemeral;
  ephemeral.open(2);
  labs::NatLab nat;
  nat.set_scenarios(scenario_files());
  REQUIRE(nat.open_scenario("port-forward") == "");
  nat.step_forward();
  Labs labs{&bind, &ephemeral, &nat};
  const std::string before = state_of(bind) + state_of(ephemeral) + state_of(nat);

  std::string many = "#/bind/setup/os=linux";
  for (int i = 0; i < 100; ++i) many += "&sysctl=a" + std::to_string(i) + "=1";

  struct Case {
    std::string link;
    const char* reason;  // a piece of the sentence
  };
  const Case cases[] = {
      {"#/bind/setup/os=linux&colour=red", "no setting 'colour'"},
      {"#/bind/setup/os=linux&os=macos", "'os' twice"},
      {"#/bind/setup/os=", "no value"},
      {"#/bind/setup/uid=%20", "no value"},
      {"#/bind/setup/goal=%25zz", "broken %-escape"},
      {"#/bind/setup/goal=%25", "broken %-escape"},
      {"#/bind/setup/linux", "not key=value"},
      {"#/bind/setup/os=linux&&uid=0", "not key=value"},
      {many, "more than 100 items"},
      {"#/bind/setup/do=frobnicate", "'frobnicate' is not an action of the Bind Lab"},
      {"#/bind/setup/do=bind%2099999", "bind"},
      {"#/ephemeral/setup/do=open%20lots", "open"},
      {"#/ephemeral/setup/do=open%20100000&do=open%20100000", "more than 100000 calls"},
      {"#/ephemeral/setup/port=80", "no setting 'port'"},
      {"#/nat/setup/challenge=game-server&scenario=pat-home", "both a challenge and a scenario"},
      {"#/nat/setup/do=step%200", "step"},
      // Well formed, but the engines refuse it: nothing of it stays.
      {"#/bind/setup/os=plan9", "unknown profile 'plan9'"},
      {"#/bind/setup/os=macos&cap=net_bind_service", "CAP_NET_BIND_SERVICE"},
      {"#/bind/setup/sysctl=net.ipv4.ip_unprivileged_port_start=99999", "sysctl"},
      {"#/bind/setup/os=macos&do=cap%20on", "cap on"},
      {"#/ephemeral/setup/do=open%203&do=use%201.2.3.4:5", "not in the list of servers"},
      {"#/ephemeral/setup/range=5-4", "range"},
      {"#/nat/setup/scenario=nope", "no NAT scenario called 'nope'"},
      {"#/nat/setup/challenge=game-server&do=step%2099", "cannot go 99 further"},
      {"#/nat/setup/challenge=game-server&do=forward%20tcp%2025565%20192.168.1.30:25565&do=forward%20tcp%2025565%20192.168.1.31:25565", "forward"},
      {"#/nat/setup/scenario=pat-home&do=back", "no step back"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.link);
    const nav::ParsedRoute route = nav::parse_fragment(c.link);
    std::string reason = route.problem;
    if (reason.empty()) {
      course::Directive setup;
      reason = activity::parse_setup(route.route, setup);
      if (reason.empty()) reason = activity::apply_setup(setup, labs);
    }
    CAPTURE(reason);
    CHECK(reason.find(c.reason) != std::string::npos);
    CHECK(state_of(bind) + state_of(ephemeral) + state_of(nat) == before);
  }
  // Not a setup route at all.
  course::Directive setup;
  CHECK_FALSE(activity::parse_setup(nav::Route{nav::Screen::Bind, {"linux"}}, setup).empty());
  CHECK_FALSE(activity::parse_setup(nav::Route{nav::Screen::Settings, {}}, setup).empty());
}

TEST_CASE("setup link: a hand-written link with a goal becomes an activity called link") {
  const nav::ParsedRoute route = nav::parse_fragment(
      "#/bind/setup/os=linux&uid=1000&sysctl=net.ipv4.ip_unprivileged_port_start%3D443&goal=bind%20ok%20port%3D80");
  REQUIRE(route.problem.empty());
  course::Directive setup;
  REQUIRE(activity::parse_setup(route.route, setup) == "");
  CHECK(items_of(setup) == std::vector<std::pair<std::string, std::string>>{
                               {"lab", "bind"},
                               {"os", "linux"},
                               {"uid", "1000"},
                               {"sysctl", "net.ipv4.ip_unprivileged_port_start=443"},
                               {"id", "link"},
                               {"goal", "bind ok port=80"}});
  labs::BindLab bind;
  Labs labs{&bind, nullptr, nullptr};
  REQUIRE(activity::apply_setup(setup, labs) == "");
  CHECK(bind.sysctls() == std::vector<std::string>{"net.ipv4.ip_unprivileged_port_start=443"});
}

TEST_CASE("setup links: one mapping between labs and their screens") {
  CHECK(activity::screen_lab("bind") == "bind");
  CHECK(activity::screen_lab("port-map") == "ephemeral");
  CHECK(activity::screen_lab("nat") == "nat");
  CHECK(activity::screen_lab("port-explorer") == "");
  CHECK(activity::lab_screen("port-map") == nav::Screen::Ephemeral);
  CHECK_FALSE(activity::lab_screen("quiz"));
  CHECK(activity::lab_of_screen(nav::Screen::Nat) == "nat");
  CHECK(activity::lab_of_screen(nav::Screen::Home) == "");
}
