// Scenario files (tests/data/nat/*.json) replayed through the engine: the
// report's shape and the behaviour each file demonstrates.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "nat_lab.h"

using namespace portlab;
using namespace portlab::nat;
using json::Value;

namespace {

std::string read_data(const char* name) {
  std::ifstream in(std::string(PORTLAB_SOURCE_DIR) + "/tests/data/nat/" + name);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Value run_text(const std::string& text, uint64_t seed = 1) {
  ScenarioParse parsed = parse_scenario(text);
  INFO(parsed.error);
  REQUIRE(parsed.scenario);
  return run_scenario(*parsed.scenario, seed);
}

const Value& result(const Value& report, size_t i) {
  return report.find("results")->as_array().at(i);
}

std::string action(const Value& r) { return r.find("action")->as_string(); }

std::string replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("scenario: every data file parses, and each result carries its event index") {
  for (const char* name :
       {"issue_example.json", "hairpin_linux.json", "nat444_pcp.json", "static_and_pool.json"}) {
    CAPTURE(std::string(name));
    Value report = run_text(read_data(name));
    const Value* results = report.find("results");
    REQUIRE(results);
    for (size_t i = 0; i < results->size(); ++i) {
      const Value& r = results->as_array()[i];
      CHECK(r.find("event")->as_number() == static_cast<double>(i));
      CHECK_FALSE(r.find("reason")->as_string().empty());
      CHECK(r.find("steps")->size() > 0);
    }
    CHECK(report.find("table")->is_array());
  }
}

TEST_CASE(
    "R5.5 scenario: the Linux hairpin fails without the masquerade option and works with "
    "it") {
  std::string text = read_data("hairpin_linux.json");
  Value without = run_text(text);
  CHECK(action(result(without, 0)) == "delivered");
  CHECK(action(*result(without, 0).find("reply")) == "translated");
  CHECK(action(result(without, 1)) == "delivered");
  CHECK(action(*result(without, 1).find("reply")) == "dropped");
  Value with = run_text(replace(text, R"("profile": "linux",)",
                                R"("profile": "linux", "options": {"hairpin": true},)"));
  const Value& reply = *result(with, 1).find("reply");
  CHECK(action(reply) == "delivered");
  CHECK(reply.find("packet")->find("from")->as_string() == "203.0.113.1:8081");
  // Host names appear in the explanations.
  CHECK(json::write(result(with, 1)).find("client (10.0.1.3) sends") != std::string::npos);
}

TEST_CASE(
    "R5.6 scenario: NAT444 answers come back through both NATs; UPnP stays unreachable, "
    "carrier PCP does not") {
  Value report = run_text(read_data("nat444_pcp.json"));
  CHECK(action(result(report, 0)) == "translated");
  CHECK(result(report, 0).find("packet")->find("from")->as_string().rfind("198.51.100.1:", 0) == 0);
  CHECK(action(*result(report, 0).find("reply")) == "delivered");
  CHECK(action(result(report, 1)) == "granted");
  CHECK(result(report, 1).find("reachable_from_internet")->as_bool() == false);
  CHECK(result(report, 1).find("public")->is_null());
  CHECK(result(report, 2).find("reachable_from_internet")->as_bool() == true);
  CHECK(result(report, 2).find("public")->as_string() == "198.51.100.1:9090");
  // After 600 s the PCP lease is gone on both boxes; the UPnP one has no expiry.
  const Value& advanced = result(report, 3);
  int leases = 0;
  for (const Value& s : advanced.find("steps")->as_array())
    leases += s.find("kind")->as_string() == "lease-expired";
  CHECK(leases == 2);
  CHECK(report.find("forwards")->size() == 1);
}

TEST_CASE("scenario: static NAT lets anyone in; pool addresses are lent until the flows end") {
  Value report = run_text(read_data("static_and_pool.json"));
  CHECK(action(result(report, 0)) == "delivered");
  CHECK(result(report, 0).find("packet")->find("to")->as_string() == "192.168.1.30:22");
  CHECK(result(report, 1).find("packet")->find("from")->as_string() == "203.0.113.10:5000");
  CHECK(result(report, 2).find("packet")->find("from")->as_string() == "203.0.113.11:5000");
  CHECK(action(result(report, 3)) == "dropped");
  CHECK(result(report, 5).find("packet")->find("from")->as_string() == "203.0.113.10:5000");
}

TEST_CASE("scenario: unflagged TCP packets open with SYN, answer with SYN+ACK, then ACK") {
  Value report = run_text(
      R"({"profile":"linux","router":{"lan":"10.0.1.1/24","wan":"203.0.113.1"},"events":[
        {"send":{"proto":"tcp","from":"10.0.1.2:6000","to":"198.51.100.7:80"}},
        {"send":{"proto":"tcp","from":"198.51.100.7:80","to":"203.0.113.1:6000"}},
        {"send":{"proto":"tcp","from":"10.0.1.2:6000","to":"198.51.100.7:80"}}]})");
  CHECK(result(report, 0).find("sent")->find("flags")->as_string() == "SYN");
  CHECK(result(report, 1).find("sent")->find("flags")->as_string() == "SYN+ACK");
  CHECK(result(report, 2).find("sent")->find("flags")->as_string() == "ACK");
  const Value& entry = report.find("table")->as_array().at(0);
  CHECK(entry.find("state")->as_string() == "ESTABLISHED");
  CHECK(entry.find("expires_in")->as_number() == 432000);
  CHECK(entry.find("assured")->as_bool());
}

TEST_CASE("scenario: the report is the same for the same seed") {
  std::string text = R"({"profile":"linux","router":{"lan":"10.0.1.1/24","wan":"203.0.113.1"},
    "options":{"random":true},"events":[
    {"send":{"proto":"udp","from":"10.0.1.2:6000","to":"198.51.100.7:9000"}}]})";
  CHECK(json::write(run_text(text, 3)) == json::write(run_text(text, 3)));
  ScenarioParse parsed = parse_scenario(text);
  REQUIRE(parsed.scenario);
  CHECK_FALSE(parsed.scenario->seed.has_value());
}
