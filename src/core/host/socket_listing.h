// The text a system's own tools print for a simulated host's sockets, laid
// out exactly as the real programs lay it out, so a learner reads real tool
// output that the engine produced:
//   Linux    `ss -tan`, `ss -uan`, `ss -tulpn` (iproute2 6.8 and later, on
//            Linux 6.8 and later) and `netstat -tan`, `netstat -tulpn`
//            (net-tools 2.10);
//   Windows  `netstat -ano` (the same on XP and later);
//   macOS, FreeBSD  `netstat -an -p tcp` and `netstat -an -p udp`, each
//            system with its own spacing.
// Sources: iproute2 misc/ss.c and ss(8); net-tools netstat.c and netstat(8);
// Microsoft Learn "netstat" (windows-commands); FreeBSD usr.bin/netstat/inet.c
// and netstat(1); Apple network_cmds netstat.tproj/inet.c. The layouts were
// checked against ss 6.1 and 7.1 and net-tools 2.10 on Linux 6.18, and
// against captured Windows 10, FreeBSD 12 and macOS 10.14 output.
//
// Two things no tool fixes are PortLab's choices: the kernels list sockets
// in hash-table or list order, which differs from boot to boot, so PortLab
// sorts them (Windows sorts by itself); and queue columns are 0, except the
// backlog ss shows for a listener, which is 128 (what sshd and Python ask
// listen() for). Trailing blanks are dropped from every line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/host/host.h"
#include "core/host/processes.h"

namespace portlab::host {

enum class ListingTool : uint8_t {
  SsTan,              // TCP, all states
  SsUan,              // UDP, all states
  SsTulpn,            // listening TCP and unconnected UDP, with processes
  NetstatTan,         // net-tools: TCP, all states
  NetstatTulpn,       // net-tools: listening TCP and UDP, with PID/Program name
  WindowsNetstatAno,  // TCP then UDP, with the owning PID
  BsdNetstatTcp,      // netstat -an -p tcp
  BsdNetstatUdp,      // netstat -an -p udp
};

// "ss -tan", "netstat -ano", "netstat -an -p tcp".
const char* command(ListingTool tool);
// The tools PortLab lays out for a system, the usual first; none for Solaris.
std::vector<ListingTool> listing_tools(ports::OsId os);
// A tool of `os` by its command as command() writes it.
std::optional<ListingTool> find_listing_tool(ports::OsId os, std::string_view text);
// The command as typed at the system's prompt: "$ ss -tan", "C:\>netstat -ano".
// ss -p and netstat -p name the process of other users' sockets only for
// root, so those two are typed with sudo.
std::string prompt_line(ports::OsId os, ListingTool tool);

struct Listing {
  std::string text;                // what the tool prints, one socket a line
  std::vector<std::string> notes;  // sockets it leaves out, and why
};

// What `tool` prints for the host's sockets; `processes` names their owners.
// `columns` is the width of the terminal ss spreads its columns over, or 0
// when the output is not a terminal (a pipe, a file), where ss packs them;
// the other tools never look at it. The macOS and FreeBSD layouts follow
// the host's OS.
Listing list_sockets(const Host& host, ListingTool tool, const Processes& processes,
                     int columns = 0);

// `text` as a terminal `columns` wide shows it: each line cut into pieces of
// at most `columns` characters (0: not cut). The pieces point into `text`.
std::vector<std::string_view> terminal_lines(std::string_view text, int columns);

}  // namespace portlab::host
