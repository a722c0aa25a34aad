// UPnP IGD, NAT-PMP and PCP requests (§5.3): forwards with leases that run
// out on the simulated clock.
#include <doctest/doctest.h>

#include "nat_lab.h"

using namespace portlab;
using namespace portlab::nat;
using testing::ep;
using testing::ip;
using testing::NatLab;

namespace {

MappingRequest ask(MappingProtocol protocol, uint16_t internal, uint16_t external,
                   const char* client = "10.0.1.20") {
  MappingRequest r;
  r.protocol = protocol;
  r.proto = net::Transport::Udp;
  r.client = ip(client);
  r.internal_port = internal;
  r.external_port = external;
  return r;
}

}  // namespace

TEST_CASE("§5.3 a NAT-PMP mapping lasts the recommended 7200 s lease, then inbound is dropped") {
  NatLab lab("linux");
  RequestOutcome o = lab.network.request(ask(MappingProtocol::NatPmp, 5000, 0), nullptr);
  REQUIRE(o.grant.granted);
  CHECK(o.reachable);
  CHECK(o.grant.lease == 7200 * sim::kSecond);
  CHECK(o.public_endpoint == ep("203.0.113.1:5000"));
  CHECK(lab.udp("198.51.100.7:9000", "203.0.113.1:5000").action == Action::Delivered);
  lab.advance_seconds(7199);
  CHECK(lab.network.router().forwards().rules().size() == 1);
  Trace t;
  lab.network.advance(sim::seconds(1), &t);
  CHECK(testing::has_step(t, "lease-expired"));
  CHECK(lab.network.router().forwards().empty());
  CHECK(lab.udp("198.51.100.8:9000", "203.0.113.1:5000").action == Action::Dropped);
}

TEST_CASE("§5.3 UPnP wants its exact port (718 on conflict), NAT-PMP gets another one") {
  NatLab lab("rfc4787");
  MappingRequest first = ask(MappingProtocol::UpnpIgd, 8080, 8080);
  first.lease = 3600 * sim::kSecond;
  REQUIRE(lab.network.request(first, nullptr).grant.granted);
  Trace t;
  RequestOutcome clash =
      lab.network.request(ask(MappingProtocol::UpnpIgd, 8080, 8080, "10.0.1.21"), &t);
  CHECK_FALSE(clash.grant.granted);
  CHECK(t.reason.find("718 ConflictInMappingEntry") != std::string::npos);
  RequestOutcome pmp =
      lab.network.request(ask(MappingProtocol::NatPmp, 8080, 8080, "10.0.1.21"), nullptr);
  CHECK(pmp.grant.granted);
  CHECK(pmp.grant.external.port != 8080);
  CHECK(pmp.grant.external.port >= 1024);
}

TEST_CASE("§5.3 asking again renews a lease; NAT-PMP lifetime 0 deletes the mapping") {
  NatLab lab("linux");
  REQUIRE(lab.network.request(ask(MappingProtocol::Pcp, 5000, 5000), nullptr).grant.granted);
  lab.advance_seconds(7000);
  RequestOutcome again = lab.network.request(ask(MappingProtocol::Pcp, 5000, 5000), nullptr);
  CHECK(again.grant.renewed);
  lab.advance_seconds(7000);
  CHECK(lab.network.router().forwards().rules().size() == 1);
  MappingRequest remove = ask(MappingProtocol::NatPmp, 5000, 0);
  remove.lease = 0;
  CHECK(lab.network.request(remove, nullptr).grant.deleted);
  CHECK(lab.network.router().forwards().empty());
}

TEST_CASE("§5.3 a router without the service leaves the request unanswered") {
  Profile p = *find_profile("linux");
  p.upnp = false;
  NatLab lab(p);
  Trace t;
  CHECK_FALSE(lab.network.request(ask(MappingProtocol::UpnpIgd, 80, 80), &t).grant.granted);
  CHECK(t.reason.find("runs no UPnP IGD") != std::string::npos);
}
