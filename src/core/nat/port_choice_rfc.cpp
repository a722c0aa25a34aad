// RFC 4787 port choice (R5.4): mapping reuse by the profile's mapping
// behaviour, port preservation and parity preservation (REQ-4) when the
// port is free, otherwise a free port in `allowed` from a random start.
// A port is free only if no session uses it at all: an RFC 4787 NAT never
// overloads a public port (REQ-3).
#include "core/nat/forwarding.h"
#include "core/nat/port_choice.h"

namespace portlab::nat {

using net::to_string;

PortChoice choose_rfc_port(const PortChoiceContext& ctx, const PortRequest& req, PortRange allowed,
                           const ForwardTable* forwards) {
  const Profile& profile = ctx.profile;
  Trace* t = ctx.trace;
  PortChoice out;
  const std::string who = to_string(req.internal);

  for (uint32_t id = ctx.table.first_of_internal(req.proto, req.internal); id != kNoSession;
       id = ctx.table.next_of_internal(id)) {
    const Session& s = ctx.table.get(id);
    if (s.external.addr != req.nat_address) continue;
    bool reuse =
        profile.mapping == Mapping::EndpointIndependent ||
        (profile.mapping == Mapping::AddressDependent && s.remote.addr == req.remote.addr) ||
        s.remote == req.remote;
    if (!reuse) continue;
    out.how = PortChoice::How::Reused;
    out.port = s.external.port;
    out.reused = id;
    if (t) {
      std::string why = profile.mapping == Mapping::EndpointIndependent
                            ? "the mapping is endpoint-independent, so every destination shares it"
                            : "the mapping depends on the remote address, and " +
                                  to_string(req.remote.addr) + " already has one";
      t->decide("mapping-reused", ctx.where,
                who + " keeps its public endpoint " + to_string(s.external) + ": " + why + ".",
                ctx.rule);
    }
    return out;
  }
  if (t && profile.mapping != Mapping::EndpointIndependent &&
      ctx.table.first_of_internal(req.proto, req.internal) != kNoSession)
    t->add("mapping-per-destination", ctx.where,
           std::string("The mapping is ") + to_string(profile.mapping) + ", so " + who +
               " gets a new public port for " + to_string(req.remote) + ".",
           ctx.rule);

  auto free_port = [&](uint32_t port) {
    if (!allowed.contains(static_cast<int>(port))) return false;
    uint16_t p = static_cast<uint16_t>(port);
    if (forwards && forwards->match(req.proto, p)) return false;
    return ctx.table.first_of_external(req.proto, net::Endpoint{req.nat_address, p}) == kNoSession;
  };

  if (profile.port_preservation && !profile.random_ports) {
    if (free_port(req.internal.port)) {
      out.how = PortChoice::How::Kept;
      out.port = req.internal.port;
      if (t)
        t->add("port-kept", ctx.where,
               "Nobody uses " + to_string(net::Endpoint{req.nat_address, req.internal.port}) +
                   ", so the inside port " + std::to_string(req.internal.port) +
                   " is kept (port preservation).",
               ctx.rule);
      return out;
    }
    if (t)
      t->add("port-collision", ctx.where,
             to_string(net::Endpoint{req.nat_address, req.internal.port}) +
                 (allowed.contains(req.internal.port)
                      ? " is already taken, and this NAT never shares a public port between "
                        "mappings, so a new port must be chosen."
                      : " lies outside the ports this mapping may use, so another port is "
                        "chosen."),
             ctx.rule);
  }

  const uint32_t size = static_cast<uint32_t>(allowed.size());
  out.searched = allowed;
  if (size == 0) return out;
  const uint32_t start = static_cast<uint32_t>(ctx.random.below(size));
  // With parity preservation the first pass only looks at ports of the
  // inside port's parity; the second pass takes any.
  for (int pass = profile.parity_preservation ? 0 : 1; pass < 2; ++pass) {
    for (uint32_t i = 0; i < size; ++i) {
      uint32_t port = allowed.lo + (start + i) % size;
      if (pass == 0 && (port & 1) != (req.internal.port & 1u)) continue;
      ++out.probes;
      if (!free_port(port)) continue;
      out.how = PortChoice::How::Picked;
      out.port = static_cast<uint16_t>(port);
      if (t)
        t->add("port-picked", ctx.where,
               "Port " + std::to_string(port) + " is the first free port from a random start in " +
                   std::to_string(allowed.lo) + "-" + std::to_string(allowed.hi) +
                   (pass == 0 ? ", with the same parity as " + std::to_string(req.internal.port) +
                                    " (parity preservation)."
                              : "."),
               ctx.rule);
      return out;
    }
  }
  if (t)
    out.failure = "All " + std::to_string(size) + " ports in " + std::to_string(allowed.lo) + "-" +
                  std::to_string(allowed.hi) + " on " + to_string(req.nat_address) +
                  " are taken, so the packet is dropped.";
  return out;
}

}  // namespace portlab::nat
