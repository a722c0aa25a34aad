#include "core/labs/port_map.h"

#include <algorithm>
#include <cstring>

#include "core/host/describe.h"
#include "core/net/transport_set.h"
#include "core/ports/privilege.h"

namespace portlab::labs {

using net::Transport;

const char* to_string(PortState s) {
  switch (s) {
    case PortState::Free: return "free";
    case PortState::Ephemeral: return "free, ephemeral range";
    case PortState::Privileged: return "free, privileged";
    case PortState::Reserved: return "free, reserved";
    case PortState::TimeWait: return "TIME_WAIT";
    case PortState::Bound: return "bound";
    case PortState::Connected: return "connected";
    case PortState::Listening: return "listening";
  }
  return "?";
}

const char* describe_state(PortState s) {
  switch (s) {
    case PortState::Free: return "free";
    case PortState::Ephemeral: return "free, in the ephemeral range";
    case PortState::Privileged: return "free, needs privilege to bind";
    case PortState::Reserved: return "free, reserved (ip_local_reserved_ports)";
    case PortState::TimeWait: return "TIME_WAIT";
    case PortState::Bound: return "bound";
    case PortState::Connected: return "connected";
    case PortState::Listening: return "listening";
  }
  return "?";
}

namespace {

// Socket states rank above every "free" state, so the strongest use of a
// port is a plain max() (see the enum's order).
PortState state_of(host::SocketState s) {
  switch (s) {
    case host::SocketState::Listening: return PortState::Listening;
    case host::SocketState::Connected: return PortState::Connected;
    case host::SocketState::Bound: return PortState::Bound;
    case host::SocketState::TimeWait: return PortState::TimeWait;
    case host::SocketState::Unbound: break;
  }
  return PortState::Free;
}

bool shown(std::optional<Transport> filter, Transport t) {
  // Without a filter the map shows TCP and UDP, the transports the host's
  // ephemeral ranges and lessons are about.
  return filter ? *filter == t : (t == Transport::Tcp || t == Transport::Udp);
}

void fill(std::array<PortState, PortMap::kPorts>& states, ports::PortRange r, PortState s) {
  if (r.size() > 0) std::fill(states.begin() + r.lo, states.begin() + r.hi + 1, s);
}

}  // namespace

PortMap::PortMap() = default;

void PortMap::set_transport(std::optional<Transport> t) {
  if (t == transport_) return;
  transport_ = t;
}

void PortMap::make_free_layer(const ports::OsSettings& st) {
  // Weakest first, so stronger reasons overwrite.
  free_layer_.fill(PortState::Free);
  for (Transport t : net::TransportSet::kAll)
    if (shown(transport_, t)) fill(free_layer_, st.ephemeral(t), PortState::Ephemeral);
  for (int p = 0; p < kPorts; ++p)
    if (ports::needs_privilege(st, static_cast<uint16_t>(p)))
      free_layer_[p] = PortState::Privileged;
  if (st.any_reserved())
    for (int p = 0; p < kPorts; ++p)
      if (st.reserved(static_cast<uint16_t>(p))) free_layer_[p] = PortState::Reserved;
}

int PortMap::update(const host::Host& host) {
  const ports::OsSettings& st = host.settings();
  // The settings rarely change between updates (a lab changes them by
  // command): the free layer is rebuilt only when they or the transport did.
  std::vector<std::pair<std::string, std::string>> settings = st.values();
  if (!free_layer_ready_ || settings != layer_settings_ || st.profile().id != layer_os_ ||
      transport_ != layer_transport_) {
    make_free_layer(st);
    layer_settings_ = std::move(settings);
    layer_os_ = st.profile().id;
    layer_transport_ = transport_;
    free_layer_ready_ = true;
  }
  scratch_ = free_layer_;

  // The sockets, in slot order: one pass over the table, no per-port lists.
  host.sockets().for_each([&](host::SocketId, const host::Socket& s) {
    if (!s.has_port() || !shown(transport_, s.transport)) return;
    PortState& cell = scratch_[s.local.port];
    cell = std::max(cell, state_of(s.state));
  });

  int changed = 0;
  for (int row = 0; row < kSide; ++row) {
    const size_t at = static_cast<size_t>(row) * kSide;
    if (std::memcmp(&scratch_[at], &states_[at], kSide) == 0) continue;
    row_versions_[static_cast<size_t>(row)] = version_ + 1;
    ++changed;
  }
  if (changed == 0) return 0;
  ++version_;
  states_ = scratch_;
  counts_.fill(0);
  for (PortState s : states_) ++counts_[static_cast<int>(s)];
  return changed;
}

int PortMap::rows_changed_since(uint64_t seen) const {
  int n = 0;
  for (uint64_t v : row_versions_) n += v > seen;
  return n;
}

PortHolders port_holders(const host::Host& host, uint16_t port, std::optional<Transport> transport,
                         int limit) {
  PortHolders out;
  for (Transport t : net::TransportSet::kAll) {
    if (!shown(transport, t)) continue;
    host.sockets().for_each_on_port(t, port, [&](uint32_t, const host::Socket& s) {
      ++out.total;
      if (static_cast<int>(out.sockets.size()) < limit) out.sockets.push_back(host::describe(s));
      return true;
    });
  }
  return out;
}

std::string port_map_caption(const PortMap& map, uint16_t port) {
  return "Port " + std::to_string(port) + ": " + describe_state(map.state(port));
}

}  // namespace portlab::labs
