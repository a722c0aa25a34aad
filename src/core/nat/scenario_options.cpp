#include "core/nat/scenario_options.h"

#include "core/nat/scenario_fields.h"

namespace portlab::nat {
namespace {

namespace fields = scenario_fields;
using sim::kSecond;

constexpr double kMaxTimeoutSeconds = 31536000;  // one year

Mapping read_mapping(const json::Reader& r) {
  std::string s = r.string();
  if (s == "eim" || s == "endpoint-independent") return Mapping::EndpointIndependent;
  if (s == "adm" || s == "address-dependent") return Mapping::AddressDependent;
  if (s == "apdm" || s == "address-and-port-dependent") return Mapping::AddressAndPortDependent;
  r.fail("mapping " + json::quote(s) + " is not one of eim, adm, apdm");
}

Filtering read_filtering(const json::Reader& r) {
  std::string s = r.string();
  if (s == "eif" || s == "endpoint-independent") return Filtering::EndpointIndependent;
  if (s == "adf" || s == "address-dependent") return Filtering::AddressDependent;
  if (s == "apdf" || s == "address-and-port-dependent") return Filtering::AddressAndPortDependent;
  r.fail("filtering " + json::quote(s) + " is not one of eif, adf, apdf");
}

void read_linux_options(Profile& p, const json::Reader& o) {
  o.expect_object({"hairpin", "hairpin_masquerade", "random", "fully_random", "port_range",
                   "max_mappings", "udp_timeout", "udp_stream_timeout", "tcp_established_timeout",
                   "upnp", "natpmp", "pcp"});
  if (auto r = o.optional_field("random")) p.random_ports = p.random_ports || r->boolean();
  if (auto r = o.optional_field("fully_random")) p.random_ports = p.random_ports || r->boolean();
  auto hairpin = o.optional_field("hairpin");
  auto masquerade = o.optional_field("hairpin_masquerade");
  if (hairpin) p.hairpin = hairpin->boolean();
  if (masquerade) {
    bool value = masquerade->boolean();
    if (hairpin && value != p.hairpin)
      masquerade->fail(
          "contradicts \"hairpin\" (for the linux profile both name the same "
          "`ct status dnat masquerade` rule)");
    p.hairpin = value;
  }
  if (auto r = o.optional_field("udp_stream_timeout"))
    p.timeouts.udp_stream = fields::seconds(*r, 1, kMaxTimeoutSeconds);
  if (auto r = o.optional_field("udp_timeout"))
    p.timeouts.udp = fields::seconds(*r, 1, kMaxTimeoutSeconds);
}

void read_rfc_options(Profile& p, const json::Reader& o) {
  const bool cgn = p.family == Family::CarrierGrade;
  if (cgn)
    o.expect_object({"hairpin", "mapping", "filtering", "port_preservation", "parity_preservation",
                     "port_range", "max_mappings", "udp_timeout", "tcp_established_timeout",
                     "tcp_transitory_timeout", "inbound_refresh", "pcp", "block_size",
                     "blocks_per_subscriber"});
  else
    o.expect_object({"hairpin", "mapping", "filtering", "port_preservation", "parity_preservation",
                     "port_range", "max_mappings", "udp_timeout", "tcp_established_timeout",
                     "tcp_transitory_timeout", "inbound_refresh", "upnp", "natpmp", "pcp"});
  const bool rfc = std::string(p.key) == "rfc4787";
  if (auto r = o.optional_field("mapping")) {
    p.mapping = read_mapping(*r);
    if (rfc && p.mapping != Mapping::EndpointIndependent)
      r->fail("the rfc4787 profile must use endpoint-independent mapping (RFC 4787 REQ-1)");
  }
  if (auto r = o.optional_field("filtering")) p.filtering = read_filtering(*r);
  if (auto r = o.optional_field("hairpin")) {
    p.hairpin = r->boolean();
    if (rfc && !p.hairpin) r->fail("the rfc4787 profile must hairpin (RFC 4787 REQ-9)");
  }
  if (auto r = o.optional_field("port_preservation")) p.port_preservation = r->boolean();
  if (auto r = o.optional_field("parity_preservation")) p.parity_preservation = r->boolean();
  if (auto r = o.optional_field("inbound_refresh")) p.inbound_refresh = r->boolean();
  if (auto r = o.optional_field("udp_timeout")) {
    p.timeouts.udp = p.timeouts.udp_stream = fields::seconds(*r, 1, kMaxTimeoutSeconds);
    if (rfc && p.timeouts.udp < 120 * kSecond)
      r->fail("the rfc4787 profile needs a UDP mapping timer of at least 120 s (RFC 4787 REQ-5)");
  }
  if (auto r = o.optional_field("tcp_transitory_timeout")) {
    sim::Millis t = fields::seconds(*r, 1, kMaxTimeoutSeconds);
    if (rfc && t < 240 * kSecond)
      r->fail(
          "the rfc4787 profile needs a transitory TCP timer of at least 240 s "
          "(RFC 5382 REQ-5)");
    Timeouts& x = p.timeouts;
    x.tcp_syn_sent = x.tcp_syn_recv = x.tcp_fin_wait = x.tcp_close_wait = t;
    x.tcp_last_ack = x.tcp_time_wait = x.tcp_close = x.tcp_unacknowledged = t;
  }
  if (cgn) {
    if (auto r = o.optional_field("block_size"))
      p.block_size = static_cast<int>(r->integer(1, 64512));
    if (auto r = o.optional_field("blocks_per_subscriber"))
      p.blocks_per_subscriber = static_cast<int>(r->integer(1, 64512 / p.block_size));
  }
}

}  // namespace

Profile apply_profile_options(const Profile& preset, const std::optional<json::Reader>& options) {
  Profile p = preset;
  if (!options) return p;
  const json::Reader& o = *options;
  if (p.family == Family::LinuxNetfilter)
    read_linux_options(p, o);
  else
    read_rfc_options(p, o);

  if (auto r = o.optional_field("port_range")) {
    PortRange range = scenario_fields::port_range(*r);
    if (range.lo == 0) r->fail("port 0 cannot be handed out; the range must start at 1 or above");
    if (range.lo > range.hi)
      r->fail("the range " + std::to_string(range.lo) + "-" + std::to_string(range.hi) +
              " is inverted (its first port is above its last)");
    p.port_range = range;
  }
  if (auto r = o.optional_field("max_mappings")) {
    p.max_mappings = static_cast<size_t>(r->integer(1, 4000000));
    p.max_mappings_approximate = false;
  }
  if (auto r = o.optional_field("tcp_established_timeout")) {
    p.timeouts.tcp_established = scenario_fields::seconds(*r, 1, kMaxTimeoutSeconds);
    if (std::string(p.key) == "rfc4787" && p.timeouts.tcp_established < 7440 * kSecond)
      r->fail(
          "the rfc4787 profile needs an established TCP timer of at least 7440 s "
          "(RFC 5382 REQ-5)");
  }
  if (auto r = o.optional_field("upnp")) p.upnp = r->boolean();
  if (auto r = o.optional_field("natpmp")) p.natpmp = r->boolean();
  if (auto r = o.optional_field("pcp")) p.pcp = r->boolean();
  return p;
}

}  // namespace portlab::nat
