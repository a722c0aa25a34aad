// The simulated topology (§5, NAT444 in §5.4): LAN hosts behind a router,
// optionally a carrier-grade NAT between the router and the internet, and
// internet hosts. send() moves a packet hop by hop (LAN host -> router LAN
// side -> translation -> router WAN side -> [carrier -> CGN] -> internet
// host, the way back, and hairpins) and records each hop and decision.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/nat/mapping_requests.h"
#include "core/nat/nat_device.h"

namespace portlab::nat {

struct Host {
  std::string name;  // shown in explanations: "laptop (192.168.1.10)"
  net::Ipv4 address;
};

struct CarrierConfig {
  net::Prefix inside;        // the CGN's own inside address, e.g. 100.64.0.1/10
  net::Ipv4 public_address;  // the address subscribers share on the internet
};

struct Topology {
  net::Prefix lan;  // the router's LAN address and prefix, e.g. 192.168.1.1/24
  net::Ipv4 wan;    // the router's WAN address (in 100.64.0.0/10 behind a CGN)
  std::vector<StaticNat> statics;
  std::vector<net::Ipv4> pool;
  std::optional<CarrierConfig> cgn;
  std::vector<Host> hosts;
};

// Where an address lives.
enum class Place : uint8_t { Lan, Router, Carrier, Cgn, Internet };

enum class Action : uint8_t { Translated, Delivered, Dropped };
const char* to_string(Action a);

struct Delivery {
  // Translated: reached an internet host after translation; Delivered:
  // reached an inside host (or was never translated); Dropped.
  Action action = Action::Dropped;
  Packet packet;  // as the receiver gets it, or as it was when dropped
};

struct RequestOutcome {
  MappingGrant grant;             // from the router
  bool reachable = false;         // can internet hosts now reach the inside port?
  net::Endpoint public_endpoint;  // where they should send (the CGN's when it mapped too)
};

class Network {
 public:
  Network(const Topology& topology, const Profile& router_profile, const Profile* cgn_profile,
          uint64_t seed);

  Delivery send(Packet packet, Trace* trace);
  // The receiver of `request` (which was sent as `sent`) answers it. The
  // sender is taken to use a connected socket, so the answer only counts
  // if it comes back from the address:port the sender wrote to.
  Delivery answer(const Packet& sent, const Delivery& request, Trace* trace);
  void advance(sim::Millis by, Trace* trace);
  RequestOutcome request(const MappingRequest& request, Trace* trace);

  Place place_of(net::Ipv4 a) const;
  // "laptop (192.168.1.10)" when the host has a name, else the address.
  std::string who(net::Ipv4 a) const;

  const Topology& topology() const { return topology_; }
  const sim::SimClock& clock() const { return clock_; }
  NatDevice& router() { return *router_; }
  const NatDevice& router() const { return *router_; }
  NatDevice* cgn() { return cgn_.get(); }
  const NatDevice* cgn() const { return cgn_.get(); }

 private:
  enum class Segment : uint8_t { Lan, Carrier, Internet };
  Segment segment_of_origin(Place place) const;

  Topology topology_;
  sim::SimClock clock_;
  std::unique_ptr<NatDevice> router_;
  std::unique_ptr<NatDevice> cgn_;
};

}  // namespace portlab::nat
