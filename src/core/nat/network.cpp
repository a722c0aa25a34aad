#include "core/nat/network.h"

#include "core/nat/session_timers.h"

namespace portlab::nat {

using net::to_string;

const char* to_string(Action a) {
  switch (a) {
    case Action::Translated:
      return "translated";
    case Action::Delivered:
      return "delivered";
    case Action::Dropped:
      return "dropped";
  }
  return "?";
}

namespace {

DeviceConfig router_config(const Topology& t) {
  DeviceConfig c;
  c.name = "router";
  c.inside_side = "lan";
  c.outside_side = "wan";
  c.inside_title = "LAN";
  c.outside_title = "WAN";
  c.inside = t.lan;
  c.outside = t.wan;
  c.statics = t.statics;
  c.pool = t.pool;
  return c;
}

DeviceConfig cgn_config(const CarrierConfig& carrier) {
  DeviceConfig c;
  c.name = "cgn";
  c.inside_side = "inside";
  c.outside_side = "outside";
  c.inside_title = "inside";
  c.outside_title = "outside";
  c.inside = carrier.inside;
  c.outside = carrier.public_address;
  return c;
}

// Separate, reproducible streams for the two boxes.
uint64_t device_seed(uint64_t seed, uint64_t which) { return seed * 0x9e3779b97f4a7c15ULL + which; }

}  // namespace

Network::Network(const Topology& topology, const Profile& router_profile,
                 const Profile* cgn_profile, uint64_t seed)
    : topology_(topology) {
  router_ = std::make_unique<NatDevice>(router_profile, router_config(topology), clock_,
                                        device_seed(seed, 1));
  if (topology.cgn && cgn_profile)
    cgn_ = std::make_unique<NatDevice>(*cgn_profile, cgn_config(*topology.cgn), clock_,
                                       device_seed(seed, 2));
}

Place Network::place_of(net::Ipv4 a) const {
  if (a == topology_.lan.addr || router_->owns(a)) return Place::Router;
  if (cgn_ && (a == topology_.cgn->inside.addr || cgn_->owns(a))) return Place::Cgn;
  if (topology_.lan.contains(a)) return Place::Lan;
  if (cgn_ && topology_.cgn->inside.contains(a)) return Place::Carrier;
  return Place::Internet;
}

std::string Network::who(net::Ipv4 a) const {
  for (const Host& h : topology_.hosts)
    if (h.address == a && !h.name.empty()) return h.name + " (" + to_string(a) + ")";
  return to_string(a);
}

Network::Segment Network::segment_of_origin(Place place) const {
  if (place == Place::Lan) return Segment::Lan;
  if (place == Place::Carrier) return Segment::Carrier;
  return Segment::Internet;
}

Delivery Network::send(Packet p, Trace* t) {
  const Packet sent = p;
  Delivery out;
  out.packet = p;
  const Place origin = place_of(p.src.addr);
  if (origin == Place::Router || origin == Place::Cgn) {
    if (t) {
      t->reason = "Traffic that a NAT box sends itself is not simulated.";
      t->add("drop", "internet", t->reason, "§5.1");
    }
    return out;
  }
  if (t)
    t->add("send",
           origin == Place::Lan       ? "lan"
           : origin == Place::Carrier ? "carrier"
                                      : "internet",
           who(p.src.addr) + " sends " + describe(p) + ".", "§5.1");

  auto dropped = [&](const char* where, std::string why, const char* rule) {
    if (t) {
      t->reason = why;
      t->add("drop", where, std::move(why), rule);
    }
    out.action = Action::Dropped;
    out.packet = p;
    return out;
  };
  // The box already recorded why it dropped the packet.
  auto dropped_by_box = [&]() {
    out.action = Action::Dropped;
    out.packet = p;
    return out;
  };
  auto delivered = [&](const char* where, bool translated_out) {
    if (t) {
      std::string text = who(p.dst.addr) + " receives " + describe(p) + ".";
      t->add("deliver", where, text, "§5.1");
      if (t->reason.empty()) t->reason = text;
    }
    bool rewritten = p.src != sent.src || p.dst != sent.dst;
    out.action = translated_out && rewritten ? Action::Translated : Action::Delivered;
    out.packet = p;
    return out;
  };
  // Runs one box and reports where the packet went next, or a drop.
  // A packet a box sends out towards its own public address turns around
  // inside the box (a hairpin) instead of travelling anywhere.
  bool turned_around = false;
  auto through = [&](NatDevice& nat, Side side, Segment* next) {
    const DeviceConfig& c = nat.config();
    auto side_text = [&](Side which) {
      return which == Side::Inside ? c.inside_title + " side " + to_string(c.inside.addr)
                                   : c.outside_title + " side " + to_string(c.outside);
    };
    if (t && !turned_around)
      t->add("hop", nat.where(side),
             "The packet reaches the " + c.name + "'s " + side_text(side) + ".", "§5.1");
    turned_around = false;
    Outcome o = nat.process(p, side, t);
    if (o.dropped) return false;
    if (o.emerges == Side::Outside && nat.owns(p.dst.addr)) {
      turned_around = true;
      if (t)
        t->add("hairpin-loop", nat.where_nat(),
               "The destination " + to_string(p.dst) + " is the " + c.name +
                   "'s own public address, so the packet turns around inside it and is handled "
                   "again as if it had arrived from outside.",
               "R5.5");
    } else if (t) {
      t->add("hop", nat.where(o.emerges),
             "It leaves the " + c.name + "'s " + side_text(o.emerges) + " as " + describe(p) + ".",
             "§5.1");
    }
    const bool is_router = &nat == router_.get();
    if (o.emerges == Side::Inside)
      *next = is_router ? Segment::Lan : Segment::Carrier;
    else
      *next = is_router && cgn_ ? Segment::Carrier : Segment::Internet;
    return true;
  };

  Segment at = segment_of_origin(origin);
  bool via_router = false;
  for (int hop = 0; hop < 16; ++hop) {
    Segment next = at;
    switch (at) {
      case Segment::Lan: {
        const bool local = topology_.lan.contains(p.dst.addr) && p.dst.addr != topology_.lan.addr;
        if (local) {
          if (!via_router && t)
            t->add("hop", "lan",
                   to_string(p.dst.addr) + " is on the same LAN " +
                       to_string(net::Prefix{topology_.lan.network(), topology_.lan.length}) +
                       ", so the packet goes straight through the switch and the router never "
                       "sees it.",
                   "R5.5");
          return delivered("lan", false);
        }
        via_router = true;
        if (!through(*router_, Side::Inside, &next)) return dropped_by_box();
        break;
      }
      case Segment::Carrier: {
        if (p.dst.addr == topology_.wan) {
          via_router = true;
          if (!through(*router_, Side::Outside, &next)) return dropped_by_box();
        } else if (topology_.cgn->inside.contains(p.dst.addr) &&
                   p.dst.addr != topology_.cgn->inside.addr) {
          return delivered("carrier", false);
        } else if (!through(*cgn_, Side::Inside, &next)) {
          return dropped_by_box();
        }
        break;
      }
      case Segment::Internet: {
        if (cgn_ && cgn_->owns(p.dst.addr)) {
          if (!through(*cgn_, Side::Outside, &next)) return dropped_by_box();
        } else if (router_->owns(p.dst.addr) && !cgn_) {
          via_router = true;
          if (!through(*router_, Side::Outside, &next)) return dropped_by_box();
        } else if (net::is_shared_cgn_space(p.dst.addr) && cgn_) {
          return dropped("internet",
                         to_string(p.dst.addr) +
                             " is carrier shared address space "
                             "(100.64.0.0/10, RFC 6598), which is not routed on the internet, so "
                             "the packet is dropped.",
                         "R5.6");
        } else if (topology_.lan.contains(p.dst.addr) || net::is_rfc1918(p.dst.addr)) {
          return dropped("internet",
                         to_string(p.dst.addr) +
                             " is a private address, which is not routed on "
                             "the internet, so the packet is dropped.",
                         "§5.1");
        } else {
          return delivered("internet", true);
        }
        break;
      }
    }
    at = next;
  }
  return dropped("internet", "The packet looped between the NAT boxes and was dropped.", "R5.5");
}

Delivery Network::answer(const Packet& sent, const Delivery& request, Trace* t) {
  Packet back;
  back.proto = sent.proto;
  back.src = request.packet.dst;
  back.dst = request.packet.src;
  if (sent.proto == net::Transport::Tcp)
    back.tcp_flags = (sent.tcp_flags & kSyn) && !(sent.tcp_flags & kAck) ? kSyn | kAck : kAck;
  if (t) t->reason.clear();
  Delivery d = send(back, t);
  if (d.action == Action::Dropped) return d;
  std::string why;
  if (d.packet.dst != sent.src) {
    why = "The answer reaches " + to_string(d.packet.dst) + " instead of the original sender " +
          to_string(sent.src) + ", so the exchange fails.";
  } else if (d.packet.src != sent.dst) {
    why = to_string(sent.src) + " sent to " + to_string(sent.dst) +
          ", so it rejects an answer coming from " + to_string(d.packet.src) +
          (sent.proto == net::Transport::Tcp ? " (with a TCP reset)" : "") +
          " and the exchange fails.";
  } else {
    return d;
  }
  if (t) {
    t->reason = why;
    t->add("drop", place_of(d.packet.dst.addr) == Place::Internet ? "internet" : "lan", why,
           "R5.5");
  }
  d.action = Action::Dropped;
  return d;
}

void Network::advance(sim::Millis by, Trace* t) {
  clock_.advance(by);
  std::string moved =
      "The clock moves on " + describe_duration(by) + " to t = " + describe_duration(clock_.now());
  if (t) t->add("clock", "clock", moved + ".", "R5.3");
  router_->expire(t);
  if (cgn_) cgn_->expire(t);
  if (!t) return;
  int mappings = 0, leases = 0;
  for (const Step& s : t->steps) {
    mappings += s.kind == "mapping-expired";
    leases += s.kind == "lease-expired";
  }
  auto count = [](int n, const char* what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
  };
  t->reason = moved + (mappings + leases == 0 ? std::string(", and nothing expires.")
                                              : "; " + count(mappings, "mapping") + " and " +
                                                    count(leases, "lease") + " expired.");
}

RequestOutcome Network::request(const MappingRequest& req, Trace* t) {
  RequestOutcome out;
  out.grant = serve_mapping_request(*router_, req, t);
  out.public_endpoint = out.grant.external;
  if (!out.grant.granted) return out;
  if (!cgn_) {
    out.reachable = !out.grant.deleted;
    return out;
  }
  const bool carrier_pcp = req.protocol == MappingProtocol::Pcp && cgn_->profile().pcp;
  if (carrier_pcp) {
    // The router relays the request upstream as a PCP proxy (RFC 7648), so
    // the carrier maps a public port onto the router's WAN port.
    if (t)
      t->add("pcp-proxy", "router.nat",
             "The router relays the PCP request to the carrier's PCP server so the CGN " +
                 to_string(topology_.cgn->public_address) + " maps a public port onto " +
                 to_string(out.grant.external) + " as well.",
             "R5.6", true);
    MappingRequest upstream = req;
    upstream.client = topology_.wan;
    upstream.internal_port = out.grant.external.port;
    upstream.external_port = out.grant.external.port;
    MappingGrant carrier = serve_mapping_request(*cgn_, upstream, t);
    if (carrier.granted && !carrier.deleted) {
      out.reachable = true;
      out.public_endpoint = carrier.external;
      if (t)
        t->reason = "Internet hosts can now reach " + to_string(out.grant.internal) + " at " +
                    to_string(carrier.external) + " through both NATs.";
    }
    return out;
  }
  if (out.grant.deleted) return out;
  std::string why =
      "The router's WAN address " + to_string(topology_.wan) +
      " is carrier shared space (100.64.0.0/10) and the CGN " +
      to_string(topology_.cgn->public_address) + " has no forward for it" +
      (req.protocol == MappingProtocol::Pcp
           ? " (the carrier runs no PCP server)"
           : std::string(" (") + to_string(req.protocol) + " only reaches the default gateway)") +
      ", so internet hosts still cannot reach " + to_string(out.grant.internal) + ".";
  if (t) {
    t->reason = why;
    t->add("cgn-unreachable", "cgn.nat", why, "R5.6");
  }
  return out;
}

}  // namespace portlab::nat
