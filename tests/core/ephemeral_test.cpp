// R3.x: how each system picks a local port, checked against the
// observations of networking-facts.md section 7 (experiments 1, 2, 4, 5).
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "host_fixture.h"

using namespace portlab;
using namespace portlab::testing;
using host::Decision;
using host::Rfc6056;
using net::Transport;

namespace {

// Distance from a to b going up through a range of `n` ports (wrapping).
int rise(int a, int b, int n) { return ((b - a) % n + n) % n; }

std::vector<int> connects(host::Host& h, const char* dst, int count) {
  std::vector<int> ports;
  for (int i = 0; i < count; ++i) {
    Decision d = connect_new(h, dst);
    REQUIRE(d.ok);
    ports.push_back(d.port);
  }
  return ports;
}

}  // namespace

TEST_CASE("R3.1 Linux connect(): even ports rising by 2-16 per destination, sharing,"
          " reseeded every 10 s") {
  auto h = make_host("linux", 7);
  const int n = 28232;  // 32768-60999

  // Experiment 1: 30 connects to one destination: all even, steps of 2-16.
  std::vector<int> one = connects(h, "203.0.113.5:443", 30);
  for (size_t i = 0; i < one.size(); ++i) {
    CHECK(one[i] % 2 == 0);
    CHECK(one[i] >= 32768);
    CHECK(one[i] <= 60999);
    if (i) {
      int step = rise(one[i - 1], one[i], n);
      CHECK(step >= 2);
      CHECK(step <= 16);
      CHECK(step % 2 == 0);
    }
  }

  // Three interleaved destinations: three independent rising sequences.
  auto g = make_host("linux", 8);
  const char* dests[] = {"198.51.100.1:80", "198.51.100.2:80", "198.51.100.1:8080"};
  std::map<std::string, std::vector<int>> per;
  for (int round = 0; round < 10; ++round)
    for (const char* d : dests) per[d].push_back(connect_new(g, d).port);
  std::set<int> starts;
  // No structured binding: INFO captures dst in a lambda, which clang 14
  // (Emscripten's) does not allow for structured bindings.
  for (const auto& entry : per) {
    const std::string& dst = entry.first;
    const std::vector<int>& seq = entry.second;
    starts.insert(seq.front());
    for (size_t i = 1; i < seq.size(); ++i) {
      INFO(dst);
      CHECK(rise(seq[i - 1], seq[i], n) >= 2);
      CHECK(rise(seq[i - 1], seq[i], n) <= 16);
    }
  }
  CHECK(starts.size() == 3);  // unrelated starting points

  // 11 s later the same destination restarts elsewhere (the 10-s epoch).
  const int last = one.back();
  h.advance(11 * sim::kSecond);
  const int after = connect_new(h, "203.0.113.5:443").port;
  CHECK(rise(last, after, n) > 16);

  // Experiment 4: range 40000-40003: 4 connects per destination, the 5th
  // EADDRNOTAVAIL, the same 4 ports serve other destinations.
  auto tiny = make_host("linux", 9);
  set(tiny, "net.ipv4.ip_local_port_range", "40000 40003");
  std::set<int> a, b;
  for (int i = 0; i < 4; ++i) a.insert(connect_new(tiny, "198.51.100.1:80").port);
  Decision fifth = connect_new(tiny, "198.51.100.1:80");
  CHECK_FALSE(fifth.ok);
  CHECK(fifth.error == std::string("EADDRNOTAVAIL"));
  CHECK(fifth.rule == std::string("R3.1"));
  CHECK(fifth.explanation.find("40000-40003") != std::string::npos);
  for (int i = 0; i < 4; ++i) b.insert(connect_new(tiny, "198.51.100.2:80").port);
  CHECK(a == std::set<int>{40000, 40001, 40002, 40003});
  CHECK(b == a);
  // The first two of each destination are the even ones (parity of lo).
  auto parity = make_host("linux", 10);
  set(parity, "net.ipv4.ip_local_port_range", "40000 40003");
  std::vector<int> order = connects(parity, "198.51.100.1:80", 4);
  CHECK(order[0] % 2 == 0);
  CHECK(order[1] % 2 == 0);
  CHECK(order[2] % 2 == 1);
  CHECK(order[3] % 2 == 1);
  // With an odd lo the preferred parity is odd.
  auto odd = make_host("linux", 11);
  set(odd, "net.ipv4.ip_local_port_range", "40001 50000");
  for (int p : connects(odd, "198.51.100.1:80", 10)) CHECK(p % 2 == 1);

  // A listener's port is never shared: range 40010-40011, listener on 40010.
  auto pinned = make_host("linux", 12);
  set(pinned, "net.ipv4.ip_local_port_range", "40010 40011");
  host::SocketId listener;
  REQUIRE(bind_new(pinned, "0.0.0.0", 40010, Transport::Tcp, user(), {}, &listener).ok);
  REQUIRE(pinned.listen(listener).ok);
  for (const char* d : {"198.51.100.1:80", "198.51.100.2:80", "198.51.100.3:443"})
    CHECK(connect_new(pinned, d).port == 40011);
  Decision again = connect_new(pinned, "198.51.100.1:80");
  CHECK(again.error == std::string("EADDRNOTAVAIL"));

  // Deterministic for a seed; another seed gives another sequence.
  auto x = make_host("linux", 42), y = make_host("linux", 42), z = make_host("linux", 43);
  std::vector<int> sx = connects(x, "203.0.113.5:443", 5);
  CHECK(sx == connects(y, "203.0.113.5:443", 5));
  CHECK(sx != connects(z, "203.0.113.5:443", 5));
}

TEST_CASE("R3.2 Linux bind(0): odd first, random start, exclusive; SO_REUSEADDR searches"
          " the lower half") {
  auto h = make_host("linux", 5);
  std::set<int> seen;
  for (int i = 0; i < 30; ++i) {
    Decision d = bind_zero(h);
    REQUIRE(d.ok);
    CHECK(d.port % 2 == 1);
    CHECK(d.rule == std::string("R3.2"));
    seen.insert(d.port);
  }
  CHECK(seen.size() == 30);  // exclusive
  host::SocketOptions reuse;
  reuse.reuseaddr = true;
  for (int i = 0; i < 30; ++i) {
    Decision d = bind_zero(h, reuse);
    REQUIRE(d.ok);
    CHECK(d.port % 2 == 1);
    CHECK(d.port < 46884);  // 32768 + ((61000-32768)>>2<<1)
  }

  // Exclusive even against connect()-assigned ports; exhausted -> EADDRINUSE.
  auto tiny = make_host("linux", 6);
  set(tiny, "net.ipv4.ip_local_port_range", "40000 40003");
  for (int i = 0; i < 4; ++i) REQUIRE(connect_new(tiny, "198.51.100.1:80").ok);
  Decision full = bind_zero(tiny);
  CHECK_FALSE(full.ok);
  CHECK(full.error == std::string("EADDRINUSE"));
  CHECK(full.rule == std::string("R3.2"));
  // Experiment 4: UDP autobind still succeeds.
  CHECK(udp_autobind(tiny).ok);

  // bind(ip, 0) fixes an odd port at bind time; with IP_BIND_ADDRESS_NO_PORT
  // the port waits for connect(), which picks an even one (experiment 3).
  auto e3 = make_host("linux", 13);
  host::SocketId early = e3.open(Transport::Tcp, user());
  Decision b = e3.bind(early, ip("192.168.1.10"), 0);
  REQUIRE(b.ok);
  CHECK(b.port % 2 == 1);
  CHECK(e3.connect(early, ep("198.51.100.1:80")).port == b.port);
  host::SocketOptions no_port;
  no_port.bind_address_no_port = true;
  host::SocketId late = e3.open(Transport::Tcp, user(), no_port);
  Decision nb = e3.bind(late, ip("192.168.1.10"), 0);
  CHECK(nb.ok);
  CHECK(nb.port == 0);
  Decision c = e3.connect(late, ep("198.51.100.1:80"));
  CHECK(c.ok);
  CHECK(c.port % 2 == 0);
}

TEST_CASE("R3.3 Linux UDP autobind: any parity, exclusive among UDP sockets") {
  auto h = make_host("linux", 21);
  std::set<int> seen;
  int even = 0;
  for (int i = 0; i < 30; ++i) {
    Decision d = udp_autobind(h);
    REQUIRE(d.ok);
    CHECK(d.rule == std::string("R3.3"));
    seen.insert(d.port);
    even += d.port % 2 == 0;
  }
  CHECK(seen.size() == 30);
  CHECK(even > 5);  // experiment 2: 15 even, 15 odd
  CHECK(even < 25);

  auto tiny = make_host("linux", 22);
  set(tiny, "net.ipv4.ip_local_port_range", "40000 40001");
  CHECK(udp_autobind(tiny).ok);
  CHECK(udp_autobind(tiny).ok);
  Decision full = udp_autobind(tiny);
  CHECK(full.error == std::string("EAGAIN"));  // inet_autobind's answer
  host::SocketId s = tiny.open(Transport::Udp, user());
  CHECK(tiny.bind(s, net::Ipv4{}, 0).error == std::string("EADDRINUSE"));
  // TCP is unaffected by the full UDP table (R2.4).
  CHECK(connect_new(tiny, "198.51.100.1:80").ok);
}

TEST_CASE("R3.4 macOS TCP sequential and exclusive; macOS UDP and FreeBSD random start, +1") {
  auto mac = make_host("macos", 1);
  std::vector<int> tcp = connects(mac, "198.51.100.1:80", 3);
  std::vector<int> other = connects(mac, "198.51.100.2:80", 2);
  CHECK(tcp == std::vector<int>{49152, 49153, 49154});
  CHECK(other == std::vector<int>{49155, 49156});  // not shared across destinations
  Decision d = connect_new(mac, "198.51.100.3:80");
  CHECK(d.approximate);  // section 3.4: read from XNU, not tested on a Mac
  CHECK(d.rule == std::string("R3.4"));
  set(mac, "net.inet.tcp.randomize_ports", "1");
  CHECK(connect_new(mac, "198.51.100.3:80").port != 49158);
  std::set<int> udp;
  for (int i = 0; i < 5; ++i) udp.insert(udp_autobind(mac).port);
  CHECK(udp.size() == 5);
  CHECK(*udp.rbegin() - *udp.begin() > 10);  // random places, not consecutive

  // FreeBSD: random start then +1; connect() shares a port across destinations.
  auto bsd = make_host("freebsd", 2);
  set(bsd, "net.inet.ip.portrange.first", "40000");
  set(bsd, "net.inet.ip.portrange.last", "40003");
  std::set<int> a, b;
  for (int i = 0; i < 4; ++i) a.insert(connect_new(bsd, "198.51.100.1:80").port);
  for (int i = 0; i < 4; ++i) b.insert(connect_new(bsd, "198.51.100.2:80").port);
  CHECK(a == std::set<int>{40000, 40001, 40002, 40003});
  CHECK(b == a);
  Decision fifth = connect_new(bsd, "198.51.100.1:80");
  CHECK(fifth.error == std::string("EADDRNOTAVAIL"));
  // With randomized=0 the cursor just continues: consecutive ports.
  auto seq = make_host("freebsd", 3);
  set(seq, "net.inet.ip.portrange.randomized", "0");
  std::vector<int> s = connects(seq, "198.51.100.1:80", 3);
  CHECK(s[1] == s[0] + 1);
  CHECK(s[2] == s[1] + 1);
  // BSD clamps portrange.first into 1024-65535 instead of refusing.
  set(seq, "net.inet.ip.portrange.first", "80");
  CHECK(seq.settings().ephemeral(Transport::Tcp).lo == 1024);
}

TEST_CASE("R3.5 Windows: some free port of 49152-65535 (approximate); Windows XP 1025-5000"
          " in order") {
  auto w = make_host("windows", 4);
  std::set<int> seen;
  for (int i = 0; i < 20; ++i) {
    Decision d = connect_new(w, "198.51.100.1:80");
    REQUIRE(d.ok);
    CHECK(d.port >= 49152);
    CHECK(d.approximate);
    CHECK(d.rule == std::string("R3.5"));
    seen.insert(d.port);
  }
  CHECK(seen.size() == 20);
  auto wt = make_host("windows", 5);
  set(wt, "dynamicport.tcp", "start=50000 num=2");
  connects(wt, "198.51.100.1:80", 2);
  Decision full = connect_new(wt, "198.51.100.2:80");
  CHECK(full.error == std::string("ENOBUFS"));
  CHECK(full.approximate);
  CHECK(full.explanation.find("WSAENOBUFS (10055)") != std::string::npos);

  auto xp = make_host("windows_xp", 6);
  CHECK(connects(xp, "198.51.100.1:80", 3) == std::vector<int>{1025, 1026, 1027});
  set(xp, "MaxUserPort", "5000");
  CHECK(xp.set("MaxUserPort", "4999").status == ports::SettingResult::Status::BadValue);
}

TEST_CASE("R3.6 TIME_WAIT: the active closer holds the 4-tuple 60 s on Linux; tw_reuse can"
          " take it over") {
  auto h = make_host("linux", 31);
  set(h, "net.ipv4.ip_local_port_range", "40000 40001");
  host::SocketId s1, s2;
  REQUIRE(connect_new(h, "198.51.100.1:80", &s1).ok);
  REQUIRE(connect_new(h, "198.51.100.1:80", &s2).ok);
  h.close(s1);  // active close: TIME_WAIT
  h.close(s2);
  CHECK(h.socket(s1)->state == host::SocketState::TimeWait);
  Decision blocked = connect_new(h, "198.51.100.1:80");
  CHECK(blocked.error == std::string("EADDRNOTAVAIL"));
  CHECK(blocked.explanation.find("TIME_WAIT") != std::string::npos);
  CHECK(connect_new(h, "198.51.100.2:80").ok);  // a new destination is fine
  h.advance(59 * sim::kSecond);
  CHECK_FALSE(connect_new(h, "198.51.100.1:80").ok);
  h.advance(1 * sim::kSecond);  // 60 s: TIME_WAIT is over
  CHECK(h.socket(s1) == nullptr);
  CHECK(connect_new(h, "198.51.100.1:80").ok);

  // A passive close leaves no TIME_WAIT behind.
  auto p = make_host("linux", 32);
  set(p, "net.ipv4.ip_local_port_range", "40000 40000");
  host::SocketId s;
  REQUIRE(connect_new(p, "198.51.100.1:80", &s).ok);
  p.close(s, false);
  CHECK(connect_new(p, "198.51.100.1:80").ok);

  // tcp_tw_reuse=1 reuses the tuples (experiment 5); 2 (default) only on loopback.
  for (const char* mode : {"1", "2"}) {
    auto r = make_host("linux", 33);
    set(r, "net.ipv4.tcp_tw_reuse", mode);
    set(r, "net.ipv4.ip_local_port_range", "40000 40000");
    host::SocketId a, b;
    REQUIRE(connect_new(r, "198.51.100.1:80", &a).ok);
    REQUIRE(connect_new(r, "127.0.0.1:8080", &b).ok);
    r.close(a);
    r.close(b);
    r.advance(2 * sim::kSecond);
    Decision remote = connect_new(r, "198.51.100.1:80");
    Decision loop = connect_new(r, "127.0.0.1:8080");
    CHECK(loop.ok);
    CHECK(loop.rule == std::string("R3.6"));
    CHECK(remote.ok == (std::string(mode) == "1"));
  }

  // Other profiles hold TIME_WAIT for their own time.
  CHECK(make_host("macos").settings().time_wait() == 30 * sim::kSecond);
  CHECK(make_host("freebsd").settings().time_wait() == 60 * sim::kSecond);
  CHECK(make_host("windows").settings().time_wait() == 120 * sim::kSecond);
  CHECK(make_host("windows_xp").settings().time_wait() == 240 * sim::kSecond);
  auto mac = make_host("macos");
  host::SocketId m;
  REQUIRE(connect_new(mac, "198.51.100.1:80", &m).ok);
  mac.close(m);
  mac.advance(29 * sim::kSecond);
  CHECK(mac.socket(m) != nullptr);
  mac.advance(1 * sim::kSecond);
  CHECK(mac.socket(m) == nullptr);
}

TEST_CASE("R3.7 connections from one address to one ip:port = usable ports of the range") {
  struct Case {
    const char* range;
    const char* reserved;
    int expected;
  };
  // Reserved ports do not count.
  for (Case c : {Case{"40000 40009", "", 10}, Case{"40000 40009", "40004", 9},
                 Case{"40000 40099", "40010-40019", 90}}) {
    const std::string label = std::string(c.range) + " reserved " + c.reserved;
    INFO(label);
    auto h = make_host("linux", 41);
    set(h, "net.ipv4.ip_local_port_range", c.range);
    set(h, "net.ipv4.ip_local_reserved_ports", c.reserved);
    int ok = 0;
    while (connect_new(h, "198.51.100.1:80").ok) ++ok;
    CHECK(ok == c.expected);
  }
  // An odd-sized range: each connect() scans N rounded down to even (4 of
  // 40000-40004), but where the scan starts decides which 4, so the fifth
  // port is reached only by some offsets: 4 or 5 connections.
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    auto h = make_host("linux", seed);
    set(h, "net.ipv4.ip_local_port_range", "40000 40004");
    int ok = 0;
    Decision d;
    while ((d = connect_new(h, "198.51.100.1:80")).ok) ++ok;
    CHECK(d.probes == 4);
    CHECK(ok >= 4);
    CHECK(ok <= 5);
  }
  // A bigger range, partly held by bound sockets: those never count.
  auto big = make_host("linux", 42);
  set(big, "net.ipv4.ip_local_port_range", "40000 41999");
  for (uint16_t port = 40000; port < 40100; ++port) REQUIRE(bind_new(big, "0.0.0.0", port).ok);
  int ok = 0;
  while (connect_new(big, "198.51.100.1:80").ok) ++ok;
  CHECK(ok == 1900);
}

TEST_CASE("R3.1 (section 3.1) the five RFC 6056 algorithms are selectable and deterministic") {
  for (Rfc6056 alg : {Rfc6056::RandomStart, Rfc6056::RandomEachTry, Rfc6056::Hash,
                      Rfc6056::DoubleHash, Rfc6056::RandomIncrements}) {
    INFO(static_cast<int>(alg));
    auto h = make_host("linux", 51), same = make_host("linux", 51);
    h.use_rfc6056(alg);
    same.use_rfc6056(alg);
    std::vector<int> p = connects(h, "198.51.100.1:80", 20);
    CHECK(p == connects(same, "198.51.100.1:80", 20));
    CHECK(std::set<int>(p.begin(), p.end()).size() == 20);
    for (int port : p) {
      CHECK(port >= 32768);
      CHECK(port <= 60999);
    }
    if (alg == Rfc6056::RandomStart) {  // successive ports after a random start
      std::vector<int> q = connects(h, "198.51.100.2:80", 2);
      CHECK(q[0] != q[1]);
    }
    if (alg == Rfc6056::Hash || alg == Rfc6056::DoubleHash) {
      // Consecutive connects to one destination take consecutive ports.
      CHECK(p[1] == p[0] + 1);
    }
    if (alg == Rfc6056::RandomIncrements)
      for (size_t i = 1; i < p.size(); ++i) CHECK(rise(p[i - 1], p[i], 28232) <= 500);
  }
  // Algorithm 3 shares one counter across destinations; algorithm 4 does not.
  auto three = make_host("linux", 52), four = make_host("linux", 52);
  three.use_rfc6056(Rfc6056::Hash);
  four.use_rfc6056(Rfc6056::DoubleHash);
  auto gap = [](host::Host& h) {
    int a = connect_new(h, "198.51.100.1:80").port;
    for (int i = 0; i < 5; ++i) connect_new(h, "198.51.100.2:80");
    return rise(a, connect_new(h, "198.51.100.1:80").port, 28232);
  };
  CHECK(gap(three) == 6);
  CHECK(gap(four) == 1);
}

TEST_CASE("R3.1 a trace is made only on request and lists the ports passed over") {
  auto h = make_host("linux", 61);
  set(h, "net.ipv4.ip_local_port_range", "40010 40013");
  REQUIRE(bind_new(h, "0.0.0.0", 40010).ok);
  REQUIRE(bind_new(h, "0.0.0.0", 40012).ok);
  Decision quiet = connect_new(h, "198.51.100.1:80");
  CHECK(quiet.ok);
  CHECK(quiet.trace.empty());
  CHECK(quiet.explanation.empty());
  CHECK(quiet.probes == 3);  // two pinned even ports, then the first odd one
  h.set_trace(true);
  Decision traced = connect_new(h, "198.51.100.2:80");
  REQUIRE(traced.trace.size() == 3);
  CHECK(traced.trace[0].probe == host::Probe::PinnedByBind);
  CHECK(traced.trace[1].probe == host::Probe::PinnedByBind);
  CHECK(traced.trace[2].probe == host::Probe::Taken);
  CHECK(traced.trace[2].port == traced.port);
  CHECK(traced.explanation.find(std::to_string(traced.port)) != std::string::npos);
}
