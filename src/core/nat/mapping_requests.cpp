#include "core/nat/mapping_requests.h"

#include "core/nat/session_timers.h"

namespace portlab::nat {

using net::to_string;

namespace {

ForwardProto forward_proto(net::Transport t) {
  return t == net::Transport::Tcp ? ForwardProto::Tcp : ForwardProto::Udp;
}

ForwardOrigin origin_of(MappingProtocol p) {
  switch (p) {
    case MappingProtocol::UpnpIgd:
      return ForwardOrigin::Upnp;
    case MappingProtocol::NatPmp:
      return ForwardOrigin::NatPmp;
    case MappingProtocol::Pcp:
      return ForwardOrigin::Pcp;
  }
  return ForwardOrigin::NatPmp;
}

bool service_enabled(const Profile& p, MappingProtocol protocol) {
  switch (protocol) {
    case MappingProtocol::UpnpIgd:
      return p.upnp;
    case MappingProtocol::NatPmp:
      return p.natpmp;
    case MappingProtocol::Pcp:
      return p.pcp;
  }
  return false;
}

// The service port, with the reference's [?] on the 5351 service name.
const char* service_text(MappingProtocol p) {
  switch (p) {
    case MappingProtocol::UpnpIgd:
      return "UPnP IGD (SSDP on UDP 1900, then SOAP AddPortMapping)";
    case MappingProtocol::NatPmp:
      return "NAT-PMP (UDP 5351)";
    case MappingProtocol::Pcp:
      return "PCP (UDP 5351)";
  }
  return "?";
}

// A port a new lease may take: no rule owns it and, for NATs that never
// share a public port, no live mapping uses it either.
bool port_available(const NatDevice& nat, net::Transport proto, uint16_t port) {
  if (port == 0 || nat.forwards().match(proto, port)) return false;
  if (nat.profile().family == Family::LinuxNetfilter) return true;
  return nat.sessions().first_of_external(proto, {nat.config().outside, port}) == kNoSession;
}

}  // namespace

const char* to_string(MappingProtocol p) {
  switch (p) {
    case MappingProtocol::UpnpIgd:
      return "upnp";
    case MappingProtocol::NatPmp:
      return "natpmp";
    case MappingProtocol::Pcp:
      return "pcp";
  }
  return "?";
}

std::optional<sim::Millis> default_lease(MappingProtocol p) {
  if (p == MappingProtocol::UpnpIgd) return std::nullopt;
  return 7200 * sim::kSecond;
}

MappingGrant serve_mapping_request(NatDevice& nat, const MappingRequest& req, Trace* t) {
  MappingGrant grant;
  const std::string& where = nat.where_nat();
  const std::string name = nat.config().name;
  auto refuse = [&](std::string why, const char* rule = "§5.3") {
    if (t) {
      t->reason = why;
      t->add("request-refused", where, std::move(why), rule);
    }
    return grant;
  };
  grant.internal = {req.client, req.internal_port};
  if (!service_enabled(nat.profile(), req.protocol))
    return refuse("The " + name + " runs no " + service_text(req.protocol) + " service, so the " +
                      "request from " + to_string(req.client) + " goes unanswered.",
                  nat.profile().family == Family::CarrierGrade ? "R5.6" : "§5.3");
  if (t)
    t->add("request", where,
           to_string(req.client) + " asks the " + name + " over " + service_text(req.protocol) +
               " to forward " + to_string(req.proto) + " port " +
               (req.external_port ? std::to_string(req.external_port) : std::string("(any)")) +
               " to its port " + std::to_string(req.internal_port) + ".",
           "§5.3");

  std::optional<sim::Millis> lease = req.lease ? req.lease : default_lease(req.protocol);
  if (lease && *lease == 0 && req.protocol == MappingProtocol::UpnpIgd) lease.reset();
  const bool delete_request =
      req.lease && *req.lease == 0 && req.protocol != MappingProtocol::UpnpIgd;

  // The host's own existing lease for this internal port (renew or delete).
  ForwardRule* own = nullptr;
  for (const ForwardRule& r : nat.forwards().rules()) {
    if (r.origin == ForwardOrigin::Config || r.target != req.client) continue;
    if (!r.covers(req.proto) || r.target_port != req.internal_port) continue;
    if (req.protocol == MappingProtocol::UpnpIgd && r.external.lo != req.external_port) continue;
    own = nat.forwards().find(r.id);
    break;
  }
  if (delete_request) {
    if (!own) return refuse("There is no mapping of " + to_string(grant.internal) + " to delete.");
    grant.deleted = true;
    grant.granted = true;
    grant.forward_id = own->id;
    grant.external = {nat.config().outside, own->external.lo};
    std::string why =
        "Lifetime 0 deletes forward " + std::to_string(own->id) + " (" + describe(*own) + ").";
    nat.forwards().remove(own->id);
    if (t) {
      t->reason = why;
      t->add("lease-deleted", where, why, "§5.3");
    }
    return grant;
  }
  if (own) {
    own->expires_at = lease ? std::optional<sim::Millis>(nat.now() + *lease) : std::nullopt;
    grant.granted = grant.renewed = true;
    grant.forward_id = own->id;
    grant.external = {nat.config().outside, own->external.lo};
    grant.lease = lease;
    std::string why =
        "The existing forward " + std::to_string(own->id) + " (" + describe(*own) + ") is renewed" +
        (lease ? " for " + describe_duration(*lease) : std::string(" with no expiry")) + ".";
    if (t) {
      t->reason = why;
      t->add("lease-renewed", where, why, "§5.3");
    }
    return grant;
  }

  uint16_t port = req.external_port;
  if (req.protocol == MappingProtocol::UpnpIgd) {
    if (port == 0)
      return refuse(
          "UPnP IGD needs an explicit external port (error 716 "
          "WildCardNotPermittedInExtPort), so the request is refused.");
    if (!port_available(nat, req.proto, port))
      return refuse(to_string(req.proto) + std::string(" port ") + std::to_string(port) + " on " +
                    to_string(nat.config().outside) + " is already mapped, so the " + name +
                    " answers 718 ConflictInMappingEntry.");
  } else {
    // NAT-PMP / PCP: the suggestion, else the internal port, else any free
    // port from a random start (the NAT chooses; the client learns it).
    if (port == 0) port = req.internal_port;
    if (!port_available(nat, req.proto, port)) {
      uint16_t wanted = port;
      port = 0;
      uint32_t start = static_cast<uint32_t>(nat.random().below(64512));
      for (uint32_t i = 0; i < 64512 && port == 0; ++i) {
        uint16_t candidate = static_cast<uint16_t>(1024 + (start + i) % 64512);
        if (port_available(nat, req.proto, candidate)) port = candidate;
      }
      if (port == 0)
        return refuse("No free external port is left on " + to_string(nat.config().outside) + ".");
      if (t)
        t->add("port-substituted", where,
               "Port " + std::to_string(wanted) + " is taken, so the " + name + " assigns " +
                   std::to_string(port) + " instead and tells the client.",
               "§5.3");
    }
  }

  ForwardRule rule;
  rule.proto = forward_proto(req.proto);
  rule.external = {port, port};
  rule.target = req.client;
  rule.target_port = req.internal_port;
  rule.origin = origin_of(req.protocol);
  if (lease) rule.expires_at = nat.now() + *lease;
  std::string problem = nat.forwards().add(rule, nat.config().inside);
  if (!problem.empty()) return refuse(problem);
  const ForwardRule& added = nat.forwards().rules().back();
  grant.granted = true;
  grant.forward_id = added.id;
  grant.external = {nat.config().outside, port};
  grant.lease = lease;
  std::string why =
      "The " + name + " adds forward " + std::to_string(added.id) + " (" + describe(added) + ")" +
      (lease ? " with a lease of " + describe_duration(*lease) : std::string(" with no expiry")) +
      ".";
  if (t) {
    t->reason = why;
    t->add("lease-granted", where, why, "§5.3");
  }
  return grant;
}

}  // namespace portlab::nat
