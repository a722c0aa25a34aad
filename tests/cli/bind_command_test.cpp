#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli_runner.h"
#include "usage_error_check.h"

using portlab::testing::run_cli;

namespace {
std::string str(const portlab::json::Value* v) { return v && v->is_string() ? v->as_string() : ""; }
}  // namespace

TEST_CASE("cli bind: the JSON contract {ok, errno, rule, explanation} plus approximate, os, port") {
  auto r = run_cli({"bind", "--os", "linux", "--port", "80", "--uid", "65534", "--json"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  auto j = r.json();
  REQUIRE(j.is_object());
  CHECK(j.find("ok")->as_bool(true) == false);
  CHECK(str(j.find("errno")) == "EACCES");
  CHECK(str(j.find("rule")) == "R4.1");
  CHECK(str(j.find("explanation")).find("Port 80") != std::string::npos);
  CHECK(j.find("approximate")->is_bool());
  CHECK(str(j.find("os")) == "linux");
  CHECK(j.find("port")->is_null());
  CHECK(str(j.find("settings")->find("net.ipv4.ip_unprivileged_port_start")) == "1024");

  auto ok = run_cli({"bind", "--os", "linux", "--port", "80", "--uid", "65534", "--cap",
                     "net_bind_service", "--json"})
                .json();
  CHECK(ok.find("ok")->as_bool() == true);
  CHECK(ok.find("errno")->is_null());
  CHECK(ok.find("port")->as_number() == 80);
}

TEST_CASE("cli bind: sysctls, existing sockets, reuse flags and bind(0) reach the model") {
  auto lowered = run_cli({"bind", "--os", "linux", "--port", "443", "--uid", "65534", "--sysctl",
                          "net.ipv4.ip_unprivileged_port_start=443", "--json"})
                     .json();
  CHECK(lowered.find("ok")->as_bool() == true);
  CHECK(str(lowered.find("rule")) == "R4.2");

  auto two_listeners = run_cli({"bind", "--os", "linux", "--port", "8080", "--reuseaddr",
                                "--existing", "0.0.0.0:8080/tcp:listen:reuseaddr", "--json"})
                           .json();
  CHECK(str(two_listeners.find("errno")) == "EADDRINUSE");
  auto reuseport = run_cli({"bind", "--os", "linux", "--port", "8080", "--reuseport",
                            "--existing", "0.0.0.0:8080/tcp:listen:reuseport", "--json"})
                       .json();
  CHECK(reuseport.find("ok")->as_bool() == true);
  auto other_user = run_cli({"bind", "--os", "linux", "--port", "8080", "--reuseport",
                             "--existing", "0.0.0.0:8080/tcp:listen:reuseport:uid=0", "--json"})
                        .json();
  CHECK(str(other_user.find("errno")) == "EADDRINUSE");
  auto tw = run_cli({"bind", "--os", "linux", "--port", "8080", "--reuseaddr", "--existing",
                     "0.0.0.0:8080/tcp:timewait", "--json"})
                .json();
  CHECK(str(tw.find("errno")) == "EADDRINUSE");
  CHECK(str(tw.find("rule")) == "R3.6");
  auto tw_both = run_cli({"bind", "--os", "linux", "--port", "8080", "--reuseaddr", "--listen",
                          "--existing", "0.0.0.0:8080/tcp:timewait:reuseaddr", "--json"})
                     .json();
  CHECK(tw_both.find("ok")->as_bool() == true);
  auto second_listen = run_cli({"bind", "--os", "linux", "--port", "8080", "--reuseaddr",
                                "--listen", "--existing", "0.0.0.0:8080/tcp:reuseaddr:listen",
                                "--json"})
                           .json();
  CHECK(str(second_listen.find("call")) == "bind");
  CHECK(str(second_listen.find("errno")) == "EADDRINUSE");
  auto udp_beside_tcp = run_cli({"bind", "--os", "linux", "--port", "8080", "--proto", "udp",
                                 "--existing", "0.0.0.0:8080/tcp:listen", "--json"})
                            .json();
  CHECK(udp_beside_tcp.find("ok")->as_bool() == true);
  auto not_local = run_cli({"bind", "--os", "linux", "--port", "8080", "--addr", "10.0.0.5",
                            "--json"})
                       .json();
  CHECK(str(not_local.find("errno")) == "EADDRNOTAVAIL");
  auto with_addr = run_cli({"bind", "--os", "linux", "--port", "8080", "--addr", "10.0.0.5",
                            "--host-addr", "10.0.0.5", "--json"})
                       .json();
  CHECK(with_addr.find("ok")->as_bool() == true);
  auto zero = run_cli({"bind", "--os", "linux", "--port", "0", "--json"}).json();
  CHECK(zero.find("ok")->as_bool() == true);
  CHECK(static_cast<int>(zero.find("port")->as_number()) % 2 == 1);
  CHECK(str(zero.find("rule")) == "R3.2");
  CHECK_FALSE(str(zero.find("explanation")).empty());  // an automatic pick is explained too
  auto mac = run_cli({"bind", "--os", "macos", "--port", "80", "--addr", "127.0.0.1", "--json"})
                 .json();
  CHECK(str(mac.find("errno")) == "EACCES");
  CHECK(str(mac.find("rule")) == "R4.3");
  auto win = run_cli({"bind", "--os", "windows_modern", "--port", "80", "--json"}).json();
  CHECK(str(win.find("rule")) == "R4.4");
  auto sol = run_cli({"bind", "--os", "solaris", "--port", "2049", "--json"}).json();
  CHECK(str(sol.find("errno")) == "EACCES");
}

TEST_CASE("cli bind: text output names the call, the answer and the rule") {
  auto r = run_cli({"bind", "--os", "freebsd", "--port", "80"});
  CHECK(r.status == 0);
  CHECK(r.out.find("bind(0.0.0.0:80/tcp) as uid 1000 on FreeBSD: EACCES  [R4.5]") !=
        std::string::npos);
  CHECK(r.out.find("reservedlow") != std::string::npos);
}

TEST_CASE("cli bind: bad input exits 2 with one stderr line naming the value, nothing on stdout") {
  portlab::testing::check_usage_errors("bind", {
      {{"--os", "linux", "--port", "70000"}, "70000"},
      {{"--os", "linux", "--port", "-1"}, "-1"},
      {{"--os", "linux", "--port", "1e3"}, "1e3"},
      {{"--os", "linux", "--port", ""}, "empty"},
      {{"--os", "linux"}, "--port"},
      {{"--os", "beos", "--port", "80"}, "beos"},
      {{"--port", "80"}, "--os"},
      {{"--os", "linux", "--port", "80", "--addr", "1.2.3"}, "1.2.3"},
      {{"--os", "linux", "--port", "80", "--addr", "256.1.1.1"}, "256.1.1.1"},
      {{"--os", "linux", "--port", "80", "--proto", "icmp"}, "icmp"},
      {{"--os", "linux", "--port", "80", "--proto", "sctp"}, "sctp"},
      {{"--os", "linux", "--port", "80", "--uid", "-5"}, "-5"},
      {{"--os", "linux", "--port", "80", "--cap", "net_admin"}, "net_admin"},
      {{"--os", "macos", "--port", "80", "--cap", "net_bind_service"}, "macos"},
      {{"--os", "linux", "--port", "80", "--bogus"}, "--bogus"},
      {{"--os", "linux", "--port", "80", "extra"}, "extra"},
      {{"--os", "linux", "--port", "80", "--sysctl", "net.ipv4.nonsense=1"}, "net.ipv4.nonsense"},
      {{"--os", "linux", "--port", "80", "--sysctl", "net.ipv4.tcp_tw_reuse"}, "tcp_tw_reuse"},
      {{"--os", "linux", "--port", "80", "--sysctl", "net.ipv4.tcp_tw_reuse=7"}, "'7'"},
      {{"--os", "linux", "--port", "80", "--sysctl", "net.ipv4.ip_local_port_range=500 600"},
       "EINVAL"},
      {{"--os", "linux", "--port", "80", "--sysctl",
        "net.ipv4.ip_local_port_range=40000-40003"},
       "40000-40003"},
      {{"--os", "linux", "--port", "80", "--existing", "0.0.0.0:8080"}, "0.0.0.0:8080"},
      {{"--os", "linux", "--port", "80", "--existing", "0.0.0.0:8080/tcp:sticky"}, "sticky"},
      {{"--os", "linux", "--port", "80", "--existing", "0.0.0.0:99999/tcp"}, "99999"},
      {{"--os", "linux", "--port", "80", "--existing", "0.0.0.0:53/udp:listen"}, "0.0.0.0:53/udp"},
      {{"--os", "linux", "--port", "80", "--existing", "0.0.0.0:8080/tcp:listen", "--existing",
        "0.0.0.0:8080/tcp:listen"},
       "0.0.0.0:8080/tcp:listen"},
      {{"--os", "linux", "--port", "80", "--existing", "10.1.1.1:8080/tcp"}, "10.1.1.1"},
      {{"--os", "linux", "--port", "80", "--host-addr", "0.0.0.0"}, "0.0.0.0"},
      {{"--os", "linux", "--port", "80", "--seed", "x"}, "'x'"},
      {{"--os", "linux", "--port", "80", "--proto", "udp", "--listen"}, "--listen"},
  });
}
