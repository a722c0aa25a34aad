#include "core/host/socket_listing.h"

#include <algorithm>
#include <cstring>

#include "core/host/listing_rows.h"

namespace portlab::host {

namespace {

using net::Transport;

struct ToolName {
  ListingTool tool;
  const char* command;
  bool root;  // names other users' processes only when run as root
};

const ToolName kTools[] = {
    {ListingTool::SsTan, "ss -tan", false},
    {ListingTool::SsUan, "ss -uan", false},
    {ListingTool::SsTulpn, "ss -tulpn", true},
    {ListingTool::NetstatTan, "netstat -tan", false},
    {ListingTool::NetstatTulpn, "netstat -tulpn", true},
    {ListingTool::WindowsNetstatAno, "netstat -ano", false},
    {ListingTool::BsdNetstatTcp, "netstat -an -p tcp", false},
    {ListingTool::BsdNetstatUdp, "netstat -an -p udp", false},
};

const ToolName& name_of(ListingTool tool) {
  for (const ToolName& t : kTools)
    if (t.tool == tool) return t;
  return kTools[0];
}

// Which sockets a tool prints. A socket with no port is in no kernel table
// Linux or Windows dump; the BSDs list every protocol control block, so a
// socket() not yet bound shows as *.* there.
bool shows(ListingTool tool, const Socket& s) {
  const bool tcp = s.transport == Transport::Tcp;
  const bool udp = s.transport == Transport::Udp;
  switch (s.state) {
    case SocketState::Unbound:
      return (tool == ListingTool::BsdNetstatTcp && tcp) ||
             (tool == ListingTool::BsdNetstatUdp && udp);
    case SocketState::Bound:
      // A TCP socket bound but neither listening nor connected sits only in
      // the kernel's bind hash. ss asks for it with -a since iproute2 6.8 and
      // Linux 6.8 (the bound-inactive state, commit 91051f003948), and shows
      // it as UNCONN; /proc/net/tcp, which net-tools reads, never lists it;
      // Windows shows it only with netstat -q (as BOUND); the BSDs list it as
      // CLOSED. A bound UDP socket is a UDP server: every tool shows it.
      if (tcp) return tool == ListingTool::SsTan || tool == ListingTool::BsdNetstatTcp;
      return tool == ListingTool::SsUan || tool == ListingTool::SsTulpn ||
             tool == ListingTool::NetstatTulpn || tool == ListingTool::WindowsNetstatAno ||
             tool == ListingTool::BsdNetstatUdp;
    case SocketState::Listening:
      return tool != ListingTool::SsUan && tool != ListingTool::BsdNetstatUdp;
    case SocketState::Connected:
      // -l asks for listening TCP and unconnected UDP sockets only.
      if (tool == ListingTool::SsTulpn || tool == ListingTool::NetstatTulpn) return false;
      if (tcp)
        return tool == ListingTool::SsTan || tool == ListingTool::NetstatTan ||
               tool == ListingTool::WindowsNetstatAno || tool == ListingTool::BsdNetstatTcp;
      return tool == ListingTool::SsUan || tool == ListingTool::WindowsNetstatAno ||
             tool == ListingTool::BsdNetstatUdp;
    case SocketState::TimeWait:
      return tool == ListingTool::SsTan || tool == ListingTool::NetstatTan ||
             tool == ListingTool::WindowsNetstatAno || tool == ListingTool::BsdNetstatTcp;
  }
  return false;
}

// Listeners and servers first, then connections, each by local port: one
// fixed order in place of the kernels' hash order (Linux dumps listeners
// first too, then bound-only sockets, then connections and TIME_WAIT).
int rank(const Socket& s) {
  switch (s.state) {
    case SocketState::Listening: return 0;
    case SocketState::Unbound:
    case SocketState::Bound: return 1;
    case SocketState::Connected:
    case SocketState::TimeWait: return 2;
  }
  return 2;
}

std::vector<ListedSocket> gather(const Host& host, ListingTool tool, Transport t) {
  // Sorted by two numbers per socket, so a host of tens of thousands of
  // sockets sorts quickly. Windows' tables come sorted by local address,
  // local port, remote address and remote port (as GetTcpTable's are),
  // whatever the state.
  struct Keyed {
    uint64_t first, second;
    ListedSocket row;
  };
  const bool windows = tool == ListingTool::WindowsNetstatAno;
  std::vector<Keyed> keyed;
  host.sockets().for_each([&](SocketId id, const Socket& s) {
    if (s.transport != t || !shows(tool, s)) return;
    const uint64_t local = s.local.addr.bits, port = s.local.port;
    const uint64_t first = windows ? local << 16 | port
                                   : static_cast<uint64_t>(rank(s)) << 48 | port << 32 | local;
    keyed.push_back({first, uint64_t{s.remote.addr.bits} << 16 | s.remote.port, {&s, id}});
  });
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return a.first != b.first ? a.first < b.first : a.second < b.second;
  });
  std::vector<ListedSocket> out;
  out.reserve(keyed.size());
  for (const Keyed& k : keyed) out.push_back(k.row);
  return out;
}

// "1 TCP socket that is", "2 TCP sockets that are".
std::string sockets_that(int n) {
  return std::to_string(n) + (n == 1 ? " TCP socket that is" : " TCP sockets that are");
}

std::vector<std::string> notes_for(const Host& host, ListingTool tool) {
  int bound_tcp = 0, left_out = 0;
  host.sockets().for_each([&](SocketId, const Socket& s) {
    if (s.state == SocketState::Unbound) return;
    if (s.transport != Transport::Tcp && s.transport != Transport::Udp) return;
    bound_tcp += s.transport == Transport::Tcp && s.state == SocketState::Bound;
    left_out += !shows(tool, s);
  });
  std::vector<std::string> notes;
  switch (tool) {
    case ListingTool::SsTan:
      if (bound_tcp)
        notes.push_back("UNCONN on a TCP line is a socket that is bound but neither listening "
                        "nor connected. ss 6.8 and later list it on Linux 6.8 and later; older "
                        "versions leave it out.");
      break;
    case ListingTool::NetstatTan:
      if (bound_tcp)
        notes.push_back("netstat leaves out " + sockets_that(bound_tcp) +
                        " bound but neither listening nor connected: /proc/net/tcp, which it "
                        "reads, lists only listeners and connections.");
      break;
    case ListingTool::SsTulpn:
    case ListingTool::NetstatTulpn:
      if (left_out)
        notes.push_back("-l shows only listening TCP sockets and unconnected UDP ones; " +
                        std::to_string(left_out) +
                        (left_out == 1 ? " other socket is" : " other sockets are") +
                        " left out.");
      break;
    case ListingTool::WindowsNetstatAno:
      if (bound_tcp)
        notes.push_back("netstat -a leaves out " + sockets_that(bound_tcp) +
                        " bound but not listening; Windows 10 and later list such sockets as "
                        "BOUND with netstat -q.");
      break;
    default: break;
  }
  return notes;
}

// Trailing blanks are invisible on a terminal and differ between versions:
// each line is moved down over the blanks cut from the lines before it.
void drop_trailing_blanks(std::string& text) {
  size_t write = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    size_t last = end;
    while (last > start && text[last - 1] == ' ') --last;
    std::memmove(&text[write], &text[start], last - start);
    write += last - start;
    if (end < text.size()) text[write++] = '\n';
    start = end + 1;
  }
  text.resize(write);
}

}  // namespace

const char* command(ListingTool tool) { return name_of(tool).command; }

std::vector<ListingTool> listing_tools(ports::OsId os) {
  switch (os) {
    case ports::OsId::Linux:
      return {ListingTool::SsTan, ListingTool::SsTulpn, ListingTool::SsUan,
              ListingTool::NetstatTan, ListingTool::NetstatTulpn};
    case ports::OsId::WindowsModern:
    case ports::OsId::WindowsXp: return {ListingTool::WindowsNetstatAno};
    case ports::OsId::Macos:
    case ports::OsId::Freebsd: return {ListingTool::BsdNetstatTcp, ListingTool::BsdNetstatUdp};
    case ports::OsId::Solaris: return {};
  }
  return {};
}

std::optional<ListingTool> find_listing_tool(ports::OsId os, std::string_view text) {
  for (ListingTool t : listing_tools(os))
    if (text == command(t)) return t;
  return std::nullopt;
}

std::string prompt_line(ports::OsId os, ListingTool tool) {
  if (os == ports::OsId::WindowsModern || os == ports::OsId::WindowsXp)
    return std::string("C:\\>") + command(tool);
  return std::string(name_of(tool).root ? "$ sudo " : "$ ") + command(tool);
}

Listing list_sockets(const Host& host, ListingTool tool, const Processes& processes,
                     int columns) {
  Listing out;
  const std::vector<ListedSocket> tcp = gather(host, tool, Transport::Tcp);
  const std::vector<ListedSocket> udp = gather(host, tool, Transport::Udp);
  switch (tool) {
    case ListingTool::SsTan:
    case ListingTool::SsUan:
    case ListingTool::SsTulpn: out.text = ss_text(tool, tcp, udp, processes, columns); break;
    case ListingTool::NetstatTan:
    case ListingTool::NetstatTulpn: out.text = net_tools_text(tool, tcp, udp, processes); break;
    case ListingTool::WindowsNetstatAno: out.text = windows_text(tcp, udp, processes); break;
    case ListingTool::BsdNetstatTcp:
    case ListingTool::BsdNetstatUdp: {
      const bool is_tcp = tool == ListingTool::BsdNetstatTcp;
      out.text = bsd_text(host.profile().id == ports::OsId::Macos, is_tcp, is_tcp ? tcp : udp);
      break;
    }
  }
  drop_trailing_blanks(out.text);
  out.notes = notes_for(host, tool);
  return out;
}

std::vector<std::string_view> terminal_lines(std::string_view text, int columns) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (columns <= 0 || line.size() <= static_cast<size_t>(columns)) {
      lines.push_back(line);
    } else {
      for (size_t at = 0; at < line.size(); at += static_cast<size_t>(columns))
        lines.push_back(line.substr(at, static_cast<size_t>(columns)));
    }
    start = end + 1;
  }
  return lines;
}

}  // namespace portlab::host
