// The existing-socket words (ADDR:PORT/PROTO[:flags]) as labs, lessons and
// the CLI write them, here the program that holds a socket: :proc=NAME.
#include <doctest/doctest.h>

#include "core/labs/host_setup.h"
#include "host_fixture.h"

using namespace portlab;
using testing::make_host;

TEST_CASE("host setup: :proc=NAME names the program that holds an existing socket") {
  labs::ExistingSocket e;
  REQUIRE(labs::parse_existing("0.0.0.0:22/tcp:listen:proc=sshd", 0, e) == "");
  CHECK(e.program == "sshd");
  CHECK(e.listen);
  REQUIRE(labs::parse_existing("127.0.0.53:53/udp:proc=systemd-resolve:uid=101", 0, e) == "");
  CHECK(e.program == "systemd-resolve");
  CHECK(e.uid == 101);
  REQUIRE(labs::parse_existing("0.0.0.0:8080/tcp", 0, e) == "");
  CHECK(e.program.empty());  // held by kServerProgram
  REQUIRE(labs::parse_existing("0.0.0.0:9000/tcp:proc=node_v2.1-x", 0, e) == "");
  CHECK(e.program == "node_v2.1-x");
}

TEST_CASE("host setup: a bad :proc= is refused with the rule for names") {
  labs::ExistingSocket e;
  for (const char* text : {"0.0.0.0:22/tcp:proc=", "0.0.0.0:22/tcp:proc=my daemon",
                           "0.0.0.0:22/tcp:proc=sshd!", "0.0.0.0:22/tcp:proc=a/b",
                           "0.0.0.0:22/tcp:proc=abcdefghijklmnop"}) {
    const std::string problem = labs::parse_existing(text, 0, e);
    const std::string what = std::string(text) + ": " + problem;
    INFO(what);
    CHECK(problem.find("1-15 letters, digits") != std::string::npos);
    CHECK(problem.find(":proc=NAME") != std::string::npos);  // the syntax reminder
  }
  // A TIME_WAIT entry belongs to no process any more.
  CHECK(labs::parse_existing("0.0.0.0:80/tcp:timewait:proc=nginx", 0, e).find("no process") !=
        std::string::npos);
  // Fifteen characters is the longest name ss can show (TASK_COMM_LEN).
  CHECK(labs::parse_existing("0.0.0.0:22/tcp:proc=abcdefghijklmno", 0, e) == "");
}

TEST_CASE("host setup: add_existing records the program, or the default, beside the host") {
  host::Host h = make_host("linux");
  host::Processes p;
  int peer = 0;
  labs::ExistingSocket named, unnamed, waiting;
  REQUIRE(labs::parse_existing("0.0.0.0:22/tcp:listen:proc=sshd", 0, named) == "");
  REQUIRE(labs::parse_existing("0.0.0.0:8080/tcp:listen", 0, unnamed) == "");
  REQUIRE(labs::parse_existing("0.0.0.0:80/tcp:timewait", 0, waiting) == "");
  REQUIRE(labs::add_existing(h, named, peer, &p) == "");
  REQUIRE(labs::add_existing(h, unnamed, peer, &p) == "");
  REQUIRE(labs::add_existing(h, waiting, peer, &p) == "");
  CHECK(p.pid_of("sshd") == host::kFirstPid);
  CHECK(p.pid_of(labs::kServerProgram) == host::kFirstPid + 4);
  int owned = 0, time_wait = 0;
  h.sockets().for_each([&](host::SocketId id, const host::Socket& s) {
    owned += p.owner(id).has_value();
    time_wait += s.state == host::SocketState::TimeWait && !p.owner(id);
  });
  CHECK(owned == 2);
  CHECK(time_wait == 1);
  // A socket that cannot exist starts no program.
  labs::ExistingSocket clash;
  REQUIRE(labs::parse_existing("0.0.0.0:22/tcp:proc=dropbear", 0, clash) == "");
  CHECK(labs::add_existing(h, clash, peer, &p) != "");
  CHECK(p.pid_of("dropbear") == 0);
}
