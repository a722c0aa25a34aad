#include <doctest/doctest.h>

#include "core/labs/bind_lab.h"
#include "shipped_lessons.h"

using namespace portlab;

using test::make_preset;

TEST_CASE("bind lab: every bind preset of the shipped lessons applies") {
  const std::vector<course::Directive> presets = test::shipped_presets({"bind"});
  CHECK(presets.size() >= 6);
  for (const course::Directive& d : presets) {
    labs::BindLab lab;
    const std::string problem = lab.apply_preset(d);
    INFO("preset at line " << d.line << ": " << problem);
    CHECK(problem.empty());
  }
}

TEST_CASE("R4.1 bind lab: uid 1000 on Linux binding 80 is EACCES, kept in the history") {
  labs::BindLab lab;
  REQUIRE(lab.apply_preset(make_preset({{"os", "linux"}, {"port", "80"}, {"uid", "1000"}})) == "");
  const labs::BindAttempt& a = lab.try_bind();
  CHECK_FALSE(a.decision.ok);
  CHECK(std::string(a.decision.error) == "EACCES");
  CHECK(std::string(a.decision.rule) == "R4.1");
  CHECK(a.decision.explanation.find("80") != std::string::npos);
  lab.set_uid(0);
  CHECK(lab.try_bind().decision.ok);
  REQUIRE(lab.history().size() == 2);
  CHECK(lab.history()[0].uid == 1000);
  CHECK(lab.history()[1].uid == 0);
  // The attempt's socket was closed: the same bind still succeeds.
  CHECK(lab.try_bind().decision.ok);
}

TEST_CASE("R4.1 bind lab: the capability and the sysctl change the answer") {
  labs::BindLab lab;
  lab.request().port = 443;
  CHECK_FALSE(lab.try_bind().decision.ok);
  REQUIRE(lab.set_sysctl("net.ipv4.ip_unprivileged_port_start", "443") == "");
  CHECK(lab.try_bind().decision.ok);
  lab.request().port = 80;
  CHECK_FALSE(lab.try_bind().decision.ok);
  REQUIRE(lab.set_capability(true) == "");
  CHECK(lab.try_bind().decision.ok);
}

TEST_CASE("R2.3 bind lab: a sysctl the kernel refuses is reported and changes nothing") {
  labs::BindLab lab;
  const std::string problem = lab.set_sysctl("net.ipv4.ip_unprivileged_port_start", "40000");
  CHECK(problem.find("EINVAL") != std::string::npos);
  CHECK(lab.host().settings().unprivileged_port_start() == 1024);
}

TEST_CASE("bind lab: the capability is Linux only; switching OS drops it") {
  labs::BindLab lab;
  REQUIRE(lab.set_capability(true) == "");
  REQUIRE(lab.set_os("macos") == "");
  CHECK_FALSE(lab.capability());
  CHECK(lab.set_capability(true).find("Linux") != std::string::npos);
  CHECK_FALSE(lab.capability());
}

TEST_CASE("bind lab: existing sockets make EADDRINUSE until removed") {
  labs::BindLab lab;
  lab.set_uid(0);
  REQUIRE(lab.add_existing("0.0.0.0:8080/tcp:listen") == "");
  lab.request().port = 8080;
  const labs::BindAttempt& a = lab.try_bind();
  CHECK(std::string(a.decision.error) == "EADDRINUSE");
  CHECK(lab.add_existing("0.0.0.0:8080/tcp").find("cannot exist") != std::string::npos);
  CHECK(lab.add_existing("0.0.0.0:8080/sctp").find("not tcp or udp") != std::string::npos);
  REQUIRE(lab.existing().size() == 1);
  lab.remove_existing(0);
  CHECK(lab.existing().empty());
  CHECK(lab.try_bind().decision.ok);
}

TEST_CASE("bind lab: keep open adds the bound socket to the existing ones, held by the lab's program") {
  labs::BindLab lab;
  lab.request().port = 5000;
  lab.request().keep_open = true;
  REQUIRE(lab.try_bind().decision.ok);
  REQUIRE(lab.existing().size() == 1);
  CHECK(lab.existing()[0].text == "0.0.0.0:5000/tcp:uid=1000:proc=lab");
  CHECK(lab.processes().pid_of("lab") == host::kFirstPid);
  CHECK(std::string(lab.try_bind().decision.error) == "EADDRINUSE");
}

TEST_CASE("bind lab: a bad preset or link changes nothing") {
  labs::BindLab lab;
  REQUIRE(lab.set_os("freebsd") == "");
  CHECK(lab.apply_preset(make_preset({{"os", "linux"}, {"sysctl", "net.ipv4.nope=1"}})) != "");
  CHECK(lab.apply_preset(make_preset({{"os", "beos"}})).rfind("os: unknown profile 'beos'", 0) == 0);
  CHECK(lab.open_link("plan9").find("plan9") != std::string::npos);
  CHECK(lab.os().id == ports::OsId::Freebsd);
  CHECK(lab.open_link("windows") == "");
  CHECK(lab.os().id == ports::OsId::WindowsModern);
}
