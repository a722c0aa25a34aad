// Goals in words: every goal word and filter of activity.h's vocabulary
// read by the goal parser and said as one plain sentence for the learner,
// an answer goal without its values, and a line that is no goal unchanged.
#include <doctest/doctest.h>

#include <cctype>

#include "core/activity/activity.h"
#include "core/activity/goal_words.h"
#include "shipped_lessons.h"

using namespace portlab;
using activity::goal_in_words;

TEST_CASE("goal words: bind ok with every filter") {
  CHECK(goal_in_words("bind ok port=80 uid=1000 cap=no os=linux") ==
        "Make bind() succeed on port 80 as uid 1000, without CAP_NET_BIND_SERVICE, on Linux.");
  CHECK(goal_in_words("bind ok") == "Make bind() succeed.");
  CHECK(goal_in_words("bind ok port=1-1023") == "Make bind() succeed on a port from 1 to 1023.");
  CHECK(goal_in_words("bind ok port=1-1023 proto=udp") == "Make bind() succeed on a UDP port from 1 to 1023.");
  CHECK(goal_in_words("bind ok proto=tcp") == "Make bind() succeed on a TCP port.");
  CHECK(goal_in_words("bind ok port=8080 proto=tcp addr=0.0.0.0") ==
        "Make bind() succeed on TCP port 8080 of 0.0.0.0 (every local address).");
  CHECK(goal_in_words("bind ok port=80 addr=127.0.0.1") == "Make bind() succeed on port 80 of 127.0.0.1.");
  CHECK(goal_in_words("bind ok addr=127.0.0.1") == "Make bind() succeed on address 127.0.0.1.");
  CHECK(goal_in_words("bind ok port=443 uid=1000 root=no os=linux") ==
        "Make bind() succeed on port 443 as uid 1000 (not root), on Linux.");
  CHECK(goal_in_words("bind ok port=80 root=yes") == "Make bind() succeed on port 80 as root.");
  CHECK(goal_in_words("bind ok port=80 root=no") == "Make bind() succeed on port 80 as a user other than root.");
  CHECK(goal_in_words("bind ok port=80 cap=yes") == "Make bind() succeed on port 80, with CAP_NET_BIND_SERVICE.");
  CHECK(goal_in_words("bind ok cap=no os=freebsd") == "Make bind() succeed without CAP_NET_BIND_SERVICE, on FreeBSD.");
  CHECK(goal_in_words("bind ok port=80 uid=501 os=macos") == "Make bind() succeed on port 80 as uid 501, on macOS.");
}

TEST_CASE("goal words: bind fails names the errno after the port") {
  CHECK(goal_in_words("bind fails EADDRINUSE port=8080 proto=tcp") ==
        "Make bind() on TCP port 8080 fail with EADDRINUSE.");
  CHECK(goal_in_words("bind fails EACCES") == "Make bind() fail with EACCES.");
  CHECK(goal_in_words("bind fails EACCES port=443 uid=1000") == "Make bind() on port 443 as uid 1000 fail with EACCES.");
  CHECK(goal_in_words("bind fails EACCES port=80 root=no cap=no os=macos") ==
        "Make bind() on port 80 as a user other than root fail with EACCES, without CAP_NET_BIND_SERVICE, on macOS.");
  // OS keys are said by the profile's name; "windows_modern" is windows.
  const ports::OsProfile* windows = ports::find_os_profile("windows");
  REQUIRE(windows);
  CHECK(goal_in_words("bind fails EADDRINUSE port=8080 os=windows_modern") ==
        "Make bind() on port 8080 fail with EADDRINUSE, on " + std::string(windows->name) + ".");
}

TEST_CASE("goal words: calls, with count, port range and mode") {
  CHECK(goal_in_words("call ok count=4 port=40000-40001") == "Make 4 calls succeed with local ports from 40000 to 40001.");
  CHECK(goal_in_words("call ok") == "Make a call succeed.");
  CHECK(goal_in_words("call ok count=5") == "Make 5 calls succeed.");
  CHECK(goal_in_words("call ok port=40000-40003") == "Make a call succeed with a local port from 40000 to 40003.");
  CHECK(goal_in_words("call ok port=40000") == "Make a call succeed with local port 40000.");
  CHECK(goal_in_words("call ok mode=connect count=2") == "Make 2 connect() calls succeed.");
  CHECK(goal_in_words("call ok mode=bind0") == "Make a bind(0) call succeed.");
  CHECK(goal_in_words("call ok mode=udp port=40000-40003") ==
        "Make a UDP sendto() call succeed with a local port from 40000 to 40003.");
  CHECK(goal_in_words("call fails EADDRNOTAVAIL") == "Make a call fail with EADDRNOTAVAIL.");
  CHECK(goal_in_words("call fails EADDRINUSE mode=bind0") == "Make a bind(0) call fail with EADDRINUSE.");
}

TEST_CASE("goal words: sockets in each state") {
  CHECK(goal_in_words("sockets timewait 4") == "Have at least 4 sockets in TIME_WAIT.");
  CHECK(goal_in_words("sockets timewait 1") == "Have a socket in TIME_WAIT.");
  CHECK(goal_in_words("sockets bound 2") == "Have at least 2 bound sockets.");
  CHECK(goal_in_words("sockets listening 1") == "Have a listening socket.");
  CHECK(goal_in_words("sockets connected 3") == "Have at least 3 connected sockets.");
}

TEST_CASE("goal words: the NAT Lab's goals") {
  CHECK(goal_in_words("delivered event=3 at=192.168.1.10:5000") ==
        "Get the packet of event 3 delivered to 192.168.1.10:5000.");
  CHECK(goal_in_words("delivered event=1") == "Get the packet of event 1 delivered.");
  CHECK(goal_in_words("dropped event=4") == "Have the packet of event 4 dropped.");
  CHECK(goal_in_words("reachable from=192.0.2.44 to=192.168.1.40:45000 proto=udp") ==
        "Make UDP port 45000 of 192.168.1.40 reachable from 192.0.2.44 on the internet.");
  // TCP unless told; a source port when the teacher gives one.
  CHECK(goal_in_words("reachable from=192.0.2.44:5555 to=192.168.1.40:22") ==
        "Make TCP port 22 of 192.168.1.40 reachable from port 5555 of 192.0.2.44 on the internet.");
  CHECK(goal_in_words("mapping inside=192.168.1.21:700 outside-port=other") ==
        "Get a NAT mapping for 192.168.1.21:700 whose public port differs from the private one.");
  CHECK(goal_in_words("mapping") == "Get a NAT mapping.");
  CHECK(goal_in_words("mapping inside=192.168.1.21 outside-port=same proto=udp") ==
        "Get a UDP NAT mapping for 192.168.1.21 whose public port is the same as the private one.");
  CHECK(goal_in_words("mapping outside-port=62000") == "Get a NAT mapping with public port 62000.");
  CHECK(goal_in_words("challenge solved") == "Solve the challenge.");
}

TEST_CASE("goal words: an answer goal never says its values") {
  CHECK(goal_in_words("answer 443 | https") == "Find the value and type it as your answer.");
  CHECK(goal_in_words("answer pcsync-https").find("pcsync") == std::string::npos);
}

TEST_CASE("goal words: a line that is no goal comes back unchanged") {
  CHECK(goal_in_words("bind sometimes") == "bind sometimes");
  CHECK(goal_in_words("bind ok port=99999") == "bind ok port=99999");
  CHECK(goal_in_words("call ok colour=blue") == "call ok colour=blue");
  CHECK(goal_in_words("fly to the moon") == "fly to the moon");
  CHECK(goal_in_words("") == "");
}

TEST_CASE("goal words: every shipped goal is said as a sentence without the syntax") {
  std::vector<course::Issue> issues;
  const course::Course c = test::shipped_course();
  const std::vector<activity::Activity> all = activity::course_activities(c, issues);
  int goals = 0;
  for (const activity::Activity& a : all)
    for (const activity::Line& g : a.goals) {
      ++goals;
      const std::string said = goal_in_words(g.text);
      INFO(a.key() << ": " << g.text << " -> " << said);
      CHECK(said != g.text);
      CHECK(said.find('=') == std::string::npos);
      CHECK(said.back() == '.');
      CHECK(std::isupper(static_cast<unsigned char>(said.front())));
    }
  CHECK(goals > 20);
}
