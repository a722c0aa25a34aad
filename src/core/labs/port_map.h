// The Port Map's model: the state of all 65,536 ports of a simulated host,
// one byte each, laid out as 256 rows of 256 ports (row = port / 256), and
// which rows changed, so a view redraws only those (issue 6, item 3).
//
// A port's state is the strongest use any socket makes of it (listening >
// connected > bound > TIME_WAIT); a port no socket holds says why it is
// special, if it is: in ip_local_reserved_ports (R2.2), refused to an
// ordinary user (R4.x, ports/privilege.h), or inside the range connect()
// draws ephemeral ports from (R2.1).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/host/host.h"

namespace portlab::labs {

enum class PortState : uint8_t {
  Free,        // nothing holds it and nothing special about it
  Ephemeral,   // free, inside the auto-assignment range
  Privileged,  // free, but an ordinary user may not bind it (on some address)
  Reserved,    // free, in ip_local_reserved_ports: auto-assignment skips it
  TimeWait,    // only TIME_WAIT entries hold it (R3.6)
  Bound,       // bound, not listening or connected (a UDP server, a bind() before connect())
  Connected,   // a connection uses it as its local port
  Listening,   // a listener waits on it
};
inline constexpr int kPortStateCount = 8;

const char* to_string(PortState s);          // "listening", "TIME_WAIT", ...
const char* describe_state(PortState s);     // one phrase for a legend

class PortMap {
 public:
  static constexpr int kSide = 256;  // ports per row, and rows
  static constexpr int kPorts = kSide * kSide;

  PortMap();

  // Which transport's ports to show; nullopt: TCP and UDP together (each
  // port shows the stronger of the two).
  void set_transport(std::optional<net::Transport> t);
  std::optional<net::Transport> transport() const { return transport_; }

  // Recomputes every port's state from the host and notes the rows that
  // changed. Call it after anything changed the host (a command, advance()):
  // it reads the host's socket table once, in slot order. Returns the number
  // of rows that changed.
  int update(const host::Host& host);

  PortState state(uint16_t port) const { return states_[port]; }
  const std::array<PortState, kPorts>& states() const { return states_; }

  // Bumped by every update() that changed a row; row_version(r) is the
  // version at which row r last changed. A viewer that remembers the
  // version it last drew redraws exactly the rows newer than that.
  uint64_t version() const { return version_; }
  uint64_t row_version(int row) const { return row_versions_[static_cast<size_t>(row)]; }
  // Rows changed after `seen` (a version() the caller remembered).
  int rows_changed_since(uint64_t seen) const;

  // How many ports are in each state, for the legend.
  int count(PortState s) const { return counts_[static_cast<int>(s)]; }

 private:
  void make_free_layer(const ports::OsSettings& settings);

  std::optional<net::Transport> transport_;
  // What the ports would show with no sockets, and what it was made from.
  std::array<PortState, kPorts> free_layer_{};
  bool free_layer_ready_ = false;
  std::vector<std::pair<std::string, std::string>> layer_settings_;
  ports::OsId layer_os_ = ports::OsId::Linux;
  std::optional<net::Transport> layer_transport_;
  std::array<PortState, kPorts> states_{};
  std::array<PortState, kPorts> scratch_{};
  std::array<uint64_t, kSide> row_versions_{};
  std::array<int, kPortStateCount> counts_{};
  uint64_t version_ = 0;
};

// The sockets holding `port` on the host (on `transport`, or TCP and UDP),
// one sentence each ("a listening socket on 0.0.0.0:22/tcp"), at most
// `limit`, and how many there are in all: the Port Map's hover.
struct PortHolders {
  std::vector<std::string> sockets;
  int total = 0;
};
PortHolders port_holders(const host::Host& host, uint16_t port,
                         std::optional<net::Transport> transport, int limit = 5);

// One line about a port for the Port Map's hover: "Port 8080: listening".
std::string port_map_caption(const PortMap& map, uint16_t port);

}  // namespace portlab::labs
