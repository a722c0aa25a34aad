// The socket listings laid out as the real tools lay them out. The Linux
// texts were compared with ss 7.1 (iproute2) and netstat 2.10 (net-tools)
// on Linux 6.18 for the same sockets; the Windows, macOS and FreeBSD ones
// follow their netstat sources and captured output (socket_listing.h).
#include <doctest/doctest.h>

#include <string>

#include "core/host/socket_listing.h"
#include "host_fixture.h"

using namespace portlab;
using testing::ep;
using testing::ip;
using testing::make_host;

namespace {

// One host with a socket in every state a listing shows: listeners on the
// wildcard and on 127.0.0.1, an accepted connection, a TIME_WAIT entry,
// UDP servers, a TCP socket that is only bound and a connected UDP socket.
struct Bed {
  host::Host host;
  host::Processes processes;
};

Bed make_bed(const char* os) {
  Bed b{make_host(os), host::Processes()};
  host::Host& h = b.host;
  host::Processes& p = b.processes;
  const host::Credentials root{0, false, false};
  auto listener = [&](const char* addr, uint16_t port, const char* program) {
    const host::SocketId id = h.open(net::Transport::Tcp, root);
    REQUIRE(h.bind(id, ip(addr), port).ok);
    REQUIRE(h.listen(id).ok);
    p.own(id, program);
    return id;
  };
  auto udp = [&](const char* addr, uint16_t port, const char* program) {
    const host::SocketId id = h.open(net::Transport::Udp, root);
    REQUIRE(h.bind(id, ip(addr), port).ok);
    p.own(id, program);
    return id;
  };
  const host::SocketId sshd = listener("0.0.0.0", 22, "sshd");
  listener("127.0.0.1", 631, "cupsd");
  p.own(h.accept(sshd, ep("198.51.100.7:51000")), "sshd");
  const host::SocketId web = listener("0.0.0.0", 80, "nginx");
  h.close(h.accept(web, ep("203.0.113.5:40000")), true);  // the server closes first
  udp("0.0.0.0", 68, "dhclient");
  udp("127.0.0.1", 53, "dnsmasq");
  const host::SocketId bound = h.open(net::Transport::Tcp, root);
  REQUIRE(h.bind(bound, ip("0.0.0.0"), 8080).ok);
  p.own(bound, "lab");
  REQUIRE(h.connect(udp("192.168.1.10", 40001, "lab"), ep("198.51.100.53:53")).ok);
  return b;
}

host::Listing listing(const Bed& b, const char* command, int columns = 0) {
  const auto tool = host::find_listing_tool(b.host.profile().id, command);
  REQUIRE(tool.has_value());
  return host::list_sockets(b.host, *tool, b.processes, columns);
}

}  // namespace

TEST_CASE("socket listing: ss -tan as into a pipe, LISTEN, UNCONN, ESTAB, TIME-WAIT") {
  const Bed b = make_bed("linux");
  const host::Listing l = listing(b, "ss -tan");
  CHECK(l.text ==
        "State     Recv-Q Send-Q Local Address:Port Peer Address:Port\n"
        "LISTEN    0      128          0.0.0.0:22        0.0.0.0:*\n"
        "LISTEN    0      128          0.0.0.0:80        0.0.0.0:*\n"
        "LISTEN    0      128        127.0.0.1:631       0.0.0.0:*\n"
        "UNCONN    0      0            0.0.0.0:8080      0.0.0.0:*\n"
        "ESTAB     0      0       192.168.1.10:22   198.51.100.7:51000\n"
        "TIME-WAIT 0      0       192.168.1.10:80    203.0.113.5:40000\n");
  // The bound-only socket is explained: older ss versions leave it out.
  REQUIRE(l.notes.size() == 1);
  CHECK(l.notes[0].find("ss 6.8") != std::string::npos);
}

TEST_CASE("socket listing: ss -tan on an 80-column terminal spreads the columns") {
  const Bed b = make_bed("linux");
  CHECK(listing(b, "ss -tan", 80).text ==
        "State       Recv-Q   Send-Q       Local Address:Port       Peer Address:Port\n"
        "LISTEN      0        128                0.0.0.0:22              0.0.0.0:*\n"
        "LISTEN      0        128                0.0.0.0:80              0.0.0.0:*\n"
        "LISTEN      0        128              127.0.0.1:631             0.0.0.0:*\n"
        "UNCONN      0        0                  0.0.0.0:8080            0.0.0.0:*\n"
        "ESTAB       0        0             192.168.1.10:22         198.51.100.7:51000\n"
        "TIME-WAIT   0        0             192.168.1.10:80          203.0.113.5:40000\n");
}

TEST_CASE("socket listing: ss -uan shows UDP servers as UNCONN and a connected socket as ESTAB") {
  const Bed b = make_bed("linux");
  CHECK(listing(b, "ss -uan").text ==
        "State  Recv-Q Send-Q Local Address:Port   Peer Address:Port\n"
        "UNCONN 0      0          127.0.0.1:53          0.0.0.0:*\n"
        "UNCONN 0      0            0.0.0.0:68          0.0.0.0:*\n"
        "ESTAB  0      0       192.168.1.10:40001 198.51.100.53:53\n");
}

TEST_CASE("socket listing: ss -tulpn lists UDP first, with Netid and each socket's process") {
  const Bed b = make_bed("linux");
  const host::Listing l = listing(b, "ss -tulpn");
  CHECK(l.text ==
        "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n"
        "udp   UNCONN 0      0          127.0.0.1:53        0.0.0.0:*    "
        "users:((\"dnsmasq\",pid=828,fd=3))\n"
        "udp   UNCONN 0      0            0.0.0.0:68        0.0.0.0:*    "
        "users:((\"dhclient\",pid=824,fd=3))\n"
        "tcp   LISTEN 0      128          0.0.0.0:22        0.0.0.0:*    "
        "users:((\"sshd\",pid=812,fd=3))\n"
        "tcp   LISTEN 0      128          0.0.0.0:80        0.0.0.0:*    "
        "users:((\"nginx\",pid=820,fd=3))\n"
        "tcp   LISTEN 0      128        127.0.0.1:631       0.0.0.0:*    "
        "users:((\"cupsd\",pid=816,fd=3))\n");
  // The connection, the TIME_WAIT entry, the bound-only and the connected
  // UDP socket are not listening.
  REQUIRE(l.notes.size() == 1);
  CHECK(l.notes[0].find("4 other sockets") != std::string::npos);
}

TEST_CASE("socket listing: ss breaks a line wider than the terminal where the columns allow") {
  const Bed b = make_bed("linux");
  const host::Listing l = listing(b, "ss -tulpn", 60);
  // Up to the peer's address the columns fill the first 60 characters; the
  // peer's port and the process start the second screen line, as real ss
  // breaks them on a 60-column terminal.
  const std::string first = l.text.substr(0, l.text.find('\n'));
  CHECK(first.substr(0, 60) ==
        "Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:");
  CHECK(first.substr(60) == "Port           Process");
  const auto lines = host::terminal_lines(l.text, 60);
  CHECK(lines.size() == 12);
  CHECK(lines[3] == "*               users:((\"dnsmasq\",pid=828,fd=3))");
}

TEST_CASE("socket listing: net-tools netstat -tan leaves out the bound-only socket") {
  const Bed b = make_bed("linux");
  const host::Listing l = listing(b, "netstat -tan");
  CHECK(l.text ==
        "Active Internet connections (servers and established)\n"
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State\n"
        "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN\n"
        "tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN\n"
        "tcp        0      0 127.0.0.1:631           0.0.0.0:*               LISTEN\n"
        "tcp        0      0 192.168.1.10:22         198.51.100.7:51000      ESTABLISHED\n"
        "tcp        0      0 192.168.1.10:80         203.0.113.5:40000       TIME_WAIT\n");
  REQUIRE(l.notes.size() == 1);
  CHECK(l.notes[0].find("1 TCP socket that is bound") != std::string::npos);
}

TEST_CASE("socket listing: net-tools netstat -tulpn, TCP then UDP, with PID/Program name") {
  const Bed b = make_bed("linux");
  CHECK(listing(b, "netstat -tulpn").text ==
        "Active Internet connections (only servers)\n"
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State       "
        "PID/Program name\n"
        "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      "
        "812/sshd\n"
        "tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      "
        "820/nginx\n"
        "tcp        0      0 127.0.0.1:631           0.0.0.0:*               LISTEN      "
        "816/cupsd\n"
        "udp        0      0 127.0.0.1:53            0.0.0.0:*                           "
        "828/dnsmasq\n"
        "udp        0      0 0.0.0.0:68              0.0.0.0:*                           "
        "824/dhclient\n");
}

TEST_CASE("socket listing: net-tools cuts PID/Program name to 19 characters") {
  host::Host h = make_host("linux");
  host::Processes p(23996);
  const host::SocketId id = h.open(net::Transport::Udp, host::Credentials{0, false, false});
  REQUIRE(h.bind(id, ip("127.0.0.53"), 53).ok);
  p.own(id, "systemd-resolve");
  const std::string text =
      host::list_sockets(h, host::ListingTool::NetstatTulpn, p).text;
  CHECK(text.find("23996/systemd-resol\n") != std::string::npos);
  CHECK(host::list_sockets(h, host::ListingTool::SsTulpn, p).text.find(
            "users:((\"systemd-resolve\",pid=23996,fd=3))") != std::string::npos);
}

TEST_CASE("socket listing: Windows netstat -ano, sorted by address, PID 0 for TIME_WAIT") {
  const Bed b = make_bed("windows");
  const host::Listing l = listing(b, "netstat -ano");
  CHECK(l.text ==
        "\n"
        "Active Connections\n"
        "\n"
        "  Proto  Local Address          Foreign Address        State           PID\n"
        "  TCP    0.0.0.0:22             0.0.0.0:0              LISTENING       812\n"
        "  TCP    0.0.0.0:80             0.0.0.0:0              LISTENING       820\n"
        "  TCP    127.0.0.1:631          0.0.0.0:0              LISTENING       816\n"
        "  TCP    192.168.1.10:22        198.51.100.7:51000     ESTABLISHED     812\n"
        "  TCP    192.168.1.10:80        203.0.113.5:40000      TIME_WAIT       0\n"
        "  UDP    0.0.0.0:68             *:*                                    824\n"
        "  UDP    127.0.0.1:53           *:*                                    828\n"
        "  UDP    192.168.1.10:40001     *:*                                    832\n");
  REQUIRE(l.notes.size() == 1);
  CHECK(l.notes[0].find("netstat -q") != std::string::npos);
}

TEST_CASE("socket listing: macOS and FreeBSD netstat -an -p tcp|udp, address.port, * for the wildcard") {
  const Bed mac = make_bed("macos");
  const std::string mac_tcp = listing(mac, "netstat -an -p tcp").text;
  const std::string mac_udp = listing(mac, "netstat -an -p udp").text;
  CHECK(mac_tcp ==
        "Active Internet connections (including servers)\n"
        "Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)\n"
        "tcp4       0      0  *.22                   *.*                    LISTEN\n"
        "tcp4       0      0  *.80                   *.*                    LISTEN\n"
        "tcp4       0      0  127.0.0.1.631          *.*                    LISTEN\n"
        "tcp4       0      0  *.8080                 *.*                    CLOSED\n"
        "tcp4       0      0  192.168.1.10.22        198.51.100.7.51000     ESTABLISHED\n"
        "tcp4       0      0  192.168.1.10.80        203.0.113.5.40000      TIME_WAIT\n");
  CHECK(mac_udp ==
        "Active Internet connections (including servers)\n"
        "Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)\n"
        "udp4       0      0  127.0.0.1.53           *.*\n"
        "udp4       0      0  *.68                   *.*\n"
        "udp4       0      0  192.168.1.10.40001     198.51.100.53.53\n");
  // FreeBSD prints one blank less after Send-Q, on every line but the first.
  auto one_blank_less = [](std::string text) {
    for (size_t line = text.find('\n') + 1; line < text.size(); line = text.find('\n', line) + 1) {
      REQUIRE(text.compare(line + 19, 2, "  ") == 0);
      text.erase(line + 20, 1);
    }
    return text;
  };
  const Bed bsd = make_bed("freebsd");
  CHECK(listing(bsd, "netstat -an -p tcp").text == one_blank_less(mac_tcp));
  CHECK(listing(bsd, "netstat -an -p udp").text == one_blank_less(mac_udp));
}

TEST_CASE("socket listing: an empty host prints the headers, except BSD netstat which prints nothing") {
  const host::Processes none;
  const host::Host linux_host = make_host("linux");
  CHECK(host::list_sockets(linux_host, host::ListingTool::SsTan, none).text ==
        "State Recv-Q Send-Q Local Address:Port Peer Address:Port\n");
  CHECK(host::list_sockets(linux_host, host::ListingTool::NetstatTan, none).text ==
        "Active Internet connections (servers and established)\n"
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State\n");
  const host::Host windows = make_host("windows");
  CHECK(host::list_sockets(windows, host::ListingTool::WindowsNetstatAno, none).text ==
        "\nActive Connections\n\n"
        "  Proto  Local Address          Foreign Address        State           PID\n");
  CHECK(host::list_sockets(make_host("freebsd"), host::ListingTool::BsdNetstatTcp, none).text ==
        "");
}

TEST_CASE("socket listing: each system's tools, found by command, typed at its prompt") {
  using host::ListingTool;
  CHECK(host::listing_tools(ports::OsId::Linux).front() == ListingTool::SsTan);
  CHECK(host::listing_tools(ports::OsId::Linux).size() == 5);
  CHECK(host::listing_tools(ports::OsId::WindowsXp) ==
        std::vector<ListingTool>{ListingTool::WindowsNetstatAno});
  CHECK(host::listing_tools(ports::OsId::Macos) == host::listing_tools(ports::OsId::Freebsd));
  CHECK(host::listing_tools(ports::OsId::Solaris).empty());
  CHECK(host::find_listing_tool(ports::OsId::Linux, "ss -tulpn") == ListingTool::SsTulpn);
  CHECK_FALSE(host::find_listing_tool(ports::OsId::Linux, "netstat -ano").has_value());
  CHECK_FALSE(host::find_listing_tool(ports::OsId::Macos, "ss -tan").has_value());
  CHECK(host::prompt_line(ports::OsId::Linux, ListingTool::SsTan) == "$ ss -tan");
  // -p names other users' processes only for root.
  CHECK(host::prompt_line(ports::OsId::Linux, ListingTool::SsTulpn) == "$ sudo ss -tulpn");
  CHECK(host::prompt_line(ports::OsId::WindowsModern, ListingTool::WindowsNetstatAno) ==
        "C:\\>netstat -ano");
  CHECK(host::prompt_line(ports::OsId::Macos, ListingTool::BsdNetstatTcp) ==
        "$ netstat -an -p tcp");
}

TEST_CASE("socket listing: terminal lines cut long lines at the terminal's width") {
  const std::string text = "abcdef\n\nxy\n";
  CHECK(host::terminal_lines(text, 4) ==
        std::vector<std::string_view>{"abcd", "ef", "", "xy"});
  CHECK(host::terminal_lines(text, 0) == std::vector<std::string_view>{"abcdef", "", "xy"});
}

TEST_CASE("socket listing: processes get pids in order and each socket the lowest free fd") {
  host::Host h = make_host("linux");
  host::Processes p;
  auto tcp = [&] { return h.open(net::Transport::Tcp); };
  const host::SocketId a = tcp(), b = tcp(), c = tcp(), d = tcp();
  p.own(a, "web");
  p.own(b, "db");
  p.own(c, "web");
  CHECK(p.owner(a)->pid == host::kFirstPid);
  CHECK(p.owner(b)->pid == host::kFirstPid + 4);
  CHECK(p.owner(c)->fd == 4);
  // Closing fd 3 frees it for the next socket, as open() reuses the lowest.
  p.release(a);
  CHECK_FALSE(p.owner(a).has_value());
  p.own(d, "web");
  CHECK(p.owner(d)->fd == 3);
  // A socket that takes over a closed one's slot has no owner of its own.
  h.close(b, false);
  const host::SocketId e = tcp();
  CHECK(e.index == b.index);
  CHECK_FALSE(p.owner(e).has_value());
  CHECK(p.pid_of("db") == host::kFirstPid + 4);
  CHECK(p.pid_of("nobody") == 0);
}

TEST_CASE("socket listing: the socket table's stamp moves with every change and never repeats") {
  host::Host h = make_host("linux");
  const uint64_t empty = h.sockets().stamp();
  const host::SocketId id = h.open(net::Transport::Tcp);
  const uint64_t opened = h.sockets().stamp();
  CHECK(opened != empty);
  (void)h.socket(id);  // reading changes nothing
  CHECK(h.sockets().stamp() == opened);
  REQUIRE(h.bind(id, ip("0.0.0.0"), 8080).ok);
  const uint64_t bound = h.sockets().stamp();
  CHECK(bound != opened);
  REQUIRE(h.listen(id).ok);
  CHECK(h.sockets().stamp() != bound);
  // A copy holds the same sockets and the same stamp; a new host with the
  // same sockets gets a stamp of its own.
  const host::Host copy = h;
  CHECK(copy.sockets().stamp() == h.sockets().stamp());
  host::Host other = make_host("linux");
  const host::SocketId o = other.open(net::Transport::Tcp);
  REQUIRE(other.bind(o, ip("0.0.0.0"), 8080).ok);
  REQUIRE(other.listen(o).ok);
  CHECK(other.sockets().stamp() != h.sockets().stamp());
}
