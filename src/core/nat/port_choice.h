// How a NAT box picks the public port for a new outbound flow.
//
// choose_linux_port is §5.5 / R5.1 (netfilter's get_unique_tuple):
// reuse the inside endpoint's existing mapping if the whole tuple stays
// unique towards the new destination, else keep the inside port if
// (NAT address, port, destination) is unused, else probe from a random
// start inside the port's class or the configured range, at most 128
// tries per round. Uniqueness is per destination, so two inside hosts may
// share one public port towards different destinations: RFC 7857 section 3
// "port overlapping", which is allowed (RFC 4787 REQ-3's "port overloading"
// would be a clash on the same remote endpoint, which Linux never does).
//
// choose_rfc_port is an RFC 4787 NAT: a mapping is reused according to the
// profile's mapping behaviour, and a public port belongs to one inside
// endpoint at a time (REQ-3: no port overloading), kept in its class.
#pragma once

#include <string>

#include "core/nat/packet.h"
#include "core/nat/profile.h"
#include "core/nat/session_table.h"
#include "core/nat/trace.h"
#include "core/sim/random.h"

namespace portlab::nat {

class ForwardTable;

struct PortRequest {
  net::Transport proto = net::Transport::Udp;
  net::Endpoint internal;  // the inside source
  net::Ipv4 nat_address;   // the address the source becomes
  net::Endpoint remote;    // where the packet goes
};

struct PortChoice {
  enum class How : uint8_t { Reused, Kept, Picked, Failed };
  How how = How::Failed;
  uint16_t port = 0;
  uint32_t reused = kNoSession;  // the session whose mapping is reused
  int probes = 0;                // ports tried by the random search
  PortRange searched;            // where the random search looked
  std::string failure;           // why no port was found (when traced)
};

// Everything a port chooser reads; `trace` may be null.
struct PortChoiceContext {
  const SessionTable& table;
  const Profile& profile;
  sim::Random& random;
  Trace* trace;
  const std::string& where;  // e.g. "router.nat"
  const char* rule;          // rule id written on the steps
};

PortChoice choose_linux_port(const PortChoiceContext& ctx, const PortRequest& req);

// `allowed`: where new ports may come from (a class, the configured range,
// or a CGN subscriber's block). `forwards` (may be null): external ports a
// forwarding rule owns, which dynamic mappings never take.
PortChoice choose_rfc_port(const PortChoiceContext& ctx, const PortRequest& req, PortRange allowed,
                           const ForwardTable* forwards);

}  // namespace portlab::nat
