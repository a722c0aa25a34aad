// §5.5 steps 1-3 (R5.1). Written from the reference's description of
// nf_nat_core.c get_unique_tuple / nf_nat_l4proto_unique_tuple.
#include <algorithm>

#include "core/nat/port_choice.h"

namespace portlab::nat {
namespace {

using net::to_string;

std::string ext(net::Ipv4 a, uint16_t port) { return to_string(net::Endpoint{a, port}); }

// When another inside endpoint already uses the kept public port (towards
// another destination, or `used` would have refused it), the trace names it:
// RFC 7857 section 3 allows this "port overlapping"; RFC 4787 REQ-3's "port
// overloading" would be a clash on the same remote endpoint, which Linux
// never does.
std::string overlap_note(const PortChoiceContext& ctx, const PortRequest& req, uint16_t port) {
  const net::Endpoint external{req.nat_address, port};
  for (uint32_t id = ctx.table.first_of_external(req.proto, external); id != kNoSession;
       id = ctx.table.next_of_external(id)) {
    const Session& s = ctx.table.get(id);
    if (s.internal == req.internal) continue;
    return " " + to_string(s.internal) + " already appears as " + to_string(external) +
           " towards " + to_string(s.remote) +
           "; sharing one public port between flows to different destinations is RFC 7857 "
           "port overlapping, which is allowed (RFC 4787 REQ-3 forbids only a clash on the same "
           "destination).";
  }
  return "";
}

}  // namespace

PortChoice choose_linux_port(const PortChoiceContext& ctx, const PortRequest& req) {
  const Profile& profile = ctx.profile;
  Trace* t = ctx.trace;
  PortChoice out;
  // The tuple (remote -> nat:port) is what an answer would carry; the port
  // is usable for this destination only if no tracked flow already owns
  // that tuple in either direction (nf_nat_used_tuple).
  auto used = [&](uint16_t port) {
    return ctx.table.tuple_in_use(req.proto, req.remote, net::Endpoint{req.nat_address, port});
  };
  const std::string who = to_string(req.internal);
  const std::string dest = to_string(req.remote);

  if (!profile.random_ports) {
    // Step 1: the newest source mapping of this inside endpoint that lies
    // in the rule's range; Linux looks at the first one only.
    for (uint32_t id = ctx.table.first_of_internal(req.proto, req.internal); id != kNoSession;
         id = ctx.table.next_of_internal(id)) {
      const Session& s = ctx.table.get(id);
      if (s.external.addr != req.nat_address) continue;
      if (profile.port_range && !profile.port_range->contains(s.external.port)) continue;
      if (!used(s.external.port)) {
        out.how = PortChoice::How::Reused;
        out.port = s.external.port;
        out.reused = id;
        if (t)
          t->decide("mapping-reused", ctx.where,
                    who + " already appears as " + to_string(s.external) + " (towards " +
                        to_string(s.remote) +
                        ") and that tuple is still unique "
                        "towards " +
                        dest + ", so the mapping is reused.",
                    ctx.rule);
        return out;
      }
      if (t)
        t->add("mapping-not-unique", ctx.where,
               who + " already appears as " + to_string(s.external) +
                   ", but another flow "
                   "already uses " +
                   to_string(s.external) + " with " + dest +
                   ", so that mapping cannot be reused for this destination.",
               ctx.rule);
      break;
    }
    // Step 2: keep the inside port if the tuple is free (port preservation).
    uint16_t port = req.internal.port;
    if (profile.port_range) {
      const PortRange& r = *profile.port_range;
      if (r.contains(port) && r.size() == 1) {
        // Linux keeps a single-port range's only port without checking it;
        // a clash then drops the packet when the entry is confirmed.
        out.how = PortChoice::How::Kept;
        out.port = port;
        if (t)
          t->add("port-kept", ctx.where,
                 "The masquerade range holds only port " + std::to_string(port) +
                     ", which Linux keeps without checking whether it is free.",
                 ctx.rule);
        return out;
      }
      if (r.contains(port) && !used(port)) {
        out.how = PortChoice::How::Kept;
        out.port = port;
        if (t)
          t->add("port-kept", ctx.where,
                 "Port " + std::to_string(port) + " lies in the masquerade range " +
                     std::to_string(r.lo) + "-" + std::to_string(r.hi) + " and " +
                     ext(req.nat_address, port) + " is unused towards " + dest +
                     ", so the inside port is kept.",
                 ctx.rule);
        return out;
      }
    } else if (!used(port)) {
      out.how = PortChoice::How::Kept;
      out.port = port;
      if (t)
        t->add("port-kept", ctx.where,
               "No flow uses " + ext(req.nat_address, port) + " with " + dest +
                   ", so the inside port " + std::to_string(port) + " is kept (port preservation)." +
                   overlap_note(ctx, req, port),
               ctx.rule);
      return out;
    } else if (t) {
      t->add("port-collision", ctx.where,
             ext(req.nat_address, port) + " is already used with " + dest +
                 ", so a new port must be chosen.",
             ctx.rule);
    }
  } else if (t) {
    t->add("random-port", ctx.where,
           "The masquerade rule has the random/fully-random flag, so this new flow gets a random "
           "port even if " +
               std::to_string(req.internal.port) + " is free.",
           ctx.rule);
  }

  // Step 3: a random start in the class or range, probed linearly.
  PortRange range = profile.port_range ? *profile.port_range : linux_port_class(req.internal.port);
  const uint32_t size = static_cast<uint32_t>(range.size());
  out.searched = range;
  uint32_t attempts = std::min<uint32_t>(size, 128);
  // The kernel's offset is a 16-bit counter, so it wraps at 65536.
  uint16_t offset = static_cast<uint16_t>(ctx.random.below(65536));
  while (true) {
    for (uint32_t i = 0; i < attempts; ++i, ++offset) {
      uint16_t port = static_cast<uint16_t>(range.lo + offset % size);
      ++out.probes;
      if (used(port)) continue;
      out.how = PortChoice::How::Picked;
      out.port = port;
      if (t)
        t->add("port-picked", ctx.where,
               "Port " + std::to_string(port) + " was free towards " + dest + " after " +
                   std::to_string(out.probes) + " tr" + (out.probes == 1 ? "y" : "ies") +
                   " from a random start in " + std::to_string(range.lo) + "-" +
                   std::to_string(range.hi) +
                   (profile.port_range ? " (the rule's port range)." : " (the port's class)."),
               ctx.rule);
      return out;
    }
    if (attempts >= size || attempts < 16) break;
    attempts /= 2;  // a new random start with a smaller window, as Linux does
    offset = static_cast<uint16_t>(ctx.random.below(65536));
  }
  out.how = PortChoice::How::Failed;
  if (t)
    out.failure = "No port in " + std::to_string(range.lo) + "-" + std::to_string(range.hi) +
                  " on " + to_string(req.nat_address) + " is free towards " + dest + " (" +
                  std::to_string(out.probes) + " tried), so the packet is dropped.";
  return out;
}

}  // namespace portlab::nat
