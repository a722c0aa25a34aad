// The Port Map model: every port classified from a simulated host, and
// only the rows that changed reported.
#include <doctest/doctest.h>

#include "core/labs/port_map.h"
#include "host_fixture.h"

using namespace portlab;
using namespace portlab::testing;
using labs::PortMap;
using labs::PortState;
using net::Transport;

TEST_CASE("port map: a fresh Linux host shows privileged, ephemeral and free ports") {
  host::Host h = make_host("linux");
  PortMap map;
  CHECK(map.update(h) > 0);
  CHECK(map.state(80) == PortState::Privileged);
  CHECK(map.state(1023) == PortState::Privileged);
  CHECK(map.state(1024) == PortState::Free);
  CHECK(map.state(32767) == PortState::Free);
  CHECK(map.state(32768) == PortState::Ephemeral);
  CHECK(map.state(60999) == PortState::Ephemeral);
  CHECK(map.state(61000) == PortState::Free);
  CHECK(map.count(PortState::Privileged) == 1024);
  CHECK(map.count(PortState::Ephemeral) == 60999 - 32768 + 1);
}

TEST_CASE("port map: R2.2 reserved ports and R4.4 Windows' lack of privileged ports") {
  host::Host h = make_host("linux");
  set(h, "net.ipv4.ip_local_reserved_ports", "8080,40000-40001");
  PortMap map;
  map.update(h);
  CHECK(map.state(8080) == PortState::Reserved);
  CHECK(map.state(40001) == PortState::Reserved);
  CHECK(map.state(40002) == PortState::Ephemeral);

  host::Host w = make_host("windows");
  PortMap wmap;
  wmap.update(w);
  CHECK(wmap.state(80) == PortState::Free);
  CHECK(wmap.count(PortState::Privileged) == 0);
}

TEST_CASE("port map: listening, connected, bound and TIME_WAIT sockets") {
  host::Host h = make_host("linux");
  host::SocketId server;
  REQUIRE(bind_new(h, "0.0.0.0", 8080, Transport::Tcp, user(), {}, &server).ok);
  REQUIRE(h.listen(server).ok);
  REQUIRE(bind_new(h, "0.0.0.0", 5353, Transport::Udp).ok);
  host::SocketId client = h.open(Transport::Tcp);
  host::Decision c = h.connect(client, ep("198.51.100.7:443"));
  REQUIRE(c.ok);
  host::SocketId closer = h.open(Transport::Tcp);
  host::Decision d = h.connect(closer, ep("198.51.100.7:80"));
  REQUIRE(d.ok);
  h.close(closer, true);

  PortMap map;
  map.update(h);
  CHECK(map.state(8080) == PortState::Listening);
  CHECK(map.state(5353) == PortState::Bound);
  CHECK(map.state(c.port) == PortState::Connected);
  CHECK(map.state(d.port) == PortState::TimeWait);

  // One transport only: the UDP socket disappears from the TCP map.
  map.set_transport(Transport::Tcp);
  map.update(h);
  CHECK(map.state(5353) == PortState::Free);
  CHECK(map.state(8080) == PortState::Listening);

  labs::PortHolders holders = labs::port_holders(h, 8080, std::nullopt);
  REQUIRE(holders.total == 1);
  CHECK(holders.sockets[0].find("listening") != std::string::npos);
  CHECK(labs::port_map_caption(map, 8080) == "Port 8080: listening");
}

TEST_CASE("port map: R3.6 a TIME_WAIT port turns free again when its time is up") {
  host::Host h = make_host("linux");
  host::SocketId s = h.open(Transport::Tcp);
  host::Decision d = h.connect(s, ep("198.51.100.7:80"));
  REQUIRE(d.ok);
  h.close(s, true);
  PortMap map;
  map.update(h);
  REQUIRE(map.state(d.port) == PortState::TimeWait);
  h.advance(h.settings().time_wait());
  CHECK(map.update(h) == 1);
  CHECK(map.state(d.port) == PortState::Ephemeral);
}

TEST_CASE("port map: only the rows that changed are reported") {
  host::Host h = make_host("linux");
  PortMap map;
  map.update(h);
  const uint64_t seen = map.version();
  CHECK(map.rows_changed_since(seen) == 0);

  CHECK(map.update(h) == 0);  // nothing happened
  CHECK(map.version() == seen);

  REQUIRE(bind_new(h, "0.0.0.0", 8080).ok);  // row 31
  REQUIRE(bind_new(h, "0.0.0.0", 8081).ok);  // same row
  CHECK(map.update(h) == 1);
  CHECK(map.version() == seen + 1);
  CHECK(map.rows_changed_since(seen) == 1);
  CHECK(map.row_version(8080 / 256) == seen + 1);
  CHECK(map.row_version(9000 / 256) <= seen);

  REQUIRE(bind_new(h, "0.0.0.0", 9000).ok);
  CHECK(map.update(h) == 1);
  CHECK(map.rows_changed_since(seen) == 2);
  CHECK(map.rows_changed_since(map.version()) == 0);
}

TEST_CASE("port map: a sysctl written between updates shows at the next update") {
  host::Host h = make_host("linux");
  PortMap map;
  map.update(h);
  REQUIRE(map.state(8080) == PortState::Free);
  set(h, "net.ipv4.ip_local_reserved_ports", "8080");
  CHECK(map.update(h) == 1);
  CHECK(map.state(8080) == PortState::Reserved);
  set(h, "net.ipv4.ip_unprivileged_port_start", "80");
  CHECK(map.update(h) > 0);
  CHECK(map.state(79) == PortState::Privileged);
  CHECK(map.state(80) == PortState::Free);
}
