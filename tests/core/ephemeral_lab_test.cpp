#include <doctest/doctest.h>

#include <set>

#include "core/labs/ephemeral_lab.h"
#include "shipped_lessons.h"

using namespace portlab;

using test::make_preset;

TEST_CASE("ephemeral lab: every ephemeral and port-map preset of the shipped lessons applies") {
  const std::vector<course::Directive> presets =
      test::shipped_presets({"ephemeral", "port-map"});
  CHECK(presets.size() >= 9);
  for (const course::Directive& d : presets) {
    labs::EphemeralLab lab;
    const std::string problem = lab.apply_preset(d);
    INFO("preset at line " << d.line << ": " << problem);
    CHECK(problem.empty());
    if (!d.get("count").empty()) CHECK(!lab.allocations().empty());
  }
}

TEST_CASE("R3.1 ephemeral lab: the lesson's five connects give the ports the lesson names") {
  labs::EphemeralLab lab;
  REQUIRE(lab.apply_preset(make_preset({{"os", "linux"}, {"mode", "connect"},
                                    {"dest", "203.0.113.10:443"}, {"count", "5"},
                                    {"seed", "1"}})) == "");
  REQUIRE(lab.allocations().size() == 5);
  const uint16_t expected[] = {47694, 47706, 47712, 47722, 47738};  // lesson 01
  for (size_t i = 0; i < 5; ++i) CHECK(lab.allocations()[i].decision.port == expected[i]);
  CHECK(lab.allocations()[0].decision.probes >= 1);
  CHECK(!lab.allocations()[0].decision.explanation.empty());
}

TEST_CASE("R3.1 ephemeral lab: the exhaustion demo's fifth connect fails with EADDRNOTAVAIL") {
  labs::EphemeralLab lab;
  lab.start_exhaustion_demo();
  CHECK(lab.host().settings().ephemeral(net::Transport::Tcp).size() == 4);
  CHECK(lab.open(10) == 4);
  REQUIRE(lab.allocations().size() == 5);
  const host::Decision& last = lab.allocations().back().decision;
  CHECK_FALSE(last.ok);
  CHECK(std::string(last.error) == "EADDRNOTAVAIL");
  CHECK(last.explanation.find("40000") != std::string::npos);
  CHECK(lab.count(host::SocketState::Connected) == 4);
}

TEST_CASE("R3.6 ephemeral lab: TIME_WAIT ages on the simulated clock at the chosen speed") {
  labs::EphemeralLab lab;
  REQUIRE(lab.open(3) == 3);
  lab.close_all();
  CHECK(lab.count(host::SocketState::TimeWait) == 3);
  CHECK(lab.ageing());
  CHECK(lab.next_expiry() == 60 * sim::kSecond);  // Linux TCP_TIMEWAIT_LEN
  lab.set_speed(0);
  lab.tick(100000);
  CHECK(lab.ageing());
  lab.set_speed(60);
  lab.tick(999);  // 59.94 simulated seconds
  CHECK(lab.ageing());
  lab.tick(1);
  CHECK_FALSE(lab.ageing());
  CHECK(lab.host().sockets().size() == 0);
}

TEST_CASE("R3.6 ephemeral lab: after exhaustion, closing and waiting frees the range") {
  labs::EphemeralLab lab;
  lab.start_exhaustion_demo();
  lab.open(4);
  lab.close_all();
  CHECK(lab.open(1) == 0);  // the four 4-tuples are held in TIME_WAIT
  lab.advance(60 * sim::kSecond);
  CHECK(lab.open(1) == 1);
}

TEST_CASE("ephemeral lab: RFC 6056 algorithms compared on one seeded scenario") {
  const auto a = labs::compare_algorithms(ports::os_profile(ports::OsId::Linux), 7);
  const auto b = labs::compare_algorithms(ports::os_profile(ports::OsId::Linux), 7);
  REQUIRE(a.size() == 6);
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].predictability == b[i].predictability);
    CHECK(a[i].probes_per_connect == b[i].probes_per_connect);
    CHECK(a[i].probes_per_connect >= 1.0);
    CHECK(a[i].failures == 0);
  }
  // Algorithm 2 draws a fresh random port each time: hardly ever guessable,
  // but it meets ports in use. Algorithm 4 counts up per destination: the
  // next port is the previous plus one, and never in use.
  const labs::AlgorithmScore& random_each = a[2];
  const labs::AlgorithmScore& double_hash = a[4];
  CHECK(random_each.predictability < 0.2);
  CHECK(double_hash.predictability > 0.9);
  CHECK(random_each.probes_per_connect > double_hash.probes_per_connect);
}

TEST_CASE("ephemeral lab: destinations, round-robin and a chosen one") {
  labs::EphemeralLab lab;
  const size_t before = lab.destinations().size();
  CHECK(lab.add_destination("192.0.2.1:0").find("port 0") != std::string::npos);
  CHECK(lab.add_destination("192.0.2.1:25") == "");
  CHECK(lab.destinations().size() == before + 1);
  lab.select_destination(before);
  lab.open(2);
  for (const labs::Allocation& a : lab.allocations())
    CHECK(net::to_string(a.dest) == "192.0.2.1:25");
  lab.select_destination(std::nullopt);
  lab.reset();
  lab.open(static_cast<int>(lab.destinations().size()));
  std::set<std::string> seen;
  for (const labs::Allocation& a : lab.allocations()) seen.insert(net::to_string(a.dest));
  CHECK(seen.size() == lab.destinations().size());
}

TEST_CASE("ephemeral lab: bad presets, ranges and links change nothing") {
  labs::EphemeralLab lab;
  lab.open(2);
  CHECK(lab.apply_preset(make_preset({{"mode", "udp"}, {"algorithm", "rfc6056-3"}})) != "");
  CHECK(lab.apply_preset(make_preset({{"range", "100-200"}})).rfind("range:", 0) == 0);
  CHECK(lab.set_range("100-200") != "");
  CHECK(lab.open_link("amiga") != "");
  CHECK(lab.allocations().size() == 2);
  CHECK(lab.open_link("exhaustion") == "");
  CHECK(lab.host().settings().ephemeral(net::Transport::Tcp).lo == 40000);
}
