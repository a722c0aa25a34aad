#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli_runner.h"
#include "core/ports/os_profile.h"

using portlab::testing::run_cli;
namespace json = portlab::json;

namespace {

std::vector<std::string> strings(const json::Value* list) {
  std::vector<std::string> out;
  if (list)
    for (const json::Value& v : list->as_array()) out.push_back(v.as_string());
  return out;
}

const json::Value& field(const json::Value& obj, const std::string& key) {
  const json::Value* v = obj.find(key);
  REQUIRE_MESSAGE(v != nullptr, "missing field " << key);
  return *v;
}

}  // namespace

TEST_CASE("cli port: a number gives the contract fields (8080 --json)") {
  auto r = run_cli({"port", "8080", "--json"});
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  json::Value j = r.json();
  CHECK(field(j, "port").as_number() == 8080);
  CHECK(field(j, "range").as_string() == "user");
  CHECK(strings(j.find("range_names")) ==
        std::vector<std::string>{"User Ports", "Registered Ports"});
  const json::Array& services = field(j, "services").as_array();
  REQUIRE(services.size() == 1);
  CHECK(field(services[0], "name").as_string() == "http-alt");
  CHECK(strings(services[0].find("protocols")) == std::vector<std::string>{"tcp", "udp"});
  CHECK(field(services[0], "description").as_string().find("HTTP Alternate") == 0);
  CHECK(field(j, "ephemeral_in").is_array());
  CHECK(field(j, "ephemeral_in").size() == 0);  // below every default ephemeral range
  // seen_open is the highest figure over the transports, and says which.
  const json::Value& transports = field(j, "transports");
  double tcp = field(field(transports, "tcp"), "seen_open").as_number();
  double udp = field(field(transports, "udp"), "seen_open").as_number();
  CHECK(tcp > 0);
  CHECK(field(j, "seen_open").as_number() == std::max(tcp, udp));
  CHECK(field(j, "seen_open_transport").as_string() == (tcp >= udp ? "tcp" : "udp"));
  CHECK(field(field(j, "sources"), "services").as_string().find("libwireshark-data") == 0);
  CHECK(j.find("exam") == nullptr);
}

TEST_CASE("cli port: ephemeral_in lists the OS profiles whose default range holds the port") {
  for (int port : {1025, 5000, 10000, 40000, 50000, 61000, 65535}) {
    CAPTURE(port);
    auto r = run_cli({"port", std::to_string(port), "--json"});
    REQUIRE(r.status == 0);
    std::vector<std::string> expected;
    for (const auto& p : portlab::ports::os_profiles())
      if (p.ephemeral.contains(port)) expected.push_back(p.key);
    CHECK(strings(r.json().find("ephemeral_in")) == expected);
  }
  auto linux_port = run_cli({"port", "40000", "--json"});
  CHECK(strings(linux_port.json().find("ephemeral_in"))[0] == "linux");
  CHECK(field(linux_port.json(), "range").as_string() == "user");
  CHECK(field(run_cli({"port", "61000", "--json"}).json(), "range").as_string() == "dynamic");
  CHECK(field(run_cli({"port", "443", "--json"}).json(), "range").as_string() == "system");
}

TEST_CASE("cli port: --proto keeps one transport (514 udp is syslog, tcp is shell)") {
  auto udp = run_cli({"port", "514", "--proto", "udp", "--json"});
  REQUIRE(udp.status == 0);
  json::Value j = udp.json();
  REQUIRE(field(j, "services").size() == 1);
  CHECK(field(field(j, "services").as_array()[0], "name").as_string() == "syslog");
  CHECK(field(j, "transports").members().size() == 1);
  CHECK(field(j, "seen_open_transport").as_string() == "udp");
  CHECK(strings(field(j, "exam").find("used")) == std::vector<std::string>{"udp"});

  auto tcp = run_cli({"port", "514", "--proto=tcp", "--json"});
  CHECK(field(field(tcp.json(), "services").as_array()[0], "name").as_string() == "shell");

  auto text = run_cli({"port", "514", "--proto", "udp"});
  REQUIRE(text.status == 0);
  CHECK(text.out.find("udp   syslog") != std::string::npos);
  CHECK(text.out.find("tcp   shell") == std::string::npos);
  CHECK(text.out.find("System Ports") != std::string::npos);
}

TEST_CASE("cli port: readable text names the range, each transport and the source") {
  auto r = run_cli({"port", "514"});
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("Port 514 is one of the System Ports") == 0);
  CHECK(r.out.find("tcp   shell") != std::string::npos);
  CHECK(r.out.find("udp   syslog") != std::string::npos);
  CHECK(r.out.find("Really used over: UDP") != std::string::npos);
  CHECK(r.out.find("libwireshark-data") != std::string::npos);
}

TEST_CASE("cli port: a service name gives matches, exact first, then prefix") {
  auto r = run_cli({"port", "http", "--json"});
  REQUIRE(r.status == 0);
  json::Value j = r.json();
  const json::Array& matches = field(j, "matches").as_array();
  REQUIRE(matches.size() >= 5);
  CHECK(field(matches[0], "port").as_number() == 80);
  CHECK(field(matches[0], "exact").as_bool() == true);
  CHECK(field(matches[0], "range").as_string() == "system");
  CHECK(field(matches[0], "services").size() >= 1);
  for (size_t i = 1; i < matches.size(); ++i) {
    CHECK(field(matches[i], "exact").as_bool() == false);
    CHECK(field(matches[i], "matched_name").as_string().compare(0, 4, "http") == 0);
  }
  CHECK(field(j, "total").as_number() == field(j, "shown").as_number());

  json::Value alt = run_cli({"port", "HTTP-ALT", "--json"}).json();
  std::vector<double> ports;
  for (const json::Value& m : field(alt, "matches").as_array())
    ports.push_back(field(m, "port").as_number());
  CHECK(ports == std::vector<double>{591, 8008, 8080});

  // A name starting with a digit is still a name.
  auto digit = run_cli({"port", "3com-tsmux", "--json"});
  REQUIRE(digit.status == 0);
  CHECK(field(field(digit.json(), "matches").as_array()[0], "port").as_number() == 106);

  auto limited = run_cli({"port", "ms-", "--limit", "3", "--json"});
  CHECK(field(limited.json(), "matches").size() == 3);
  CHECK(field(limited.json(), "total").as_number() > 3);

  auto text = run_cli({"port", "http-alt"});
  CHECK(text.out.find("'http-alt': 3 exact") == 0);
}

TEST_CASE("cli port: an unknown service name exits 1 with one line naming it") {
  auto r = run_cli({"port", "no-such-service", "--json"});
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(r.err_lines() == 1);
  CHECK(r.err.find("no service named 'no-such-service'") != std::string::npos);
  // redis is registered on TCP only.
  auto udp = run_cli({"port", "redis", "--proto", "udp"});
  CHECK(udp.status == 1);
  CHECK(udp.err.find("on udp") != std::string::npos);
}

TEST_CASE("cli port: bad input exits 2 with one stderr line naming the bad value") {
  struct Case {
    std::vector<std::string> words;
    std::string named;
  };
  const Case cases[] = {
      {{"port", "70000"}, "70000"},
      {{"port", "-1"}, "-1"},
      {{"port", "1e3"}, "1e3"},
      {{"port", "+80"}, "+80"},
      {{"port", "99999999999999999999"}, "99999999999999999999"},
      {{"port", ""}, "empty"},
      {{"port"}, "port number"},
      {{"port", "80", "--proto", "icmp"}, "icmp"},
      {{"port", "80", "--proto="}, "empty"},
      {{"port", "--proto", "icmp"}, "icmp"},
      {{"port", "80", "--bogus"}, "--bogus"},
      {{"port", "80", "--limit", "0"}, "'0'"},
      {{"port", "http", "--limit", "x"}, "'x'"},
      {{"port", "80", "443"}, "443"},
      {{"port", "80", "--json", "--json"}, "--json"},
  };
  for (const Case& c : cases) {
    auto r = run_cli(c.words);
    CAPTURE(r.err);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err_lines() == 1);
    CHECK(r.err.find(c.named) != std::string::npos);
  }
}

TEST_CASE("cli port: help lists the port command and its exit codes") {
  auto r = run_cli({"help"});
  CHECK(r.out.find("port <number|service>") != std::string::npos);
  CHECK(r.out.find("exit 1 if no service has that name") != std::string::npos);
}
