// Carrier-grade NAT (R5.6): NAT444, per-subscriber port blocks, no inbound
// forwarding, and what UPnP / NAT-PMP / PCP can do from behind it.
#include <doctest/doctest.h>

#include "nat_lab.h"

using namespace portlab;
using namespace portlab::nat;
using testing::ep;
using testing::ip;

namespace {

Topology nat444() {
  Topology t;
  t.lan = *net::parse_prefix("192.168.1.1/24").value;
  t.wan = ip("100.64.0.2");
  t.cgn = CarrierConfig{*net::parse_prefix("100.64.0.1/10").value, ip("198.51.100.1")};
  return t;
}

Profile cgn_with(int block_size, bool pcp) {
  Profile p = *find_profile("cgn");
  p.block_size = block_size;
  p.pcp = pcp;
  return p;
}

}  // namespace

TEST_CASE(
    "R5.6 CGN: a LAN packet is translated twice (NAT444) and the answer comes back "
    "through both NATs") {
  Profile cgn = cgn_with(512, false);
  Network net(nat444(), *find_profile("linux"), &cgn, 1);
  Packet out{net::Transport::Udp, ep("192.168.1.10:6000"), ep("203.0.113.50:9000"), 0};
  Trace t;
  Delivery d = net.send(out, &t);
  REQUIRE(d.action == Action::Translated);
  CHECK(d.packet.src.addr == ip("198.51.100.1"));
  const auto& blocks = net.cgn()->port_blocks().blocks_of(ip("100.64.0.2"));
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].size() == 512);
  CHECK(blocks[0].contains(d.packet.src.port));
  CHECK(testing::has_step(t, "port-block"));
  int nat_steps = 0;
  for (const Step& s : t.steps) nat_steps += s.kind == "rewrite-source";
  CHECK(nat_steps == 2);
  Delivery back = net.answer(out, d, nullptr);
  CHECK(back.action == Action::Delivered);
  CHECK(back.packet.dst == ep("192.168.1.10:6000"));
  CHECK(back.packet.src == ep("203.0.113.50:9000"));
}

TEST_CASE(
    "R5.6 CGN: a subscriber may use only its block, then flows are dropped; another "
    "subscriber gets its own block") {
  Profile p = cgn_with(4, false);
  Topology t;
  t.lan = *net::parse_prefix("100.64.0.1/10").value;
  t.wan = ip("198.51.100.1");
  testing::NatLab lab(p, t);
  for (const char* from :
       {"100.64.0.2:5000", "100.64.0.2:5001", "100.64.0.2:5002", "100.64.0.2:5003"})
    CHECK(lab.udp(from, "203.0.113.50:9000").action == Action::Translated);
  Trace full;
  CHECK(lab.udp("100.64.0.2:5004", "203.0.113.50:9000", &full).action == Action::Dropped);
  CHECK(full.reason.find("every port of its 1 block(s) of 4 ports") != std::string::npos);
  CHECK(full.steps.back().rule == "R5.6");
  CHECK(lab.udp("100.64.0.3:5000", "203.0.113.50:9000").action == Action::Translated);
  const PortBlocks& blocks = lab.network.router().port_blocks();
  CHECK(blocks.blocks_of(ip("100.64.0.2"))[0].lo != blocks.blocks_of(ip("100.64.0.3"))[0].lo);
  // The block returns to the pool once the subscriber's flows have expired.
  lab.advance_seconds(300);
  CHECK(blocks.blocks_of(ip("100.64.0.2")).empty());
}

TEST_CASE(
    "R5.6 CGN: unsolicited traffic finds no forward, and a home-router forward does not "
    "make the LAN host reachable") {
  Profile cgn = cgn_with(512, false);
  Network net(nat444(), *find_profile("linux"), &cgn, 1);
  ForwardRule r;
  r.proto = ForwardProto::Tcp;
  r.external = {8081, 8081};
  r.target = ip("192.168.1.20");
  r.target_port = 80;
  REQUIRE(net.router().forwards().add(r, net.topology().lan).empty());
  Trace t;
  Packet in{net::Transport::Tcp, ep("203.0.113.50:40000"), ep("198.51.100.1:8081"), kSyn};
  CHECK(net.send(in, &t).action == Action::Dropped);
  CHECK(t.reason.find("no inbound forwarding") != std::string::npos);
  // The router's WAN address is not routed on the internet at all.
  Trace direct;
  Packet to_wan{net::Transport::Tcp, ep("203.0.113.50:40000"), ep("100.64.0.2:8081"), kSyn};
  CHECK(net.send(to_wan, &direct).action == Action::Dropped);
  CHECK(direct.reason.find("100.64.0.0/10") != std::string::npos);
}

TEST_CASE(
    "R5.6 CGN: UPnP from behind a CGN is granted by the router but unreachable; PCP "
    "reaches the internet only when the carrier runs PCP") {
  for (bool carrier_pcp : {false, true}) {
    Profile cgn = cgn_with(512, carrier_pcp);
    Network net(nat444(), *find_profile("linux"), &cgn, 1);
    MappingRequest upnp;
    upnp.protocol = MappingProtocol::UpnpIgd;
    upnp.proto = net::Transport::Tcp;
    upnp.client = ip("192.168.1.20");
    upnp.internal_port = upnp.external_port = 8080;
    RequestOutcome u = net.request(upnp, nullptr);
    CHECK(u.grant.granted);
    CHECK_FALSE(u.reachable);

    MappingRequest pcp = upnp;
    pcp.protocol = MappingProtocol::Pcp;
    pcp.internal_port = pcp.external_port = 9090;
    Trace t;
    RequestOutcome o = net.request(pcp, &t);
    CAPTURE(carrier_pcp);
    CHECK(o.grant.granted);
    CHECK(o.reachable == carrier_pcp);
    if (!carrier_pcp) {
      CHECK(t.reason.find("the carrier runs no PCP server") != std::string::npos);
      continue;
    }
    CHECK(o.public_endpoint.addr == ip("198.51.100.1"));
    Packet in{net::Transport::Tcp, ep("203.0.113.50:40000"), o.public_endpoint, kSyn};
    Delivery d = net.send(in, nullptr);
    CHECK(d.action == Action::Delivered);
    CHECK(d.packet.dst == ep("192.168.1.20:9090"));
  }
}

TEST_CASE("R5.6 CGN: the cgn profile only serves 100.64.0.0/10 and takes no forwards") {
  ScenarioParse lan = parse_scenario(
      R"({"profile":"cgn","router":{"lan":"192.168.1.1/24","wan":"198.51.100.1"},"events":[]})");
  CHECK(lan.error.find("$.router.lan: ") == 0);
  CHECK(lan.error.find("R5.6") != std::string::npos);
  ScenarioParse fwd = parse_scenario(
      R"({"profile":"cgn","router":{"lan":"100.64.0.1/10","wan":"198.51.100.1"},
          "forwards":[{"proto":"tcp","external_port":80,"internal":"100.64.0.2:80"}],
          "events":[]})");
  CHECK(fwd.error.find("$.forwards: ") == 0);
  ScenarioParse wan = parse_scenario(
      R"({"profile":"linux","router":{"lan":"192.168.1.1/24","wan":"100.64.0.2"},
          "cgn":{"inside":"100.72.0.1/16","public":"198.51.100.1"},"events":[]})");
  CHECK(wan.error.find("$.cgn.inside: ") == 0);
}
