// The rfc4787 profile: RFC 4787 / RFC 5382 MUSTs.
#include <doctest/doctest.h>

#include "nat_lab.h"

using namespace portlab;
using namespace portlab::nat;
using testing::ep;
using testing::NatLab;

TEST_CASE(
    "R5.4 rfc4787: endpoint-independent mapping and never two hosts on one port "
    "(REQ-1, REQ-3)") {
  NatLab lab("rfc4787");
  CHECK(lab.udp_port("10.0.1.2:6400", "198.51.100.7:9000") == 6400);
  CHECK(lab.udp_port("10.0.1.2:6400", "198.51.100.8:9000") == 6400);
  // Linux would share 6400 towards a third server; RFC 4787 must not.
  uint16_t other = lab.udp_port("10.0.1.3:6400", "198.51.100.9:9000");
  CHECK(other != 6400);
  CHECK(other >= 1024);
}

TEST_CASE("R5.4 rfc4787: a low port stays low and parity is preserved (REQ-3a, REQ-4)") {
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    NatLab lab("rfc4787", seed);
    REQUIRE(lab.udp_port("10.0.1.2:700", "198.51.100.7:9000") == 700);
    uint16_t low = lab.udp_port("10.0.1.3:700", "198.51.100.7:9000");
    CHECK(low >= 1);
    CHECK(low <= 1023);
    CHECK(low % 2 == 0);
    REQUIRE(lab.udp_port("10.0.1.2:5001", "198.51.100.7:9000") == 5001);
    uint16_t odd = lab.udp_port("10.0.1.3:5001", "198.51.100.7:9000");
    CHECK(odd >= 1024);
    CHECK(odd % 2 == 1);
  }
}

TEST_CASE("R5.5 rfc4787: hairpinning delivers with the sender's public source (REQ-9)") {
  NatLab lab("rfc4787");
  uint16_t b = lab.udp_port("10.0.1.3:7000", "198.51.100.7:9000");
  std::string b_public = "203.0.113.1:" + std::to_string(b);
  Trace t;
  Delivery d = lab.udp("10.0.1.2:6000", b_public.c_str(), &t);
  CHECK(d.action == Action::Delivered);
  CHECK(d.packet.dst == ep("10.0.1.3:7000"));
  CHECK(d.packet.src.addr == testing::ip("203.0.113.1"));
  CHECK(testing::has_step(t, "hairpin"));
  // And B's answer to that public source comes back to A, from B's public side.
  Packet sent{net::Transport::Udp, ep("10.0.1.2:6000"), ep(b_public.c_str()), 0};
  Delivery back = lab.network.answer(sent, d, nullptr);
  CHECK(back.action == Action::Delivered);
  CHECK(back.packet.src == ep(b_public.c_str()));
  CHECK(back.packet.dst == ep("10.0.1.2:6000"));
}

TEST_CASE("R5.5 rfc4787: hairpin to a port forward shows the public source to the server") {
  NatLab lab("rfc4787");
  lab.forward(ForwardProto::Tcp, 8081, "10.0.1.20", 80);
  Packet syn{net::Transport::Tcp, ep("10.0.1.2:41000"), ep("203.0.113.1:8081"), kSyn};
  Delivery in = lab.network.send(syn, nullptr);
  CHECK(in.action == Action::Delivered);
  CHECK(in.packet.dst == ep("10.0.1.20:80"));
  CHECK(in.packet.src == ep("203.0.113.1:41000"));
  CHECK(lab.network.answer(syn, in, nullptr).action == Action::Delivered);
}

TEST_CASE("R5.3 rfc4787: UDP mappings last 300 s, TCP established 7440 s") {
  NatLab lab("rfc4787");
  lab.udp("10.0.1.2:5000", "198.51.100.7:9000");
  Packet syn{net::Transport::Tcp, ep("10.0.1.2:6000"), ep("198.51.100.7:80"), kSyn};
  lab.network.answer(syn, lab.network.send(syn, nullptr), nullptr);
  lab.send(net::Transport::Tcp, "10.0.1.2:6000", "198.51.100.7:80", kAck);
  lab.advance_seconds(299);
  CHECK(lab.sessions() == 2);
  lab.advance_seconds(1);
  CHECK(lab.sessions() == 1);
  lab.advance_seconds(7440 - 300 - 1);
  CHECK(lab.sessions() == 1);
  lab.advance_seconds(1);
  CHECK(lab.sessions() == 0);
}

TEST_CASE("R5.3 rfc4787: the scenario refuses timers below the RFC minimums") {
  const char* base = R"({"profile":"rfc4787","router":{"lan":"10.0.1.1/24","wan":"203.0.113.1"},
    "options":%s,"events":[]})";
  char text[512];
  std::snprintf(text, sizeof text, base, R"({"udp_timeout": 60})");
  ScenarioParse p = parse_scenario(text);
  CHECK(p.error.find("$.options.udp_timeout: ") == 0);
  CHECK(p.error.find("REQ-5") != std::string::npos);
  std::snprintf(text, sizeof text, base, R"({"mapping": "apdm"})");
  CHECK(parse_scenario(text).error.find("$.options.mapping: ") == 0);
  std::snprintf(text, sizeof text, base, R"({"hairpin": false})");
  CHECK(parse_scenario(text).error.find("REQ-9") != std::string::npos);
  std::snprintf(text, sizeof text, base, R"({"tcp_established_timeout": 3600})");
  CHECK(parse_scenario(text).error.find("7440") != std::string::npos);
}
