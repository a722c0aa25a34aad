// portlab-cli nat --scenario: the output contract on the issue's example
// scenario, and malformed scenarios (exit 2, one stderr line naming where).
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "cli_runner.h"

using portlab::json::Value;
using portlab::testing::run_cli;

namespace {

const std::string kExample = std::string(PORTLAB_SOURCE_DIR) + "/tests/data/nat/issue_example.json";

// Writes `text` to a file under the system's temporary directory. The name
// carries the process id: the native and sanitizer suites (and other
// checkouts on the machine) run these tests at the same time.
std::string scenario_file(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() /
              ("portlab_nat_" + std::to_string(getpid()) + "_" + name + ".json");
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

const std::string kRouter = R"("router":{"lan":"192.168.1.1/24","wan":"203.0.113.1"})";

std::string with_events(const std::string& events) {
  return R"({"profile":"linux",)" + kRouter + R"(,"events":)" + events + "}";
}

}  // namespace

TEST_CASE("cli nat: the issue's example prints results per event and the table") {
  auto r = run_cli({"nat", "--scenario", kExample, "--json"});
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  Value out = r.json();
  const Value* results = out.find("results");
  REQUIRE(results);
  REQUIRE(results->size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    const Value& result = results->as_array()[i];
    CHECK(result.find("event")->as_number() == static_cast<double>(i));
    CHECK(result.find("steps")->size() > 0);
    CHECK(result.find("reason")->as_string().size() > 0);
    for (const Value& step : result.find("steps")->as_array())
      for (const char* key : {"kind", "where", "explanation", "rule"})
        CHECK_MESSAGE((step.find(key) != nullptr && step.find(key)->is_string()), key);
  }
  const Value& first = results->as_array()[0];
  CHECK(first.find("action")->as_string() == "translated");
  const Value* packet = first.find("packet");
  CHECK(packet->find("proto")->as_string() == "udp");
  CHECK(packet->find("from")->as_string() == "203.0.113.1:6000");
  CHECK(packet->find("to")->as_string() == "198.51.100.7:9000");
  CHECK(results->as_array()[1].find("action")->as_string() == "advanced");
  const Value& third = results->as_array()[2];
  CHECK(third.find("action")->as_string() == "dropped");
  CHECK(third.find("packet")->find("to")->as_string() == "203.0.113.1:6000");
  // The 30 s conntrack entry expired during the 31 s advance.
  const Value* table = out.find("table");
  REQUIRE(table);
  CHECK(table->is_array());
  CHECK(table->size() == 0);
  CHECK(out.find("forwards")->size() == 1);
}

TEST_CASE("cli nat: the table lists each mapping with its state and time left") {
  auto path = scenario_file(
      "table", with_events(
                   R"([{"send":{"proto":"udp","from":"192.168.1.10:6000","to":"198.51.100.7:9000"}},
          {"advance":10}])"));
  auto r = run_cli({"nat", "--scenario", path, "--json"});
  REQUIRE(r.status == 0);
  Value out = r.json();
  const Value* table = out.find("table");
  REQUIRE(table->size() == 1);
  const Value& e = table->as_array()[0];
  CHECK(e.find("proto")->as_string() == "udp");
  CHECK(e.find("internal")->as_string() == "192.168.1.10:6000");
  CHECK(e.find("external")->as_string() == "203.0.113.1:6000");
  CHECK(e.find("remote")->as_string() == "198.51.100.7:9000");
  CHECK(e.find("state")->as_string() == "UNREPLIED");
  CHECK(e.find("expires_in")->as_number() == 20);
}

TEST_CASE("cli nat: text output, and the same seed gives the same output") {
  auto text = run_cli({"nat", "--scenario", kExample});
  CHECK(text.status == 0);
  CHECK(text.out.find("event 2") != std::string::npos);
  auto path = scenario_file(
      "seed", with_events(
                  R"([{"send":{"proto":"udp","from":"192.168.1.10:6000","to":"198.51.100.7:9000"}},
          {"send":{"proto":"udp","from":"192.168.1.11:6000","to":"198.51.100.7:9000"}}])"));
  auto a = run_cli({"nat", "--scenario", path, "--json", "--seed", "5"});
  auto b = run_cli({"nat", "--scenario", path, "--json", "--seed", "5"});
  CHECK(a.status == 0);
  CHECK(a.out == b.out);
  bool differs = false;
  for (const char* seed : {"6", "7", "8"})
    differs =
        differs || run_cli({"nat", "--scenario", path, "--json", "--seed", seed}).out != a.out;
  CHECK(differs);
}

TEST_CASE("cli nat: a malformed scenario exits 2 with one stderr line naming where") {
  struct Case {
    const char* name;
    std::string text;
    const char* expected;  // must appear in the error line
  };
  std::string deep(200, '[');
  const Case cases[] = {
      {"bad_json", "{\n  \"profile\": \"linux\",\n  \"router\": {,\n}", "line 3, column 14"},
      {"deep", deep, "nesting deeper than 64 levels"},
      {"not_object", "[]", "$: expected an object"},
      {"unknown_profile", R"({"profile":"cisco",)" + kRouter + R"(,"events":[]})",
       "$.profile: unknown profile \"cisco\""},
      {"missing_router", R"({"profile":"linux","events":[]})",
       "$: missing required field \"router\""},
      {"bad_lan",
       R"({"profile":"linux","router":{"lan":"192.168.1/24","wan":"203.0.113.1"},)"
       R"("events":[]})",
       "$.router.lan: address '192.168.1' is not an IPv4 address"},
      {"bad_from", with_events(R"([{"advance":1},{"advance":2},
          {"send":{"proto":"udp","from":"1.2.3","to":"198.51.100.7:9000"}}])"),
       "$.events[2].send.from: address '1.2.3' is not an IPv4 address like"},
      {"unknown_event", with_events(R"([{"jump":{}}])"), "$.events[0].jump: unknown field"},
      {"empty_event", with_events(R"([{}])"), "$.events[0]: an event needs exactly one of"},
      {"two_kinds", with_events(R"([{"advance":1,"send":{}}])"), "$.events[0]: "},
      {"advance_type", with_events(R"([{"advance":"31"}])"),
       "$.events[0].advance: expected a number, found a string"},
      {"negative_advance", with_events(R"([{"advance":-5}])"),
       "$.events[0].advance: a duration cannot be negative"},
      {"huge_advance", with_events(R"([{"advance":1e300}])"), "$.events[0].advance: number"},
      {"huge_port",
       R"({"profile":"linux",)" + kRouter +
           R"(,"forwards":[{"proto":"tcp","external_port":1e300,)"
           R"("internal":"192.168.1.20:80"}],"events":[]})",
       "$.forwards[0].external_port: number"},
      {"bad_proto",
       with_events(R"([{"send":{"proto":"icmp","from":"192.168.1.10:1",)"
                   R"("to":"198.51.100.7:9"}}])"),
       "$.events[0].send.proto: transport \"icmp\" is not tcp or udp"},
      {"wrong_type", R"({"profile":"linux",)" + kRouter + R"(,"events":{}})",
       "$.events: expected an array, found an object"},
      {"events_not_objects", with_events("[1]"), "$.events[0]: expected an object"},
      {"linux_only_option",
       R"({"profile":"full_cone","options":{"hairpin_masquerade":true},)" + kRouter +
           R"(,"events":[]})",
       "$.options.hairpin_masquerade: unknown field"},
      {"overlap",
       R"({"profile":"linux",)" + kRouter +
           R"(,"forwards":[{"proto":"tcp","external_port":8081,)"
           R"("internal":"192.168.1.20:80"},{"proto":"both","external_port":)"
           R"("8000-8100","internal":"192.168.1.30"}],"events":[]})",
       "$.forwards[1]: forward 2"},
      {"router_source",
       with_events(R"([{"send":{"proto":"udp","from":"203.0.113.1:5",)"
                   R"("to":"198.51.100.7:9"}}])"),
       "$.events[0].send.from: 203.0.113.1 belongs to a NAT box"},
      {"request_outside",
       with_events(R"([{"natpmp":{"proto":"udp","from":"198.51.100.7",)"
                   R"("internal_port":5000}}])"),
       "$.events[0].natpmp.from: 198.51.100.7 is not a host on the LAN"},
  };
  for (const Case& c : cases) {
    std::string name = c.name;
    CAPTURE(name);
    auto r = run_cli({"nat", "--scenario", scenario_file(c.name, c.text)});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err_lines() == 1);
    CHECK_MESSAGE(r.err.find(c.expected) != std::string::npos, r.err);
    CHECK(r.err.find("portlab-cli nat: ") == 0);
  }
}

TEST_CASE("cli nat: a missing file, a missing option or a bad seed exits 2") {
  for (auto words : {std::vector<std::string>{"nat"},
                     std::vector<std::string>{"nat", "--scenario", "/nonexistent/portlab.json"},
                     std::vector<std::string>{"nat", "--scenario", kExample, "--seed", "-1"},
                     std::vector<std::string>{"nat", "--scenario", kExample, "extra"}}) {
    auto r = run_cli(words);
    CHECK(r.status == 2);
    CHECK(r.err_lines() == 1);
  }
  auto dir = run_cli({"nat", "--scenario", std::filesystem::temp_directory_path().string()});
  CHECK(dir.status == 2);
  CHECK(dir.err_lines() == 1);
}

TEST_CASE("cli nat: help lists the command") {
  CHECK(run_cli({"help"}).out.find("nat --scenario FILE.json") != std::string::npos);
}
