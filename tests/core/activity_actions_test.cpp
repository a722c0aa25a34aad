// The activity actions (activity.h): read strictly, done through the labs'
// own commands; a refused setting is a failed action that changes nothing,
// an engine's "no" (a failing bind(), EADDRNOTAVAIL) is a result.
#include <doctest/doctest.h>

#include "core/activity/activity.h"
#include "shipped_lessons.h"

using namespace portlab;
using activity::check_action;
using activity::Inputs;
using activity::Labs;
using activity::perform;

TEST_CASE("actions: every word of the vocabulary is accepted in its lab") {
  const std::pair<const char*, const char*> good[] = {
      {"bind", "os macos"},
      {"bind", "uid 0"},
      {"bind", "cap on"},
      {"bind", "cap off"},
      {"bind", "sysctl net.ipv4.ip_unprivileged_port_start=80"},
      {"bind", "existing 0.0.0.0:80/tcp:listen:uid=0"},
      {"bind", "bind 80"},
      {"bind", "bind 0 addr=127.0.0.1 proto=udp reuseaddr reuseport keep"},
      {"ephemeral", "os windows"},
      {"ephemeral", "range 40000-40003"},
      {"ephemeral", "sysctl net.ipv4.ip_local_port_range=40000 40003"},
      {"ephemeral", "mode bind0"},
      {"ephemeral", "algorithm default"},
      {"ephemeral", "algorithm rfc6056-4"},
      {"ephemeral", "dest 203.0.113.99:443"},
      {"ephemeral", "remove-dest 203.0.113.99:443"},
      {"ephemeral", "use 203.0.113.10:443"},
      {"ephemeral", "use all"},
      {"ephemeral", "seed 42"},
      {"ephemeral", "open 5"},
      {"ephemeral", "close-all"},
      {"ephemeral", "wait 60"},
      {"ephemeral", "wait 0.125"},
      {"ephemeral", "reset"},
      {"port-map", "open 1"},
      {"nat", "profile full_cone"},
      {"nat", "forward tcp 8080 192.168.1.10:80"},
      {"nat", "forward both 9000 192.168.1.10:9000"},
      {"nat", "step"},
      {"nat", "step 3"},
      {"nat", "run"},
      {"nat", "back"},
      {"nat", "restart"},
      {"nat", "choose symmetric"},
      {"nat", "check"},
      {"port-explorer", "answer 443"},
      {"nat", "answer  full cone "},
  };
  for (const auto& item : good) {
    // Named copies: clang 14 (emscripten) cannot capture structured bindings.
    const std::string lab = item.first, action = item.second;
    CAPTURE(lab);
    CAPTURE(action);
    CHECK(check_action(lab, action) == "");
  }
}

TEST_CASE("actions: unknown words, bad numbers and stray words are refused with a reason") {
  struct Bad {
    const char* lab;
    const char* action;
    const char* reason;
  };
  const Bad bad[] = {
      {"bind", "", "needs words"},
      {"bind", "frobnicate 3", "'frobnicate' is not an action of the Bind Lab"},
      {"bind", "open 3", "not an action of the Bind Lab"},
      {"bind", "uid -1", "uid"},
      {"bind", "uid 1000 2000", "write uid N"},
      {"bind", "cap maybe", "cap on or cap off"},
      {"bind", "sysctl noequals", "NAME=VALUE"},
      {"bind", "sysctl x=", "NAME=VALUE"},
      {"bind", "existing 0.0.0.0:80", "no /PROTO"},
      {"bind", "bind 65536", "bind"},
      {"bind", "bind 80 proto=sctp", "tcp or udp"},
      {"bind", "bind 80 keep keep", "twice"},
      {"bind", "bind 80 fast", "'fast'"},
      {"ephemeral", "bind 80", "not an action of the Ephemeral Lab"},
      {"ephemeral", "range 40003-40000", "ends below"},
      {"ephemeral", "mode tcp", "mode connect"},
      {"ephemeral", "algorithm rfc6056-9", "rfc6056-1"},
      {"ephemeral", "dest 203.0.113.1:0", "port 0"},
      {"ephemeral", "use nobody", "use"},
      {"ephemeral", "open 0", "open"},
      {"ephemeral", "open 100001", "open"},
      {"ephemeral", "open three", "open"},
      {"ephemeral", "wait 1.2345", "at most three decimals"},
      {"ephemeral", "wait -1", "seconds"},
      {"ephemeral", "wait 0", "above 0"},
      {"ephemeral", "close-all now", "takes nothing"},
      {"nat", "profile nonsense", "no NAT behaviour called 'nonsense'"},
      {"nat", "forward tcp 8080", "forward tcp|udp|both"},
      {"nat", "forward sctp 8080 192.168.1.10:80", "tcp, udp or both"},
      {"nat", "forward tcp 0 192.168.1.10:80", "external port"},
      {"nat", "step many", "step"},
      {"nat", "run fast", "takes nothing"},
      {"port-explorer", "bind 80", "Port Explorer"},
      {"kitchen", "open 1", "no lab called 'kitchen'"},
      {"bind", "answer", "answer TEXT"},
  };
  for (const Bad& b : bad) {
    CAPTURE(b.lab);
    CAPTURE(b.action);
    const std::string why = check_action(b.lab, b.action);
    CAPTURE(why);
    CHECK(why.find(b.reason) != std::string::npos);
  }
}

TEST_CASE("actions: Bind Lab - a refused bind() is recorded, a refused setting changes nothing") {
  labs::BindLab lab;
  Labs labs{&lab, nullptr, nullptr};
  Inputs inputs;
  CHECK(perform("bind", "bind 80", labs, inputs) == "");
  REQUIRE(lab.history().size() == 1);
  CHECK(std::string(lab.history().back().decision.error) == "EACCES");
  CHECK(perform("bind", "sysctl net.ipv4.ip_unprivileged_port_start=80", labs, inputs) == "");
  CHECK(perform("bind", "bind 80 addr=127.0.0.1 proto=udp keep", labs, inputs) == "");
  REQUIRE(lab.history().size() == 2);
  CHECK(lab.history().back().decision.ok);
  CHECK(lab.history().back().request.transport == net::Transport::Udp);
  CHECK(lab.existing().size() == 1);  // kept
  CHECK(perform("bind", "bind 80 addr=127.0.0.1 proto=udp", labs, inputs) == "");
  CHECK(std::string(lab.history().back().decision.error) == "EADDRINUSE");

  CHECK(perform("bind", "os macos", labs, inputs) == "");
  CHECK(std::string(lab.os().key) == "macos");
  const size_t sysctls = lab.sysctls().size();
  CHECK(perform("bind", "cap on", labs, inputs).find("Linux capability") != std::string::npos);
  CHECK_FALSE(lab.capability());
  CHECK(perform("bind", "sysctl net.ipv4.ip_unprivileged_port_start=80", labs, inputs) != "");
  CHECK(lab.sysctls().size() == sysctls);
  CHECK(perform("bind", "uid 0", labs, inputs) == "");
  CHECK(lab.uid() == 0);
  CHECK(perform("bind", "existing 0.0.0.0:80/tcp:listen", labs, inputs) == "");
  CHECK(perform("bind", "existing 0.0.0.0:80/tcp:listen", labs, inputs).find("cannot exist") !=
        std::string::npos);

  Labs none;
  CHECK(perform("bind", "bind 80", none, inputs).find("not available") != std::string::npos);
}

TEST_CASE("actions: Ephemeral Lab - a range runs out, time passes, mode and servers change") {
  labs::EphemeralLab lab;
  Labs labs{nullptr, &lab, nullptr};
  Inputs inputs;
  CHECK(perform("ephemeral", "range 40000-40003", labs, inputs) == "");
  CHECK(perform("ephemeral", "use 203.0.113.10:443", labs, inputs) == "");
  CHECK(perform("ephemeral", "open 10", labs, inputs) == "");  // EADDRNOTAVAIL is an answer
  CHECK(lab.allocations().size() == 5);
  CHECK(std::string(lab.allocations().back().decision.error) == "EADDRNOTAVAIL");
  CHECK(perform("ephemeral", "close-all", labs, inputs) == "");
  CHECK(lab.count(host::SocketState::TimeWait) == 4);
  CHECK(perform("ephemeral", "wait 59.999", labs, inputs) == "");
  CHECK(lab.count(host::SocketState::TimeWait) == 4);
  CHECK(perform("ephemeral", "wait 0.001", labs, inputs) == "");
  CHECK(lab.count(host::SocketState::TimeWait) == 0);
  CHECK(lab.host().now() == 60000);
  CHECK(lab.journal() == std::vector<std::string>{"open 5", "close-all", "wait 60"});

  CHECK(perform("ephemeral", "mode udp", labs, inputs) == "");
  CHECK(lab.mode() == labs::EphemeralMode::Udp);
  CHECK(perform("ephemeral", "algorithm rfc6056-2", labs, inputs) == "");
  CHECK(lab.algorithm() == host::Rfc6056(2));
  CHECK(perform("ephemeral", "dest 192.0.2.1:53", labs, inputs) == "");
  CHECK(perform("ephemeral", "dest 192.0.2.1:53", labs, inputs).find("already") != std::string::npos);
  CHECK(perform("ephemeral", "use 192.0.2.1:53", labs, inputs) == "");
  REQUIRE(lab.selected_destination());
  CHECK(lab.destinations()[*lab.selected_destination()] == *net::parse_endpoint("192.0.2.1:53").value);
  CHECK(perform("ephemeral", "use 192.0.2.2:53", labs, inputs).find("not in the list") != std::string::npos);
  CHECK(perform("ephemeral", "remove-dest 192.0.2.9:53", labs, inputs).find("not in the list") !=
        std::string::npos);
  CHECK(perform("ephemeral", "range 50000-40000", labs, inputs) != "");
  CHECK(lab.host().settings().ephemeral(net::Transport::Tcp).lo == 40000);
  CHECK(perform("ephemeral", "reset", labs, inputs) == "");
  CHECK(lab.allocations().empty());
  CHECK(lab.journal().empty());
  CHECK(perform("port-map", "seed 9", labs, inputs) == "");
  CHECK(lab.seed() == 9);
}

TEST_CASE("actions: NAT Lab - stepping is bounded by the timeline and leaves the lab at rest") {
  labs::NatLab lab;
  lab.set_scenarios(test::read_repo_files("lessons/scenarios", {"port-forward.json"}));
  Labs labs{nullptr, nullptr, &lab};
  Inputs inputs;
  REQUIRE(lab.open_scenario("port-forward") == "");
  const size_t events = lab.event_count();
  REQUIRE(events >= 2);
  CHECK(perform("nat", "step", labs, inputs) == "");
  CHECK(lab.step() == 1);
  CHECK(lab.progress() == 1.0);
  CHECK(perform("nat", "step " + std::to_string(events), labs, inputs).find("cannot go") != std::string::npos);
  CHECK(lab.step() == 1);
  CHECK(perform("nat", "run", labs, inputs) == "");
  CHECK(lab.step() == events);
  CHECK(perform("nat", "back", labs, inputs) == "");
  CHECK(lab.step() == events - 1);
  CHECK(perform("nat", "restart", labs, inputs) == "");
  CHECK(lab.step() == 0);
  CHECK(perform("nat", "back", labs, inputs).find("no step back") != std::string::npos);
  CHECK(perform("nat", "profile full_cone", labs, inputs) == "");
  CHECK(std::string(lab.profile().key) == "full_cone");
  CHECK(perform("nat", "forward udp 5000 192.168.1.10:5000", labs, inputs) == "");
  CHECK(lab.rules().size() == 1);
  CHECK(perform("nat", "forward udp 5000 192.168.1.20:5000", labs, inputs) != "");
  CHECK(lab.rules().size() == 1);
  CHECK(perform("nat", "check", labs, inputs).find("No challenge") != std::string::npos);

  REQUIRE(lab.open_challenge("video-call") == "");
  CHECK(perform("nat", "choose full_cone", labs, inputs) == "");
  CHECK(perform("nat", "check", labs, inputs) == "");
  CHECK(lab.challenge_solved());
}

TEST_CASE("actions: answer puts the text where the activity's answer field is") {
  Labs none;
  Inputs inputs;
  CHECK(perform("port-explorer", "answer   Port 443 ", none, inputs) == "");
  CHECK(inputs.answer == "Port 443");
}
