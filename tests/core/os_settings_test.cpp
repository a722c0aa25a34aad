// R2.x: ephemeral ranges and the settings that change them, under their
// real names, validated as the real systems validate them.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "host_fixture.h"

using namespace portlab;
using namespace portlab::testing;
using net::Transport;
using ports::PortRange;

TEST_CASE("R2.1 profiles: default ranges, inclusive, and windows_modern names the Windows"
          " profile") {
  struct Row {
    const char* key;
    int lo, hi;
  };
  for (Row row : {Row{"linux", 32768, 60999}, Row{"windows_modern", 49152, 65535},
                  Row{"windows", 49152, 65535}, Row{"windows_xp", 1025, 5000},
                  Row{"macos", 49152, 65535}, Row{"freebsd", 10000, 65535},
                  Row{"solaris", 32768, 65535}}) {
    INFO(row.key);
    const ports::OsProfile* p = ports::find_os_profile(row.key);
    REQUIRE(p != nullptr);
    ports::OsSettings s(*p);
    CHECK(s.ephemeral(Transport::Tcp) == PortRange{uint16_t(row.lo), uint16_t(row.hi)});
    CHECK(s.ephemeral(Transport::Udp) == PortRange{uint16_t(row.lo), uint16_t(row.hi)});
    CHECK(s.ephemeral(Transport::Tcp).size() == row.hi - row.lo + 1);
  }
  CHECK(ports::find_os_profile("windows_modern") == ports::find_os_profile("windows"));
  CHECK(ports::find_os_profile("Linux") == nullptr);

  // Bounds are inclusive: a range of one port hands out exactly that port.
  auto h = make_host("linux");
  set(h, "net.ipv4.ip_local_port_range", "40000 40000");
  auto d = connect_new(h, "203.0.113.5:443");
  CHECK(d.ok);
  CHECK(d.port == 40000);
}

TEST_CASE("R2.2 Linux: ip_local_reserved_ports is skipped by every automatic choice but bindable") {
  auto h = make_host("linux", 3);
  set(h, "net.ipv4.ip_local_port_range", "40000 40009");
  set(h, "net.ipv4.ip_local_reserved_ports", "40002,40005-40007");
  CHECK(h.settings().reserved(40006));
  CHECK_FALSE(h.settings().reserved(40008));
  const std::set<int> reserved = {40002, 40005, 40006, 40007};
  std::set<int> seen;
  for (int i = 0; i < 6; ++i) {
    auto d = connect_new(h, "203.0.113.5:443");
    REQUIRE(d.ok);
    seen.insert(d.port);
  }
  CHECK(seen == std::set<int>{40000, 40001, 40003, 40004, 40008, 40009});
  CHECK_FALSE(connect_new(h, "203.0.113.5:443").ok);

  auto fresh = make_host("linux", 4);
  set(fresh, "net.ipv4.ip_local_port_range", "40000 40009");
  set(fresh, "net.ipv4.ip_local_reserved_ports", "40002,40005-40007");
  for (int i = 0; i < 6; ++i) {
    auto b = bind_zero(fresh);
    REQUIRE(b.ok);
    CHECK(reserved.count(b.port) == 0);
    auto u = udp_autobind(fresh);
    REQUIRE(u.ok);
    CHECK(reserved.count(u.port) == 0);
  }
  CHECK(bind_zero(fresh).error == std::string("EADDRINUSE"));

  // An explicit bind() to a reserved port is allowed, and says why.
  auto explicit_bind = bind_new(fresh, "0.0.0.0", 40006);
  CHECK(explicit_bind.ok);
  CHECK(explicit_bind.rule == std::string("R2.2"));
  CHECK(explicit_bind.explanation.find("ip_local_reserved_ports") != std::string::npos);

  // The setting reads back the way the kernel prints it, and rejects junk.
  auto values = h.settings().values();
  bool found = false;
  for (auto& [name, value] : values)
    if (name == "net.ipv4.ip_local_reserved_ports") {
      CHECK(value == "40002,40005-40007");
      found = true;
    }
  CHECK(found);
  CHECK(h.set("net.ipv4.ip_local_reserved_ports", "8080,70000").status ==
        ports::SettingResult::Status::BadValue);
  CHECK(h.set("net.ipv4.ip_local_reserved_ports", "9010-9000").status ==
        ports::SettingResult::Status::BadValue);
  CHECK(h.settings().reserved(40006));  // a refused write changes nothing
  set(h, "net.ipv4.ip_local_reserved_ports", "");
  CHECK_FALSE(h.settings().any_reserved());
}

TEST_CASE("R2.3 Linux: the local range may not reach below ip_unprivileged_port_start (EINVAL)") {
  auto h = make_host("linux");
  auto below = h.set("net.ipv4.ip_local_port_range", "1000 2000");
  CHECK(below.status == ports::SettingResult::Status::Refused);
  CHECK(below.error == std::string("EINVAL"));
  CHECK(below.rule == std::string("R2.3"));
  CHECK(below.message.find("1000") != std::string::npos);
  CHECK(below.message.find("ip_unprivileged_port_start=1024") != std::string::npos);
  CHECK(h.settings().ephemeral(Transport::Tcp) == PortRange{32768, 60999});

  // ... and the reverse: the privileged limit may not reach into the range.
  auto over = h.set("net.ipv4.ip_unprivileged_port_start", "40000");
  CHECK(over.status == ports::SettingResult::Status::Refused);
  CHECK(over.error == std::string("EINVAL"));
  CHECK(h.settings().unprivileged_port_start() == 1024);
  set(h, "net.ipv4.ip_unprivileged_port_start", "32768");  // touching is fine

  // Lower the limit first, then the range may follow.
  auto g = make_host("linux");
  set(g, "net.ipv4.ip_unprivileged_port_start", "500");
  set(g, "net.ipv4.ip_local_port_range", "1000 2000");
  CHECK(g.settings().ephemeral(Transport::Tcp) == PortRange{1000, 2000});

  // Malformed values are a different failure from a refusal.
  for (const char* bad : {"40000-40003", "40000", "0 100", "40000 70000", "a b", ""})
    CHECK(g.set("net.ipv4.ip_local_port_range", bad).status ==
          ports::SettingResult::Status::BadValue);
  CHECK(g.set("net.ipv4.ip_local_port_range", "5000 4000").status ==
        ports::SettingResult::Status::Refused);
  CHECK(g.set("net.ipv4.tcp_tw_reuse", "3").status == ports::SettingResult::Status::BadValue);
  auto unknown = g.set("net.inet.ip.portrange.first", "1024");
  CHECK(unknown.status == ports::SettingResult::Status::UnknownName);
  CHECK(unknown.message.find("net.ipv4.ip_local_port_range") != std::string::npos);
}

TEST_CASE("R2.4 ranges per transport: Windows TCP and UDP apart; Linux one range, usage apart") {
  auto w = make_host("windows");
  set(w, "dynamicport.tcp", "start=10000 num=1000");
  CHECK(w.settings().ephemeral(Transport::Tcp) == PortRange{10000, 10999});
  CHECK(w.settings().ephemeral(Transport::Udp) == PortRange{49152, 65535});
  auto tcp = connect_new(w, "203.0.113.5:443");
  auto udp = udp_autobind(w);
  CHECK(tcp.port >= 10000);
  CHECK(tcp.port <= 10999);
  CHECK(udp.port >= 49152);
  CHECK(w.set("dynamicport.udp", "start=1000 num=10").status ==
        ports::SettingResult::Status::BadValue);  // netsh: start >= 1025
  CHECK(w.set("dynamicport.udp", "start=65000 num=1000").status ==
        ports::SettingResult::Status::BadValue);  // past 65535

  // Linux: one range for both, but a UDP socket may take a port that every
  // TCP socket is using.
  auto h = make_host("linux");
  set(h, "net.ipv4.ip_local_port_range", "40000 40001");
  REQUIRE(bind_zero(h).ok);
  REQUIRE(bind_zero(h).ok);
  CHECK(bind_zero(h).error == std::string("EADDRINUSE"));
  auto u = udp_autobind(h);
  CHECK(u.ok);
  CHECK((u.port == 40000 || u.port == 40001));
}
