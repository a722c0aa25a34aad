// What the socket listings share inside PortLab: a socket as one line of a
// listing, the layouts of each family of tools (listing_ss.cpp,
// listing_netstat.cpp), and the few text helpers they build lines with.
// socket_listing.cpp picks the sockets and their order.
//
// A lab host can hold tens of thousands of sockets, so lines are written
// straight into one string: no printf and no string per field.
#pragma once

#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "core/host/processes.h"
#include "core/host/socket.h"

namespace portlab::host {

enum class ListingTool : uint8_t;

struct ListedSocket {
  const Socket* socket;
  SocketId id;
};

// Who holds a listed socket; never anyone for TIME_WAIT, which no process
// holds any more.
inline std::optional<SocketOwner> owner_of(const ListedSocket& row, const Processes& processes) {
  if (row.socket->state == SocketState::TimeWait) return std::nullopt;
  return processes.owner(row.id);
}

// What a tool calls each state a listed socket can be in.
struct StateNames {
  const char* listening;
  const char* connected;
  const char* time_wait;
  const char* bound;  // bound only, or not even that
};
inline const char* state_name(const Socket& s, const StateNames& names) {
  switch (s.state) {
    case SocketState::Listening: return names.listening;
    case SocketState::Connected: return names.connected;
    case SocketState::TimeWait: return names.time_wait;
    case SocketState::Bound:
    case SocketState::Unbound: break;
  }
  return names.bound;
}

// iproute2's ss for `tool` (one of the Ss* tools); `tcp` and `udp` already
// hold what the tool shows, in order.
std::string ss_text(ListingTool tool, const std::vector<ListedSocket>& tcp,
                    const std::vector<ListedSocket>& udp, const Processes& processes,
                    int columns);
// net-tools' netstat for NetstatTan and NetstatTulpn.
std::string net_tools_text(ListingTool tool, const std::vector<ListedSocket>& tcp,
                           const std::vector<ListedSocket>& udp, const Processes& processes);
// Windows' netstat -ano.
std::string windows_text(const std::vector<ListedSocket>& tcp,
                         const std::vector<ListedSocket>& udp, const Processes& processes);
// macOS's or FreeBSD's netstat -an -p tcp|udp: one transport.
std::string bsd_text(bool macos, bool tcp, const std::vector<ListedSocket>& sockets);

// Text helpers.
inline int decimal_digits(uint32_t n) {
  int d = 1;
  while (n >= 10) {
    n /= 10;
    ++d;
  }
  return d;
}
inline void append_uint(std::string& out, uint32_t n) {
  char buf[10];
  int i = 10;
  do {
    buf[--i] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n);
  out.append(buf + i, static_cast<size_t>(10 - i));
}
inline int ipv4_length(net::Ipv4 a) {
  return decimal_digits(a.bits >> 24) + decimal_digits((a.bits >> 16) & 255) +
         decimal_digits((a.bits >> 8) & 255) + decimal_digits(a.bits & 255) + 3;
}
inline void append_ipv4(std::string& out, net::Ipv4 a) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    append_uint(out, (a.bits >> shift) & 255);
    if (shift) out += '.';
  }
}
// A port as ss and net-tools write it: 0 (no peer yet) is "*".
inline int port_length(uint16_t port) { return port ? decimal_digits(port) : 1; }
inline void append_port(std::string& out, uint16_t port) {
  if (port) append_uint(out, port);
  else out += '*';
}
inline void append_spaces(std::string& out, int n) {
  if (n > 0) out.append(static_cast<size_t>(n), ' ');
}
// printf's %-Ns and %Ns for text already in `out` since `from`.
inline void pad_left_aligned(std::string& out, size_t from, int width) {
  append_spaces(out, width - static_cast<int>(out.size() - from));
}
inline void append_left(std::string& out, const char* text, int width) {
  const size_t from = out.size();
  out += text;
  pad_left_aligned(out, from, width);
}
inline void append_right_uint(std::string& out, uint32_t n, int width) {
  append_spaces(out, width - decimal_digits(n));
  append_uint(out, n);
}

}  // namespace portlab::host
