#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli_runner.h"
#include "usage_error_check.h"

using portlab::testing::run_cli;

namespace {
std::string str(const portlab::json::Value* v) { return v && v->is_string() ? v->as_string() : ""; }
}  // namespace

TEST_CASE("cli sockets: ss -tan by default on Linux, the text exactly as ss prints into a pipe") {
  auto r = run_cli({"sockets", "--os", "linux", "--existing", "0.0.0.0:22/tcp:listen:proc=sshd",
                    "--existing", "127.0.0.1:631/tcp:listen", "--existing",
                    "0.0.0.0:80/tcp:timewait"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "State     Recv-Q Send-Q Local Address:Port   Peer Address:Port\n"
        "LISTEN    0      128          0.0.0.0:22          0.0.0.0:*\n"
        "LISTEN    0      128        127.0.0.1:631         0.0.0.0:*\n"
        "TIME-WAIT 0      0       192.168.1.10:80   198.51.100.200:40000\n");
}

TEST_CASE("cli sockets: --tool, processes from :proc= and --connect, and --columns") {
  auto r = run_cli({"sockets", "--os", "linux", "--tool", "ss -tulpn", "--existing",
                    "0.0.0.0:22/tcp:listen:proc=sshd", "--existing", "0.0.0.0:68/udp"});
  CHECK(r.status == 0);
  CHECK(r.out ==
        "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n"
        "udp   UNCONN 0      0            0.0.0.0:68        0.0.0.0:*    "
        "users:((\"server\",pid=816,fd=3))\n"
        "tcp   LISTEN 0      128          0.0.0.0:22        0.0.0.0:*    "
        "users:((\"sshd\",pid=812,fd=3))\n");

  auto connected = run_cli({"sockets", "--os", "windows", "--connect", "203.0.113.10:443"});
  CHECK(connected.status == 0);
  CHECK(connected.out.find("ESTABLISHED     812\n") != std::string::npos);
  CHECK(connected.out.find(" 203.0.113.10:443 ") != std::string::npos);

  auto wide = run_cli({"sockets", "--os", "linux", "--columns", "80", "--existing",
                       "0.0.0.0:22/tcp:listen"});
  CHECK(wide.out ==
        "State     Recv-Q    Send-Q       Local Address:Port        Peer Address:Port\n"
        "LISTEN    0         128                0.0.0.0:22               0.0.0.0:*\n");
}

TEST_CASE("cli sockets: the BSD layouts follow --os") {
  auto mac = run_cli({"sockets", "--os", "macos", "--existing", "0.0.0.0:22/tcp:listen"});
  CHECK(mac.out ==
        "Active Internet connections (including servers)\n"
        "Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)\n"
        "tcp4       0      0  *.22                   *.*                    LISTEN\n");
  auto bsd = run_cli({"sockets", "--os", "freebsd", "--tool", "netstat -an -p udp",
                      "--existing", "0.0.0.0:514/udp"});
  CHECK(bsd.out ==
        "Active Internet connections (including servers)\n"
        "Proto Recv-Q Send-Q Local Address          Foreign Address        (state)\n"
        "udp4       0      0 *.514                  *.*\n");
}

TEST_CASE("cli sockets: --json gives the tool, its prompt, the text, notes and the system's tools") {
  auto r = run_cli({"sockets", "--os", "linux", "--tool", "netstat -tan", "--existing",
                    "0.0.0.0:8080/tcp", "--json"});
  CHECK(r.status == 0);
  auto j = r.json();
  REQUIRE(j.is_object());
  CHECK(str(j.find("os")) == "linux");
  CHECK(str(j.find("tool")) == "netstat -tan");
  CHECK(str(j.find("prompt")) == "$ netstat -tan");
  CHECK(str(j.find("text")).rfind("Active Internet connections (servers and established)\n", 0) ==
        0);
  REQUIRE(j.find("notes")->is_array());
  REQUIRE(j.find("notes")->as_array().size() == 1);  // the bound-only socket is left out
  CHECK(str(&j.find("notes")->as_array()[0]).find("netstat leaves out 1 TCP socket") == 0);
  REQUIRE(j.find("tools")->is_array());
  CHECK(j.find("tools")->as_array().size() == 5);
}

TEST_CASE("cli sockets: bad input exits 2 with one line naming it") {
  portlab::testing::check_usage_errors(
      "sockets",
      {
          {{}, "--os"},
          {{"--os", "linux", "--tool", "netstat -ano"}, "netstat -ano"},
          {{"--os", "windows", "--tool", "ss -tan"}, "known: netstat -ano"},
          {{"--os", "solaris"}, "Solaris"},
          {{"--os", "linux", "--existing", "0.0.0.0:22/tcp:proc=my daemon"}, "my daemon"},
          {{"--os", "linux", "--existing", "0.0.0.0:80/tcp:timewait:proc=nginx"}, "no process"},
          {{"--os", "linux", "--connect", "203.0.113.10"}, "--connect"},
          {{"--os", "linux", "--connect", "203.0.113.10:0"}, "port 0"},
          {{"--os", "linux", "--columns", "5000"}, "--columns"},
          {{"--os", "linux", "--range", "1-2"}, "--range"},
      });
}

TEST_CASE("cli sockets: help lists the command and :proc=") {
  auto r = run_cli({"help"});
  CHECK(r.out.find("sockets --os OS [--tool \"ss -tan\"]") != std::string::npos);
  CHECK(r.out.find("[:proc=NAME]") != std::string::npos);
}
