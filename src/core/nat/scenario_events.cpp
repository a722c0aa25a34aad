// The "events" array of a NAT scenario: packets to send, clock steps and
// port-mapping requests, each checked against the topology so that a
// packet "from" the router itself or a request from outside the LAN is
// reported with its JSON path instead of being replayed.
#include "core/nat/scenario.h"
#include "core/nat/scenario_fields.h"

namespace portlab::nat {

namespace fields = scenario_fields;
using json::Reader;
using net::to_string;

namespace {

constexpr double kMaxAdvanceSeconds = 315360000;  // ten years
constexpr double kMaxLeaseSeconds = 31536000;     // one year

// Where an address sits, using the parsed topology (no NAT boxes needed).
Place place_in(const Scenario& s, net::Ipv4 a) {
  const Topology& t = s.topology;
  if (a == t.lan.addr || a == t.wan) return Place::Router;
  for (const StaticNat& st : t.statics)
    if (st.external == a) return Place::Router;
  for (net::Ipv4 p : t.pool)
    if (p == a) return Place::Router;
  if (t.cgn && (a == t.cgn->inside.addr || a == t.cgn->public_address)) return Place::Cgn;
  if (t.lan.contains(a)) return Place::Lan;
  if (t.cgn && t.cgn->inside.contains(a)) return Place::Carrier;
  return Place::Internet;
}

ScenarioEvent read_send(const Reader& r, const Scenario& s) {
  r.expect_object({"proto", "from", "to", "flags", "reply"});
  ScenarioEvent e;
  e.kind = ScenarioEvent::Kind::Send;
  e.packet.proto = fields::transport(r.field("proto"));
  Reader from = r.field("from");
  Reader to = r.field("to");
  e.packet.src = fields::endpoint(from);
  e.packet.dst = fields::endpoint(to);
  if (e.packet.src.port == 0) from.fail("port 0 cannot be a packet's source port");
  if (e.packet.dst.port == 0) to.fail("port 0 cannot be a packet's destination port");
  Place origin = place_in(s, e.packet.src.addr);
  if (origin == Place::Router || origin == Place::Cgn)
    from.fail(to_string(e.packet.src.addr) +
              " belongs to a NAT box; only traffic between hosts "
              "is simulated");
  const net::Ipv4 lan_broadcast{s.topology.lan.network().bits | ~s.topology.lan.mask()};
  if (e.packet.src.addr == s.topology.lan.network() || e.packet.src.addr == lan_broadcast)
    from.fail(to_string(e.packet.src.addr) + " is the network or broadcast address of the LAN");
  if (e.packet.src.addr == e.packet.dst.addr)
    to.fail("the packet would not leave " + to_string(e.packet.src.addr));
  if (auto flags = r.optional_field("flags")) {
    if (e.packet.proto != net::Transport::Tcp) flags->fail("only tcp packets carry flags");
    if (!parse_tcp_flags(flags->string(), &e.packet.tcp_flags))
      flags->fail("flags " + json::quote(flags->string()) +
                  " are not one of syn, syn-ack, ack, fin, fin-ack, rst");
  } else if (e.packet.proto == net::Transport::Tcp) {
    e.packet.tcp_flags = 0;  // chosen when replayed: SYN for a new flow, else ACK
  }
  if (auto reply = r.optional_field("reply")) e.reply = reply->boolean();
  return e;
}

ScenarioEvent read_request(const Reader& r, const Scenario& s, MappingProtocol protocol) {
  r.expect_object({"proto", "from", "internal_port", "external_port", "lease"});
  ScenarioEvent e;
  e.kind = ScenarioEvent::Kind::Request;
  MappingRequest& q = e.request;
  q.protocol = protocol;
  q.proto = fields::transport(r.field("proto"));
  Reader from = r.field("from");
  q.client = fields::ipv4(from);
  if (place_in(s, q.client) != Place::Lan)
    from.fail(to_string(q.client) + " is not a host on the LAN " +
              to_string(net::Prefix{s.topology.lan.network(), s.topology.lan.length}) +
              "; only LAN hosts ask their router for mappings");
  q.internal_port = fields::port(r.field("internal_port"));
  if (auto ext = r.optional_field("external_port"))
    q.external_port = static_cast<uint16_t>(ext->integer(0, 65535));
  else if (protocol == MappingProtocol::UpnpIgd)
    q.external_port = q.internal_port;
  if (auto lease = r.optional_field("lease"))
    q.lease = fields::seconds(*lease, 0, kMaxLeaseSeconds);
  return e;
}

}  // namespace

void read_events(const Reader& r, Scenario& s) {
  size_t n = r.array_size();
  for (size_t i = 0; i < n; ++i) {
    Reader ev = r.at(i);
    ev.expect_object({"send", "advance", "upnp", "natpmp", "pcp", "comment"});
    const char* kinds[] = {"send", "advance", "upnp", "natpmp", "pcp"};
    int present = 0;
    for (const char* k : kinds) present += ev.has(k) ? 1 : 0;
    if (present != 1) ev.fail("an event needs exactly one of send, advance, upnp, natpmp, pcp");
    if (auto send = ev.optional_field("send")) {
      s.events.push_back(read_send(*send, s));
    } else if (auto advance = ev.optional_field("advance")) {
      ScenarioEvent e;
      e.kind = ScenarioEvent::Kind::Advance;
      e.advance = fields::seconds(*advance, 0, kMaxAdvanceSeconds);
      s.events.push_back(e);
    } else if (auto upnp = ev.optional_field("upnp")) {
      s.events.push_back(read_request(*upnp, s, MappingProtocol::UpnpIgd));
    } else if (auto natpmp = ev.optional_field("natpmp")) {
      s.events.push_back(read_request(*natpmp, s, MappingProtocol::NatPmp));
    } else if (auto pcp = ev.optional_field("pcp")) {
      s.events.push_back(read_request(*pcp, s, MappingProtocol::Pcp));
    }
  }
}

}  // namespace portlab::nat
