// R4.x: who may bind a low port, in which order bind() checks, and the
// reuse rules of section 3.5 (experiments 6-8).
#include <doctest/doctest.h>

#include <string>

#include "host_fixture.h"

using namespace portlab;
using namespace portlab::testing;
using host::Decision;
using host::SocketId;
using host::SocketOptions;
using net::Transport;

namespace {
SocketOptions reuseaddr() {
  SocketOptions o;
  o.reuseaddr = true;
  return o;
}
SocketOptions reuseport() {
  SocketOptions o;
  o.reuseport = true;
  return o;
}
}  // namespace

TEST_CASE("R4.1 Linux: below ip_unprivileged_port_start without CAP_NET_BIND_SERVICE is"
          " EACCES, checked before in-use") {
  auto h = make_host("linux");
  // Experiment 8: uid 65534 gets EACCES on 22/80/443/1023, TCP and UDP, any address.
  for (uint16_t port : {22, 80, 443, 1023})
    for (Transport t : {Transport::Tcp, Transport::Udp})
      for (const char* addr : {"0.0.0.0", "127.0.0.1"}) {
        Decision d = bind_new(h, addr, port, t, user(65534));
        CHECK_FALSE(d.ok);
        CHECK(d.error == std::string("EACCES"));
        CHECK(d.rule == std::string("R4.1"));
      }
  Decision eighty = bind_new(h, "0.0.0.0", 80, Transport::Tcp, user(65534));
  CHECK(eighty.explanation.find("Port 80") != std::string::npos);
  CHECK(eighty.explanation.find("ip_unprivileged_port_start=1024") != std::string::npos);
  CHECK(bind_new(h, "0.0.0.0", 1024, Transport::Tcp, user(65534)).ok);

  // The capability or root lets it through.
  CHECK(bind_new(h, "0.0.0.0", 80, Transport::Tcp, user(65534, true)).ok);
  Decision as_root = bind_new(h, "0.0.0.0", 443, Transport::Tcp, root());
  CHECK(as_root.ok);
  CHECK(as_root.rule == std::string("R4.1"));

  // Privilege is checked before "in use": 80 is taken, yet the answer is EACCES.
  Decision both = bind_new(h, "0.0.0.0", 80, Transport::Tcp, user(1000));
  CHECK(both.error == std::string("EACCES"));
  CHECK(bind_new(h, "0.0.0.0", 80, Transport::Tcp, root()).error == std::string("EADDRINUSE"));

  // bind(0) never meets the privilege check.
  CHECK(bind_zero(h).ok);

  // Order of the other checks: an address that is not local comes first,
  // then privilege, then "already bound".
  Decision foreign = bind_new(h, "10.9.9.9", 80, Transport::Tcp, user());
  CHECK(foreign.error == std::string("EADDRNOTAVAIL"));
  CHECK(foreign.explanation.find("10.9.9.9") != std::string::npos);
  CHECK(bind_new(h, "127.0.0.2", 8080).ok);  // all of 127/8 is local on Linux
  CHECK(bind_new(h, "192.168.1.10", 8080).ok);
  SocketId s;
  REQUIRE(bind_new(h, "0.0.0.0", 9000, Transport::Tcp, user(), {}, &s).ok);
  CHECK(h.bind(s, net::Ipv4{}, 9001).error == std::string("EINVAL"));
  CHECK(h.bind(s, net::Ipv4{}, 80).error == std::string("EACCES"));
}

TEST_CASE("R4.1 (section 3.5 reuse rules) wildcard vs specific, listeners, SO_REUSEADDR"
          " and SO_REUSEPORT") {
  auto h = make_host("linux");
  // Wildcard and a specific address on one port conflict, in either order.
  REQUIRE(bind_new(h, "0.0.0.0", 8080).ok);
  Decision spec = bind_new(h, "127.0.0.1", 8080);
  CHECK(spec.error == std::string("EADDRINUSE"));
  CHECK(spec.explanation.find("0.0.0.0") != std::string::npos);
  REQUIRE(bind_new(h, "127.0.0.1", 8081).ok);
  CHECK(bind_new(h, "0.0.0.0", 8081).error == std::string("EADDRINUSE"));
  // Two specific addresses coexist; TCP and UDP are independent.
  Decision two = bind_new(h, "192.168.1.10", 8081);
  CHECK(two.ok);
  CHECK(two.explanation.find("127.0.0.1") != std::string::npos);
  Decision udp = bind_new(h, "0.0.0.0", 8080, Transport::Udp);
  CHECK(udp.ok);
  CHECK(udp.rule == std::string("R2.4"));

  // Experiment 7: two listeners: EADDRINUSE even with SO_REUSEADDR ...
  SocketId l1;
  REQUIRE(bind_new(h, "0.0.0.0", 9000, Transport::Tcp, user(), reuseaddr(), &l1).ok);
  REQUIRE(h.listen(l1).ok);
  Decision second = bind_new(h, "0.0.0.0", 9000, Transport::Tcp, user(), reuseaddr());
  CHECK(second.error == std::string("EADDRINUSE"));
  CHECK(second.explanation.find("SO_REUSEADDR never lets two sockets listen") !=
        std::string::npos);
  // ... two SO_REUSEADDR sockets may bind while neither listens; the
  // second listen() is refused.
  SocketId a, b;
  REQUIRE(bind_new(h, "0.0.0.0", 9100, Transport::Tcp, user(), reuseaddr(), &a).ok);
  REQUIRE(bind_new(h, "0.0.0.0", 9100, Transport::Tcp, user(), reuseaddr(), &b).ok);
  CHECK(h.listen(a).ok);
  CHECK(h.listen(b).error == std::string("EADDRINUSE"));

  // ... OK with SO_REUSEPORT for the same user, not for another user.
  SocketId p1, p2;
  REQUIRE(bind_new(h, "0.0.0.0", 9200, Transport::Tcp, user(), reuseport(), &p1).ok);
  REQUIRE(h.listen(p1).ok);
  Decision shared = bind_new(h, "0.0.0.0", 9200, Transport::Tcp, user(), reuseport(), &p2);
  CHECK(shared.ok);
  CHECK(shared.explanation.find("SO_REUSEPORT") != std::string::npos);
  CHECK(h.listen(p2).ok);
  Decision other_user = bind_new(h, "0.0.0.0", 9200, Transport::Tcp, user(2000), reuseport());
  CHECK(other_user.error == std::string("EADDRINUSE"));
  CHECK(other_user.explanation.find("uid 1000") != std::string::npos);

  // UDP: SO_REUSEADDR on both shares the port.
  REQUIRE(bind_new(h, "0.0.0.0", 5353, Transport::Udp, user(), reuseaddr()).ok);
  CHECK(bind_new(h, "0.0.0.0", 5353, Transport::Udp, user(), reuseaddr()).ok);
  CHECK(bind_new(h, "0.0.0.0", 5353, Transport::Udp).error == std::string("EADDRINUSE"));

  // Non-Linux reuse decisions are flagged approximate.
  auto mac = make_host("macos");
  REQUIRE(bind_new(mac, "0.0.0.0", 8080).ok);
  Decision m = bind_new(mac, "0.0.0.0", 8080);
  CHECK(m.error == std::string("EADDRINUSE"));
  CHECK(m.approximate);
  CHECK_FALSE(bind_new(mac, "0.0.0.0", 8081).approximate);
}

TEST_CASE("R3.6 (experiment 6) a server port with TIME_WAIT entries rebinds only if old"
          " and new set SO_REUSEADDR") {
  for (bool old_reuse : {false, true})
    for (bool new_reuse : {false, true}) {
      INFO("old " << old_reuse << " new " << new_reuse);
      auto h = make_host("linux");
      SocketId listener;
      SocketOptions old_opts;
      old_opts.reuseaddr = old_reuse;
      REQUIRE(bind_new(h, "0.0.0.0", 8080, Transport::Tcp, user(), old_opts, &listener).ok);
      REQUIRE(h.listen(listener).ok);
      SocketId conn = h.accept(listener, ep("198.51.100.7:50000"));
      REQUIRE(conn.valid());
      h.close(conn);  // the server closes first: TIME_WAIT on its side
      h.close(listener);
      SocketOptions new_opts;
      new_opts.reuseaddr = new_reuse;
      SocketId again;
      Decision d = bind_new(h, "0.0.0.0", 8080, Transport::Tcp, user(), new_opts, &again);
      CHECK(d.ok == (old_reuse && new_reuse));
      if (!d.ok) {
        CHECK(d.error == std::string("EADDRINUSE"));
        CHECK(d.rule == std::string("R3.6"));
        CHECK(d.explanation.find("TIME_WAIT") != std::string::npos);
      } else {
        CHECK(h.listen(again).ok);
      }
      // After 60 s the TIME_WAIT entry is gone and anyone may bind.
      h.advance(60 * sim::kSecond);
      CHECK(bind_new(h, "0.0.0.0", 8080, Transport::Tcp, user(), {}).ok == !d.ok);
    }
}

TEST_CASE("R4.2 Linux: ip_unprivileged_port_start is per host (netns); 443 lowers it, 0"
          " disables it") {
  auto h = make_host("linux");
  set(h, "net.ipv4.ip_unprivileged_port_start", "443");
  Decision ok = bind_new(h, "0.0.0.0", 443, Transport::Tcp, user(65534));
  CHECK(ok.ok);
  CHECK(ok.rule == std::string("R4.2"));
  CHECK(bind_new(h, "0.0.0.0", 80, Transport::Tcp, user(65534)).error == std::string("EACCES"));
  // Another host (network namespace) keeps its own value.
  auto other = make_host("linux");
  CHECK(bind_new(other, "0.0.0.0", 443, Transport::Tcp, user(65534)).error ==
        std::string("EACCES"));
  // Docker containers: 0, every port is unprivileged.
  auto container = make_host("linux");
  set(container, "net.ipv4.ip_unprivileged_port_start", "0");
  CHECK(bind_new(container, "0.0.0.0", 1, Transport::Tcp, user(65534)).ok);
  CHECK(bind_new(container, "0.0.0.0", 80, Transport::Udp, user(65534)).ok);
}

TEST_CASE("R4.3 macOS: below 1024 a non-root user may bind the wildcard address but not a"
          " specific one") {
  auto mac = make_host("macos");
  Decision wildcard = bind_new(mac, "0.0.0.0", 80);
  CHECK(wildcard.ok);
  CHECK(wildcard.rule == std::string("R4.3"));
  Decision specific = bind_new(mac, "127.0.0.1", 80);
  CHECK(specific.error == std::string("EACCES"));
  CHECK(specific.rule == std::string("R4.3"));
  CHECK(bind_new(mac, "127.0.0.1", 81, Transport::Tcp, root()).ok);
  CHECK(bind_new(mac, "127.0.0.1", 1024).ok);
  // The Linux capability means nothing here.
  CHECK(bind_new(mac, "127.0.0.1", 82, Transport::Tcp, user(1000, true)).error ==
        std::string("EACCES"));
  // Only 127.0.0.1 itself is on lo0.
  CHECK(bind_new(mac, "127.0.0.2", 8080).error == std::string("EADDRNOTAVAIL"));
}

TEST_CASE("R4.4 Windows: no privileged ports at all") {
  for (const char* os : {"windows", "windows_xp"}) {
    auto w = make_host(os);
    for (uint16_t port : {1, 80, 443, 1023}) {
      Decision d = bind_new(w, "127.0.0.1", port, Transport::Tcp, user(65534));
      CHECK(d.ok);
      CHECK(d.rule == std::string("R4.4"));
    }
  }
}

TEST_CASE("R4.5 FreeBSD: reservedlow..reservedhigh need privilege; Solaris adds extra_priv_ports") {
  auto bsd = make_host("freebsd");
  Decision low = bind_new(bsd, "0.0.0.0", 80);
  CHECK(low.error == std::string("EACCES"));
  CHECK(low.rule == std::string("R4.5"));
  CHECK(low.explanation.find("0-1023") != std::string::npos);
  CHECK(bind_new(bsd, "0.0.0.0", 80, Transport::Tcp, root()).ok);
  set(bsd, "net.inet.ip.portrange.reservedhigh", "0");
  Decision open = bind_new(bsd, "0.0.0.0", 81);
  CHECK(open.ok);
  CHECK(open.rule == std::string("R4.5"));
  set(bsd, "net.inet.ip.portrange.reservedlow", "100");
  set(bsd, "net.inet.ip.portrange.reservedhigh", "200");
  CHECK(bind_new(bsd, "0.0.0.0", 150).error == std::string("EACCES"));
  CHECK(bind_new(bsd, "0.0.0.0", 99).ok);

  auto sol = make_host("solaris");
  CHECK(bind_new(sol, "0.0.0.0", 1023).error == std::string("EACCES"));
  CHECK(bind_new(sol, "0.0.0.0", 2049).error == std::string("EACCES"));
  CHECK(bind_new(sol, "0.0.0.0", 4045).error == std::string("EACCES"));
  CHECK(bind_new(sol, "0.0.0.0", 2050).ok);
  CHECK(bind_new(sol, "0.0.0.0", 2049, Transport::Tcp, root()).ok);
  set(sol, "extra_priv_ports", "2049,4045,8080");
  CHECK(bind_new(sol, "0.0.0.0", 8080).error == std::string("EACCES"));
  set(sol, "smallest_nonpriv_port", "2000");
  CHECK(bind_new(sol, "0.0.0.0", 1500).error == std::string("EACCES"));
  // Solaris never hands out a privileged port automatically.
  set(sol, "smallest_anon_port", "8079");
  set(sol, "largest_anon_port", "8081");
  for (int i = 0; i < 2; ++i) {
    Decision d = connect_new(sol, "198.51.100.1:80");
    REQUIRE(d.ok);
    CHECK(d.port != 8080);
  }
  CHECK(sol.set("smallest_anon_port", "9000").status == ports::SettingResult::Status::Refused);
}
