// The netstat family: each system's own program with its own printf
// layout, fixed widths that a long field pushes along.
//   net-tools 2.10 netstat.c (Linux): tcp_do_one, udp_do_one, finish_this_one.
//   Windows netstat.exe: Microsoft Learn "netstat"; widths from captured
//     Windows 10 `netstat -ano` output.
//   FreeBSD usr.bin/netstat/inet.c and Apple network_cmds netstat.tproj/inet.c:
//     protopr and inetprint ("address.port", "*" for the wildcard and port 0).
#include <string>

#include "core/host/listing_rows.h"
#include "core/host/socket_listing.h"

namespace portlab::host {

namespace {

void append_colon_endpoint(std::string& out, const net::Endpoint& e) {
  append_ipv4(out, e.addr);
  out += ':';
  append_port(out, e.port);
}

// tcp_state[]; udp_do_one prints no state for an unconnected (TCP_CLOSE) UDP
// socket.
constexpr StateNames kNetToolsStates{"LISTEN", "ESTABLISHED", "TIME_WAIT", ""};

// finish_this_one with -p: " %-20s" of prg_cache_get, which is "PID/name"
// cut to PROGNAME_WIDTH - 1 characters, or "-" for a socket no process
// holds (a TIME_WAIT entry has inode 0).
void append_program(std::string& out, const ListedSocket& row, const Processes& processes) {
  out += ' ';
  const size_t from = out.size();
  if (const auto owner = owner_of(row, processes)) {
    append_uint(out, owner->pid);
    out += '/';
    out += owner->program;
    if (out.size() - from > 19) out.resize(from + 19);
  } else {
    out += '-';
  }
  pad_left_aligned(out, from, 20);
}

// tcp_do_one / udp_do_one: "%-4s  %6ld %6ld %-*s %-*s %-11s" for TCP (the
// address columns at least 23 wide), "%-5s %6ld %6ld %-23s %-23s %-11s" for UDP:
// the same columns.
void append_net_tools_row(std::string& out, const char* proto, const Socket& s) {
  append_left(out, proto, 6);
  append_right_uint(out, 0, 6);
  out += ' ';
  append_right_uint(out, 0, 6);
  out += ' ';
  size_t from = out.size();
  append_colon_endpoint(out, s.local);
  pad_left_aligned(out, from, 23);
  out += ' ';
  from = out.size();
  append_colon_endpoint(out, s.remote);
  pad_left_aligned(out, from, 23);
  out += ' ';
  append_left(out, state_name(s, kNetToolsStates), 11);
}

// BOUND: only netstat -q shows these.
constexpr StateNames kWindowsStates{"LISTENING", "ESTABLISHED", "TIME_WAIT", "BOUND"};

// "  %-5s  %-21s  %-21s  %-14s  %s": columns of 7, 23, 23 and 16 characters.
void append_windows_row(std::string& out, const char* proto, const std::string& local,
                        const std::string& remote, const char* state, uint32_t pid) {
  out += "  ";
  append_left(out, proto, 7);
  append_left(out, local.c_str(), 21);
  out += "  ";
  append_left(out, remote.c_str(), 21);
  out += "  ";
  append_left(out, state, 16);
  append_uint(out, pid);
  out += '\n';
}

// tcpstates[] of netinet/tcp_fsm.h.
constexpr StateNames kBsdStates{"LISTEN", "ESTABLISHED", "TIME_WAIT", "CLOSED"};

// inetprint: inetname ("*" for INADDR_ANY), ".", the port or "*", a blank,
// all printed "%-22.22s ".
void append_bsd_endpoint(std::string& out, const net::Endpoint& e) {
  const size_t from = out.size();
  if (e.addr.is_wildcard()) out += '*';
  else append_ipv4(out, e.addr);
  out += '.';
  append_port(out, e.port);
  out += ' ';
  if (out.size() - from > 22) out.resize(from + 22);
  pad_left_aligned(out, from, 22);
  out += ' ';
}

}  // namespace

std::string net_tools_text(ListingTool tool, const std::vector<ListedSocket>& tcp,
                           const std::vector<ListedSocket>& udp, const Processes& processes) {
  const bool listening = tool == ListingTool::NetstatTulpn;
  std::string out = std::string("Active Internet connections ") +
                    (listening ? "(only servers)" : "(servers and established)") +
                    "\nProto Recv-Q Send-Q Local Address           Foreign Address         "
                    "State      ";
  if (listening) {
    out += ' ';
    append_left(out, "PID/Program name", 20);
  }
  out += '\n';
  for (const ListedSocket& row : tcp) {
    append_net_tools_row(out, "tcp", *row.socket);
    if (listening) append_program(out, row, processes);
    out += '\n';
  }
  if (listening)
    for (const ListedSocket& row : udp) {
      append_net_tools_row(out, "udp", *row.socket);
      append_program(out, row, processes);
      out += '\n';
    }
  return out;
}

std::string windows_text(const std::vector<ListedSocket>& tcp,
                         const std::vector<ListedSocket>& udp, const Processes& processes) {
  std::string out = "\nActive Connections\n\n  ";
  append_left(out, "Proto", 7);
  append_left(out, "Local Address", 23);
  append_left(out, "Foreign Address", 23);
  append_left(out, "State", 16);
  out += "PID\n";
  // A TIME_WAIT entry has no process: Windows shows PID 0.
  auto pid = [&](const ListedSocket& r) {
    const auto owner = owner_of(r, processes);
    return owner ? owner->pid : 0u;
  };
  std::string local, remote;
  for (const ListedSocket& r : tcp) {
    local.clear();
    append_colon_endpoint(local, r.socket->local);
    // A listener's foreign address is 0.0.0.0:0, not a star.
    remote.clear();
    append_ipv4(remote, r.socket->remote.addr);
    remote += ':';
    append_uint(remote, r.socket->remote.port);
    append_windows_row(out, "TCP", local, remote, state_name(*r.socket, kWindowsStates), pid(r));
  }
  // UDP endpoints have no state and no peer, even a connected one.
  const std::string any = "*:*";
  for (const ListedSocket& r : udp) {
    local.clear();
    append_colon_endpoint(local, r.socket->local);
    append_windows_row(out, "UDP", local, any, "", pid(r));
  }
  return out;
}

std::string bsd_text(bool macos, bool tcp, const std::vector<ListedSocket>& sockets) {
  // protopr prints its header with the first socket: none, no output at all.
  if (sockets.empty()) return "";
  // FreeBSD: "%-5.5s %-6.6s %-6.6s %-22.22s %-22.22s" then " (state)";
  // macOS: "%-5.5s %-6.6s %-6.6s  %-22.22s %-22.22s %-11.11s", one blank more.
  std::string out = "Active Internet connections (including servers)\nProto Recv-Q Send-Q ";
  if (macos) out += ' ';
  append_left(out, "Local Address", 23);
  append_left(out, "Foreign Address", 23);
  out += "(state)\n";
  const char* proto = tcp ? "tcp4 " : "udp4 ";  // "%-3.3s%-2.2s": 4 for an IPv4-only socket
  for (const ListedSocket& r : sockets) {
    out += proto;
    out += ' ';
    append_right_uint(out, 0, 6);
    out += ' ';
    append_right_uint(out, 0, 6);
    out += macos ? "  " : " ";
    append_bsd_endpoint(out, r.socket->local);
    append_bsd_endpoint(out, r.socket->remote);
    if (tcp) out += state_name(*r.socket, kBsdStates);
    out += '\n';
  }
  return out;
}

}  // namespace portlab::host
