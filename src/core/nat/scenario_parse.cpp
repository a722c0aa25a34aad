// Reading a NAT scenario (docs/nat-scenarios.md). Every problem is reported
// with the JSON path of the value at fault; nothing is guessed.
#include "core/nat/scenario.h"
#include "core/nat/scenario_fields.h"
#include "core/nat/scenario_options.h"

namespace portlab::nat {
namespace {

namespace fields = scenario_fields;
using json::Reader;
using net::to_string;

constexpr size_t kMaxPool = 1024;

bool is_public(net::Ipv4 a) {
  return !net::is_rfc1918(a) && !net::is_shared_cgn_space(a) && !net::is_loopback(a) &&
         !a.is_wildcard() && (a.bits >> 28) < 0xE;  // not multicast or reserved
}

std::string lan_text(const net::Prefix& p) { return to_string(net::Prefix{p.network(), p.length}); }

std::vector<net::Ipv4> read_pool(const Reader& r) {
  std::vector<net::Ipv4> pool;
  if (r.value().is_string()) {
    std::string text = r.string();
    size_t dash = text.find('-');
    if (dash == std::string::npos) r.fail("a pool is a list of addresses or a range \"a-b\"");
    auto lo = net::parse_ipv4(text.substr(0, dash));
    auto hi = net::parse_ipv4(text.substr(dash + 1));
    if (!lo.ok()) r.fail(lo.error);
    if (!hi.ok()) r.fail(hi.error);
    if (lo.value->bits > hi.value->bits) r.fail("the pool range " + text + " is inverted");
    if (hi.value->bits - lo.value->bits >= kMaxPool)
      r.fail("the pool holds more than " + std::to_string(kMaxPool) + " addresses");
    for (uint32_t a = lo.value->bits; a <= hi.value->bits; ++a) pool.push_back({a});
    return pool;
  }
  size_t n = r.array_size();
  if (n > kMaxPool) r.fail("the pool holds more than " + std::to_string(kMaxPool) + " addresses");
  for (size_t i = 0; i < n; ++i) pool.push_back(fields::ipv4(r.at(i)));
  return pool;
}

// An address the router or CGN may present to the internet.
void check_public(const Reader& r, net::Ipv4 a, const char* what) {
  if (!is_public(a))
    r.fail(to_string(a) + " is not a public address, so it cannot serve as " + what);
}

void read_router(const Reader& r, Scenario& s) {
  r.expect_object({"lan", "wan", "static", "pool"});
  Topology& t = s.topology;
  Reader lan = r.field("lan");
  t.lan = fields::prefix(lan);
  if (t.lan.length < 1 || t.lan.length > 30)
    lan.fail("the LAN prefix length must be 1-30 so the LAN has room for hosts");
  if (t.lan.addr == t.lan.network() || t.lan.addr.bits == (t.lan.network().bits | ~t.lan.mask()))
    lan.fail(to_string(t.lan.addr) + " is the network or broadcast address of " + lan_text(t.lan) +
             "; give the router a host address such as " +
             to_string(net::Ipv4{t.lan.network().bits + 1}) + "/" + std::to_string(t.lan.length));
  if (s.profile.family == Family::CarrierGrade &&
      !(t.lan.length >= 10 && net::is_shared_cgn_space(t.lan.network())))
    lan.fail(
        "the cgn profile serves subscribers in 100.64.0.0/10 (R5.6); use a prefix inside "
        "it such as 100.64.0.1/10");
  Reader wan = r.field("wan");
  t.wan = fields::ipv4(wan);
  if (t.lan.contains(t.wan)) wan.fail(to_string(t.wan) + " lies inside the LAN " + lan_text(t.lan));
  if (auto st = r.optional_field("static")) {
    size_t n = st->array_size();
    for (size_t i = 0; i < n; ++i) {
      Reader e = st->at(i);
      e.expect_object({"internal", "external"});
      StaticNat entry{fields::ipv4(e.field("internal")), fields::ipv4(e.field("external"))};
      if (!t.lan.contains(entry.internal) || entry.internal == t.lan.addr)
        e.field("internal")
            .fail(to_string(entry.internal) + " is not a host of the LAN " + lan_text(t.lan));
      check_public(e.field("external"), entry.external, "a static NAT address");
      if (entry.external == t.wan)
        e.field("external")
            .fail(to_string(entry.external) +
                  " is the router's WAN address, "
                  "which masquerade already uses");
      for (const StaticNat& other : t.statics)
        if (other.internal == entry.internal || other.external == entry.external)
          e.fail("this entry repeats an address of an earlier static entry");
      t.statics.push_back(entry);
    }
  }
  if (auto pool = r.optional_field("pool")) {
    t.pool = read_pool(*pool);
    for (net::Ipv4 a : t.pool) {
      check_public(*pool, a, "a pool address");
      bool clash = a == t.wan;
      for (const StaticNat& st : t.statics) clash = clash || st.external == a;
      if (clash) pool->fail(to_string(a) + " is already the WAN or a static NAT address");
    }
  }
}

void read_cgn(const Reader& r, Scenario& s) {
  r.expect_object(
      {"inside", "public", "block_size", "blocks_per_subscriber", "pcp", "max_mappings"});
  if (s.profile.family == Family::CarrierGrade)
    r.fail("the cgn profile is already the carrier NAT; a second CGN in front is not simulated");
  CarrierConfig c;
  Reader inside = r.field("inside");
  c.inside = fields::prefix(inside);
  if (!(c.inside.length >= 10 && c.inside.length <= 30 &&
        net::is_shared_cgn_space(c.inside.network())))
    inside.fail(
        "the carrier side must be a prefix inside 100.64.0.0/10 (RFC 6598), such as "
        "100.64.0.1/10");
  Reader pub = r.field("public");
  c.public_address = fields::ipv4(pub);
  check_public(pub, c.public_address, "the CGN's public address");
  Profile p = *find_profile("cgn");
  if (auto b = r.optional_field("block_size"))
    p.block_size = static_cast<int>(b->integer(1, 64512));
  if (auto b = r.optional_field("blocks_per_subscriber"))
    p.blocks_per_subscriber = static_cast<int>(b->integer(1, 64512 / p.block_size));
  if (auto b = r.optional_field("pcp")) p.pcp = b->boolean();
  if (auto b = r.optional_field("max_mappings")) {
    p.max_mappings = static_cast<size_t>(b->integer(1, 4000000));
    p.max_mappings_approximate = false;
  }
  Topology& t = s.topology;
  if (!c.inside.contains(t.wan))
    inside.fail("the router's WAN address " + to_string(t.wan) + " must lie on the carrier side " +
                lan_text(c.inside) + " (NAT444: the router's WAN is in 100.64.0.0/10)");
  if (t.wan == c.inside.addr) inside.fail("the CGN's inside address equals the router's WAN");
  const net::Prefix& lan = t.lan;
  if (c.inside.contains(lan.network()) || lan.contains(c.inside.network()))
    inside.fail("the carrier side " + lan_text(c.inside) + " overlaps the router's LAN " +
                lan_text(lan));
  if (!t.statics.empty() || !t.pool.empty())
    inside.fail(
        "static NAT and address pools on the router need public addresses, which a "
        "router behind a CGN does not have");
  s.topology.cgn = c;
  s.cgn_profile = p;
}

void read_hosts(const Reader& r, Scenario& s) {
  size_t n = r.array_size();
  for (size_t i = 0; i < n; ++i) {
    Reader h = r.at(i);
    h.expect_object({"name", "address"});
    Host host{h.field("name").string(), fields::ipv4(h.field("address"))};
    if (host.name.empty() || host.name.size() > 40)
      h.field("name").fail("a host name must be 1-40 characters");
    s.topology.hosts.push_back(host);
  }
}

void read_forwards(const Reader& r, Scenario& s) {
  size_t n = r.array_size();
  if (n > 0 && !s.profile.forwards_allowed)
    r.fail("a carrier-grade NAT offers no inbound port forwarding (R5.6)");
  ForwardTable table;
  for (size_t i = 0; i < n; ++i) {
    Reader f = r.at(i);
    f.expect_object({"proto", "external_port", "internal", "comment"});
    ForwardRule rule;
    std::string proto = f.field("proto").string();
    if (proto == "tcp")
      rule.proto = ForwardProto::Tcp;
    else if (proto == "udp")
      rule.proto = ForwardProto::Udp;
    else if (proto == "both")
      rule.proto = ForwardProto::Both;
    else
      f.field("proto").fail("proto " + json::quote(proto) + " is not tcp, udp or both");
    rule.external = fields::port_range(f.field("external_port"));
    // "ip:port", "ip:lo-hi" (same size as the external range) or "ip"
    // (the same port numbers as outside).
    Reader internal = f.field("internal");
    std::string text = internal.string();
    size_t colon = text.rfind(':');
    auto addr = net::parse_ipv4(text.substr(0, colon));
    if (!addr.ok()) internal.fail(addr.error);
    rule.target = *addr.value;
    rule.target_port = rule.external.lo;
    if (colon != std::string::npos) {
      std::string ports = text.substr(colon + 1);
      size_t dash = ports.find('-');
      auto lo = net::parse_port(ports.substr(0, dash));
      if (!lo.ok()) internal.fail(lo.error);
      rule.target_port = *lo.value;
      if (dash != std::string::npos) {
        auto hi = net::parse_port(ports.substr(dash + 1));
        if (!hi.ok()) internal.fail(hi.error);
        long inner = static_cast<long>(*hi.value) - *lo.value;
        long outer = static_cast<long>(rule.external.hi) - rule.external.lo;
        if (inner != outer)
          internal.fail("the internal range " + ports + " has " + std::to_string(inner + 1) +
                        " ports but the external range has " + std::to_string(outer + 1) +
                        "; a range maps onto a range of the same size");
      }
    }
    std::string problem = table.add(rule, s.topology.lan);
    if (!problem.empty()) f.fail(problem);
    s.forwards.push_back(table.rules().back());
  }
}

}  // namespace

// Defined in scenario_events.cpp.
void read_events(const Reader& r, Scenario& s);

ScenarioParse parse_scenario(const std::string& text) {
  ScenarioParse out;
  json::ParseResult parsed = json::parse(text);
  if (!parsed.ok()) {
    out.error = "line " + std::to_string(parsed.error.line) + ", column " +
                std::to_string(parsed.error.column) + ": invalid JSON: " + parsed.error.message;
    return out;
  }
  try {
    Reader root(*parsed.value, "$");
    root.expect_object(
        {"profile", "options", "router", "cgn", "hosts", "forwards", "events", "seed", "comment"});
    Scenario s;
    Reader profile = root.field("profile");
    const Profile* preset = find_profile(profile.string());
    if (!preset)
      profile.fail("unknown profile " + json::quote(profile.string()) +
                   " (known: " + profile_keys() + ")");
    s.profile = apply_profile_options(*preset, root.optional_field("options"));
    if (auto seed = root.optional_field("seed"))
      s.seed = static_cast<uint64_t>(seed->integer(0, 9007199254740991LL));
    read_router(root.field("router"), s);
    if (auto cgn = root.optional_field("cgn")) {
      read_cgn(*cgn, s);
    } else if (!is_public(s.topology.wan)) {
      root.field("router").field("wan").fail(
          to_string(s.topology.wan) +
          " is not a public address, so internet hosts could not "
          "answer; use a public address, or add a \"cgn\" object for NAT444");
    }
    if (auto hosts = root.optional_field("hosts")) read_hosts(*hosts, s);
    if (auto forwards = root.optional_field("forwards")) read_forwards(*forwards, s);
    read_events(root.field("events"), s);
    out.scenario = std::move(s);
  } catch (const json::ReadError& e) {
    out.error = e.what();
  }
  return out;
}

}  // namespace portlab::nat
