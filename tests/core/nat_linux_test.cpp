// The linux profile against what the reference measured netfilter
// MASQUERADE doing (networking-facts.md §5.5, §7 experiments 9-13).
#include <doctest/doctest.h>

#include <set>

#include "nat_lab.h"

using namespace portlab;
using namespace portlab::nat;
using testing::ep;
using testing::NatLab;

namespace {
const net::Transport kTcp = net::Transport::Tcp;

Profile linux_with(void (*change)(Profile&)) {
  Profile p = *find_profile("linux");
  change(p);
  return p;
}
}  // namespace

TEST_CASE("R5.1 Linux: a free inside port is kept (experiment 9: 6000 stays 6000)") {
  NatLab lab("linux");
  Trace t;
  Delivery d = lab.udp("10.0.1.2:6000", "198.51.100.7:9000", &t);
  CHECK(d.action == Action::Translated);
  CHECK(d.packet.src == ep("203.0.113.1:6000"));
  CHECK(d.packet.dst == ep("198.51.100.7:9000"));
  CHECK(testing::has_step(t, "port-kept"));
  CHECK(testing::has_step(t, "mapping-created"));
}

TEST_CASE(
    "R5.1 Linux: a colliding host gets another port of the same class and reuses it "
    "towards a second server") {
  NatLab lab("linux");
  REQUIRE(lab.udp_port("10.0.1.2:6000", "198.51.100.7:9000") == 6000);
  uint16_t moved = lab.udp_port("10.0.1.3:6000", "198.51.100.7:9000");
  CHECK(moved != 6000);
  CHECK(moved >= 1024);
  Trace t;
  Delivery second = lab.udp("10.0.1.3:6000", "198.51.100.8:9000", &t);
  CHECK(second.packet.src.port == moved);
  CHECK(testing::has_step(t, "mapping-reused"));
}

TEST_CASE("R5.1 Linux: collisions stay in the port's class, 600-1023 for 700 and 1-511 for 300") {
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    NatLab lab("linux", seed);
    REQUIRE(lab.udp_port("10.0.1.2:700", "198.51.100.7:9000") == 700);
    uint16_t p700 = lab.udp_port("10.0.1.3:700", "198.51.100.7:9000");
    CHECK(p700 >= 600);
    CHECK(p700 <= 1023);
    CHECK(p700 != 700);
    REQUIRE(lab.udp_port("10.0.1.2:300", "198.51.100.7:9000") == 300);
    uint16_t p300 = lab.udp_port("10.0.1.3:300", "198.51.100.7:9000");
    CHECK(p300 >= 1);
    CHECK(p300 <= 511);
    CHECK(p300 != 300);
    REQUIRE(lab.udp_port("10.0.1.2:550", "198.51.100.7:9000") == 550);
    uint16_t p550 = lab.udp_port("10.0.1.3:550", "198.51.100.7:9000");
    CHECK(p550 >= 600);  // 512-599 collide into the 600-1023 class
    CHECK(p550 <= 1023);
  }
}

TEST_CASE(
    "R5.1 Linux: two hosts share one external port towards different servers "
    "(RFC 7857 port overlapping)") {
  NatLab lab("linux");
  CHECK(lab.udp_port("10.0.1.2:6400", "198.51.100.7:9000") == 6400);
  Trace t;
  REQUIRE(lab.udp("10.0.1.3:6400", "198.51.100.8:9000", &t).packet.src.port == 6400);
  // The trace names the sharing for what it is: allowed overlapping, not
  // RFC 4787's forbidden overloading.
  bool named = false;
  for (const nat::Step& s : t.steps) {
    if (s.kind != "port-kept") continue;
    const std::string& text = s.explanation;
    named = text.find("10.0.1.2:6400 already appears as 203.0.113.1:6400") != std::string::npos &&
            text.find("RFC 7857 port overlapping, which is allowed") != std::string::npos;
  }
  CHECK(named);
  // Each answer still reaches the right host: the reply tuple differs.
  CHECK(lab.udp("198.51.100.7:9000", "203.0.113.1:6400").packet.dst == ep("10.0.1.2:6400"));
  CHECK(lab.udp("198.51.100.8:9000", "203.0.113.1:6400").packet.dst == ep("10.0.1.3:6400"));
}

TEST_CASE(
    "R5.1 Linux: random/fully-random give each new flow a random port even when the "
    "port is free") {
  Profile p = linux_with([](Profile& x) { x.random_ports = true; });
  NatLab lab(p);
  std::set<uint16_t> ports;
  for (const char* dst : {"198.51.100.7:9000", "198.51.100.8:9000", "198.51.100.9:9000"}) {
    Trace t;
    Delivery d = lab.udp("10.0.1.2:6000", dst, &t);
    REQUIRE(d.action == Action::Translated);
    CHECK(testing::has_step(t, "random-port"));
    CHECK_FALSE(testing::has_step(t, "mapping-reused"));
    ports.insert(d.packet.src.port);
  }
  CHECK(ports.count(6000) == 0);
  CHECK(ports.size() == 3);
}

TEST_CASE(
    "R5.1 Linux: a masquerade range is used up towards one destination, then flows are "
    "dropped; another destination reuses the same ports (experiment 10)") {
  Profile p = linux_with([](Profile& x) { x.port_range = PortRange{20000, 20009}; });
  NatLab lab(p);
  std::set<uint16_t> used;
  char from[32];
  for (int i = 0; i < 10; ++i) {
    std::snprintf(from, sizeof from, "10.0.1.2:%d", 5000 + i);
    uint16_t port = lab.udp_port(from, "198.51.100.7:9000");
    CHECK(port >= 20000);
    CHECK(port <= 20009);
    used.insert(port);
  }
  CHECK(used.size() == 10);
  Trace t;
  Delivery eleventh = lab.udp("10.0.1.2:5010", "198.51.100.7:9000", &t);
  CHECK(eleventh.action == Action::Dropped);
  CHECK(t.reason.find("20000-20009") != std::string::npos);
  uint16_t other = lab.udp_port("10.0.1.2:5010", "198.51.100.8:9000");
  CHECK(other >= 20000);
  CHECK(other <= 20009);
}

TEST_CASE("R5.1 Linux: the same seed replays the same ports, another seed picks others") {
  auto run = [](uint64_t seed) {
    NatLab lab("linux", seed);
    lab.udp_port("10.0.1.2:6000", "198.51.100.7:9000");
    return lab.udp_port("10.0.1.3:6000", "198.51.100.7:9000");
  };
  CHECK(run(7) == run(7));
  std::set<uint16_t> seen;
  for (uint64_t seed = 1; seed <= 8; ++seed) seen.insert(run(seed));
  CHECK(seen.size() > 1);
}

TEST_CASE(
    "R5.2 Linux: unsolicited UDP from another port or another address is not delivered; "
    "the exact peer is (experiment 11)") {
  NatLab lab("linux");
  REQUIRE(lab.udp_port("10.0.1.2:6000", "198.51.100.7:9000") == 6000);
  Trace other_port;
  CHECK(lab.udp("198.51.100.7:9001", "203.0.113.1:6000", &other_port).action == Action::Dropped);
  CHECK(testing::has_step(other_port, "filtered"));
  CHECK(other_port.reason.find("APDF") != std::string::npos);
  CHECK(lab.udp("198.51.100.8:9000", "203.0.113.1:6000").action == Action::Dropped);
  Delivery exact = lab.udp("198.51.100.7:9000", "203.0.113.1:6000");
  CHECK(exact.action == Action::Delivered);
  CHECK(exact.packet.dst == ep("10.0.1.2:6000"));
  CHECK(exact.packet.src == ep("198.51.100.7:9000"));
}

TEST_CASE(
    "R5.2 Linux: a DNAT forward :8081 -> 10.0.1.2:80 delivers from outside and its answer "
    "leaves as 203.0.113.1:8081 (experiment 12)") {
  NatLab lab("linux");
  lab.forward(ForwardProto::Tcp, 8081, "10.0.1.2", 80);
  Packet syn{kTcp, ep("198.51.100.7:40000"), ep("203.0.113.1:8081"), kSyn};
  Delivery in = lab.network.send(syn, nullptr);
  CHECK(in.action == Action::Delivered);
  CHECK(in.packet.dst == ep("10.0.1.2:80"));
  CHECK(in.packet.src == ep("198.51.100.7:40000"));
  Delivery back = lab.network.answer(syn, in, nullptr);
  CHECK(back.action == Action::Translated);
  CHECK(back.packet.src == ep("203.0.113.1:8081"));
  CHECK(back.packet.dst == ep("198.51.100.7:40000"));
  // UDP to the same port is not forwarded: the rule is tcp only.
  CHECK(lab.udp("198.51.100.7:40000", "203.0.113.1:8081").action == Action::Dropped);
}

TEST_CASE(
    "R5.3 Linux: UDP 30 s unreplied and after a single request/reply, 120 s ASSURED once "
    "replied and active after 2 s, TCP established 432000 s (experiment 13)") {
  NatLab lab("linux");
  const SessionTable& table = lab.network.router().sessions();
  auto expires_in = [&](const char* internal) {
    for (uint32_t id : table.by_age())
      if (table.get(id).internal == ep(internal))
        return (table.get(id).expires_at - lab.network.clock().now()) / 1000;
    return sim::Millis{-1};
  };
  // One-way: 30 s, gone at 30 s.
  lab.udp("10.0.1.2:5000", "198.51.100.7:9000");
  CHECK(expires_in("10.0.1.2:5000") == 30);
  CHECK(std::string(state_name(table.get(table.by_age()[0]))) == "UNREPLIED");
  // Single request/reply: still 30 s.
  lab.udp("10.0.1.3:5000", "198.51.100.7:9000");
  lab.udp("198.51.100.7:9000", "203.0.113.1:5000");
  CHECK(expires_in("10.0.1.3:5000") == 30);
  // Request/reply, then traffic after 2 s: ASSURED, 120 s.
  lab.udp("10.0.1.4:5000", "198.51.100.8:9000");
  lab.udp("198.51.100.8:9000", "203.0.113.1:5000");
  lab.advance_seconds(2.5);
  lab.udp("10.0.1.4:5000", "198.51.100.8:9000");
  CHECK(expires_in("10.0.1.4:5000") == 120);
  // TCP handshake: ESTABLISHED, 432000 s.
  Packet syn{kTcp, ep("10.0.1.5:6000"), ep("198.51.100.7:80"), kSyn};
  Delivery out = lab.network.send(syn, nullptr);
  lab.network.answer(syn, out, nullptr);
  lab.send(kTcp, "10.0.1.5:6000", "198.51.100.7:80", kAck);
  CHECK(expires_in("10.0.1.5:6000") == 432000);
  // The unreplied entry is gone 30 s after its last packet (t = 30 s).
  lab.advance_seconds(27.4);
  CHECK(expires_in("10.0.1.2:5000") == 0);  // 0.1 s left
  lab.advance_seconds(0.1);
  CHECK(expires_in("10.0.1.2:5000") == -1);
  CHECK(lab.udp("198.51.100.7:9000", "203.0.113.1:5000").action == Action::Dropped);
  CHECK(expires_in("10.0.1.4:5000") > 0);
}

TEST_CASE(
    "R5.5 Linux: hairpin to a forward fails without `ct status dnat masquerade` and works "
    "with it (experiment 12)") {
  for (bool masquerade : {false, true}) {
    Profile p = *find_profile("linux");
    p.hairpin = masquerade;
    NatLab lab(p);
    lab.forward(ForwardProto::Tcp, 8081, "10.0.1.2", 80);
    Packet syn{kTcp, ep("10.0.1.3:41000"), ep("203.0.113.1:8081"), kSyn};
    Trace t;
    Delivery in = lab.network.send(syn, &t);
    CAPTURE(masquerade);
    // The server receives the SYN either way...
    CHECK(in.action == Action::Delivered);
    CHECK(in.packet.dst == ep("10.0.1.2:80"));
    CHECK(in.packet.src.addr == testing::ip(masquerade ? "10.0.1.1" : "10.0.1.3"));
    // ...but only with the masquerade rule does its answer come back right.
    Trace back;
    Delivery answer = lab.network.answer(syn, in, &back);
    CHECK((answer.action == Action::Delivered) == masquerade);
    if (masquerade) {
      CHECK(answer.packet.src == ep("203.0.113.1:8081"));
      CHECK(answer.packet.dst == ep("10.0.1.3:41000"));
    } else {
      CHECK(back.reason.find("rejects an answer coming from 10.0.1.2:80") != std::string::npos);
    }
  }
}

TEST_CASE("R5.5 Linux: a LAN packet to another host's dynamic mapping goes to the router itself") {
  Profile p = *find_profile("linux");
  p.hairpin = true;
  NatLab lab(p);
  REQUIRE(lab.udp_port("10.0.1.2:6000", "198.51.100.7:9000") == 6000);
  Trace t;
  CHECK(lab.udp("10.0.1.3:7000", "203.0.113.1:6000", &t).action == Action::Dropped);
  CHECK(t.reason.find("no forward matches udp port 6000") != std::string::npos);
}
