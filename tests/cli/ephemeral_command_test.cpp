#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "usage_error_check.h"

using portlab::testing::run_cli;

namespace {
std::vector<int> ports_of(const portlab::json::Value& j) {
  std::vector<int> out;
  const auto* ports = j.find("ports");
  REQUIRE(ports != nullptr);
  for (const auto& p : ports->as_array()) out.push_back(static_cast<int>(p.as_number()));
  return out;
}
}  // namespace

TEST_CASE("cli ephemeral: the JSON contract {ports, error, failed_at} and exhaustion"
          " (experiment 4)") {
  auto r = run_cli({"ephemeral", "--os", "linux", "--range", "40000-40003", "--count", "6",
                    "--json"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  auto j = r.json();
  REQUIRE(j.is_object());
  auto ports = ports_of(j);
  CHECK(std::set<int>(ports.begin(), ports.end()) == std::set<int>{40000, 40001, 40002, 40003});
  CHECK(ports[0] % 2 == 0);
  CHECK(ports[1] % 2 == 0);
  CHECK(j.find("error")->as_string() == "EADDRNOTAVAIL");
  CHECK(j.find("failed_at")->as_number() == 4);
  CHECK(j.find("rule")->as_string() == "R3.1");
  CHECK(j.find("range")->find("lo")->as_number() == 40000);

  // Round-robin over two destinations: the same 4 ports serve both.
  auto rr = run_cli({"ephemeral", "--os", "linux", "--range", "40000-40003", "--count", "8",
                     "--dest", "198.51.100.1:80", "--dest", "198.51.100.2:80", "--json"})
                .json();
  CHECK(rr.find("error")->is_null());
  CHECK(rr.find("failed_at")->is_null());
  CHECK(ports_of(rr).size() == 8);

  auto bind0 = run_cli({"ephemeral", "--os", "linux", "--mode", "bind0", "--count", "30",
                        "--json"})
                   .json();
  for (int p : ports_of(bind0)) CHECK(p % 2 == 1);
  auto bind0_full = run_cli({"ephemeral", "--os", "linux", "--mode", "bind0", "--range",
                             "40000-40003", "--count", "5", "--json"})
                        .json();
  CHECK(bind0_full.find("error")->as_string() == "EADDRINUSE");
  CHECK(bind0_full.find("failed_at")->as_number() == 4);
  auto udp = run_cli({"ephemeral", "--os", "linux", "--mode", "udp", "--count", "30", "--json"})
                 .json();
  int even = 0;
  for (int p : ports_of(udp)) even += p % 2 == 0;
  CHECK(even > 0);
  CHECK(even < 30);

  // A listener is never shared (range 40010-40011, listener on 40010).
  auto pinned = run_cli({"ephemeral", "--os", "linux", "--range", "40010-40011", "--count", "3",
                         "--dest", "198.51.100.1:80", "--dest", "198.51.100.2:80", "--dest",
                         "198.51.100.3:80", "--existing", "0.0.0.0:40010/tcp:listen", "--json"})
                    .json();
  CHECK(ports_of(pinned) == std::vector<int>{40011, 40011, 40011});

  // Same seed, same ports; the algorithm and trace options are honoured.
  auto a = run_cli({"ephemeral", "--os", "linux", "--count", "5", "--seed", "9", "--json"});
  auto b = run_cli({"ephemeral", "--os", "linux", "--count", "5", "--seed", "9", "--json"});
  CHECK(ports_of(a.json()) == ports_of(b.json()));
  auto alg = run_cli({"ephemeral", "--os", "linux", "--count", "3", "--algorithm", "rfc6056-3",
                      "--trace", "--json"})
                 .json();
  auto seq = ports_of(alg);
  CHECK(seq[1] == seq[0] + 1);
  CHECK(alg.find("calls")->size() == 3);
  CHECK(alg.find("algorithm")->as_string() == "rfc6056-3");
  auto win = run_cli({"ephemeral", "--os", "windows", "--count", "2", "--json"}).json();
  CHECK(win.find("approximate")->as_bool() == true);
  auto xp = run_cli({"ephemeral", "--os", "windows_xp", "--count", "2", "--json"}).json();
  CHECK(ports_of(xp) == std::vector<int>{1025, 1026});
}

TEST_CASE("cli ephemeral: text output lists each call and the failure") {
  auto r = run_cli({"ephemeral", "--os", "linux", "--range", "40000-40001", "--count", "3"});
  CHECK(r.status == 0);
  CHECK(r.out.find("Linux connect() x3 from 40000-40001") != std::string::npos);
  CHECK(r.out.find("-> 203.0.113.10:443") != std::string::npos);
  CHECK(r.out.find("#2  EADDRNOTAVAIL") != std::string::npos);
}

TEST_CASE("cli ephemeral: bad input exits 2 with one stderr line naming the value, nothing"
          " on stdout") {
  portlab::testing::check_usage_errors("ephemeral", {
      {{"--os", "linux"}, "--count"},
      {{"--os", "linux", "--count", "0"}, "'0'"},
      {{"--os", "linux", "--count", "100001"}, "100001"},
      {{"--os", "linux", "--count", "1e3"}, "1e3"},
      {{"--os", "linux", "--count", "-1"}, "-1"},
      {{"--os", "linux", "--count", ""}, "empty"},
      {{"--os", "", "--count", "1"}, "''"},
      {{"--os", "plan9", "--count", "1"}, "plan9"},
      {{"--os", "linux", "--count", "1", "--range", "40000"}, "40000"},
      {{"--os", "linux", "--count", "1", "--range", "40000-70000"}, "70000"},
      {{"--os", "linux", "--count", "1", "--range", "40003-40000"}, "40003-40000"},
      {{"--os", "linux", "--count", "1", "--range", "500-600"}, "EINVAL"},
      {{"--os", "windows_xp", "--count", "1", "--range", "2000-3000"}, "2000-3000"},
      {{"--os", "linux", "--count", "1", "--mode", "accept"}, "accept"},
      {{"--os", "linux", "--count", "1", "--dest", "1.2.3.4"}, "1.2.3.4"},
      {{"--os", "linux", "--count", "1", "--dest", "1.2.3.4:70000"}, "70000"},
      {{"--os", "linux", "--count", "1", "--dest", "1.2.3.4:0"}, "1.2.3.4:0"},
      {{"--os", "linux", "--count", "1", "--algorithm", "rfc6056-6"}, "rfc6056-6"},
      {{"--os", "linux", "--count", "1", "--algorithm", "rfc6056-1", "--mode", "udp"},
       "--algorithm"},
      {{"--os", "linux", "--count", "1", "--seed", "-3"}, "-3"},
      {{"--os", "linux", "--count", "1", "--existing", "0.0.0.0:1/xyz"}, "xyz"},
      {{"--os", "linux", "--count", "1", "--sysctl", "net.inet.ip.portrange.first=1"},
       "net.inet.ip.portrange.first"},
      {{"--os", "linux", "--count", "1", "--frobnicate"}, "--frobnicate"},
      {{"--os", "linux", "--count", "1", "--count", "2"}, "--count"},
  });
}
