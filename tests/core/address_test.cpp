#include <doctest/doctest.h>

#include "core/net/address.h"

using namespace portlab::net;

TEST_CASE("R1.1 a port is a whole number 0-65535; anything else does not fit in 16 bits") {
  CHECK(*parse_port("0").value == 0);
  CHECK(*parse_port("65535").value == 65535);
  CHECK(parse_port("65536").error == "port 65536 does not fit in 16 bits (ports are 0-65535)");
  CHECK(parse_port("70000").error == "port 70000 does not fit in 16 bits (ports are 0-65535)");
  CHECK(parse_port("-1").error == "port -1 does not fit in 16 bits (ports are 0-65535)");
  CHECK(parse_port("1e3").error == "port '1e3' is not a whole number 0-65535");
  CHECK(parse_port("").error == "port an empty value is not a whole number 0-65535");
  CHECK_FALSE(parse_port(" 80").ok());
  CHECK_FALSE(parse_port("80.0").ok());
  CHECK_FALSE(parse_port("99999999999999999999999").ok());
}

TEST_CASE("address: dotted quads parse strictly and print back") {
  auto a = parse_ipv4("192.168.1.10");
  REQUIRE(a.ok());
  CHECK(a.value->bits == 0xC0A8010Au);
  CHECK(to_string(*a.value) == "192.168.1.10");
  for (const char* bad : {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1..2.3", "a.b.c.d",
                          "1.2.3.4 ", "-1.2.3.4"})
    CHECK_MESSAGE(!parse_ipv4(bad).ok(), bad);
}

TEST_CASE("address: endpoints and prefixes") {
  auto e = parse_endpoint("10.0.0.2:8080");
  REQUIRE(e.ok());
  CHECK(to_string(*e.value) == "10.0.0.2:8080");
  CHECK_FALSE(parse_endpoint("10.0.0.2").ok());
  CHECK_FALSE(parse_endpoint("10.0.0.2:70000").ok());
  auto p = parse_prefix("192.168.1.1/24");
  REQUIRE(p.ok());
  CHECK(p.value->contains(*parse_ipv4("192.168.1.200").value));
  CHECK_FALSE(p.value->contains(*parse_ipv4("192.168.2.1").value));
  CHECK(to_string(p.value->network()) == "192.168.1.0");
  CHECK_FALSE(parse_prefix("192.168.1.1/33").ok());
}

TEST_CASE("address: private, shared (CGN) and loopback blocks") {
  CHECK(is_rfc1918(*parse_ipv4("10.1.2.3").value));
  CHECK(is_rfc1918(*parse_ipv4("172.31.0.1").value));
  CHECK_FALSE(is_rfc1918(*parse_ipv4("172.32.0.1").value));
  CHECK(is_rfc1918(*parse_ipv4("192.168.0.1").value));
  CHECK(is_shared_cgn_space(*parse_ipv4("100.64.0.1").value));
  CHECK(is_shared_cgn_space(*parse_ipv4("100.127.255.255").value));
  CHECK_FALSE(is_shared_cgn_space(*parse_ipv4("100.128.0.0").value));
  CHECK_FALSE(is_rfc1918(*parse_ipv4("100.64.0.1").value));
  CHECK(is_loopback(*parse_ipv4("127.0.0.1").value));
}

TEST_CASE("address: transports by their /etc/services names") {
  CHECK(*parse_transport("udp").value == Transport::Udp);
  CHECK(std::string(to_string(Transport::Dccp)) == "dccp");
  CHECK(parse_transport("TCP").error == "transport 'TCP' is not one of tcp, udp, sctp, dccp");
}
