// Inbound helpers (§5.3): an inside host asks its NAT for a forward that
// lasts a lease on the simulated clock.
//  - UPnP IGD AddPortMapping: the exact external port or an error
//    (718 ConflictInMappingEntry); lease 0 means "until removed" (IGDv1).
//  - NAT-PMP (RFC 6886, UDP 5351): a suggested port the NAT may replace;
//    recommended lease 7200 s; lease 0 deletes the mapping.
//  - PCP MAP (RFC 6887, UDP 5351): as NAT-PMP, and a carrier NAT may serve it.
// The wire formats are not simulated, only the decisions.
#pragma once

#include <optional>
#include <string>

#include "core/nat/nat_device.h"

namespace portlab::nat {

enum class MappingProtocol : uint8_t { UpnpIgd, NatPmp, Pcp };

struct MappingRequest {
  MappingProtocol protocol = MappingProtocol::NatPmp;
  net::Transport proto = net::Transport::Tcp;
  net::Ipv4 client;  // the inside host asking (and receiving)
  uint16_t internal_port = 0;
  uint16_t external_port = 0;        // wanted (UPnP) or suggested (0: any) port
  std::optional<sim::Millis> lease;  // absent: the protocol's default
};

struct MappingGrant {
  bool granted = false;
  bool deleted = false;  // a lease-0 NAT-PMP/PCP request removed a mapping
  bool renewed = false;  // an existing lease of this host was extended
  int forward_id = 0;
  net::Endpoint external;  // on the NAT's public address
  net::Endpoint internal;
  std::optional<sim::Millis> lease;  // absent: no expiry
};

const char* to_string(MappingProtocol p);
// The protocol's default lease: UPnP none (until removed), NAT-PMP and PCP 7200 s.
std::optional<sim::Millis> default_lease(MappingProtocol p);

// Serves one request on `nat` as its own port-mapping daemon would.
MappingGrant serve_mapping_request(NatDevice& nat, const MappingRequest& request, Trace* trace);

}  // namespace portlab::nat
