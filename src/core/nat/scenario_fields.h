// Typed reads of scenario values that fail with the value's JSON path
// (shared by the scenario parser's files).
#pragma once

#include <string>

#include "core/json_reader.h"
#include "core/nat/profile.h"
#include "core/net/address.h"

namespace portlab::nat::scenario_fields {

net::Ipv4 ipv4(const json::Reader& r);
net::Endpoint endpoint(const json::Reader& r);
net::Prefix prefix(const json::Reader& r);
// "tcp" or "udp".
net::Transport transport(const json::Reader& r);
// 8081, "8081" or "9000-9009". The range is returned as written (an
// inverted one is for the caller to judge).
PortRange port_range(const json::Reader& r);
// A port 1-65535 given as a number.
uint16_t port(const json::Reader& r);
// Seconds (fractions allowed, millisecond resolution) within [lo, hi].
sim::Millis seconds(const json::Reader& r, double lo, double hi);

}  // namespace portlab::nat::scenario_fields
