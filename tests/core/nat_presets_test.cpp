// The classic presets (R5.4): after 10.0.1.2:5000 sends to 198.51.100.7:9000,
// which outside endpoints can reach it through its mapping?
#include <doctest/doctest.h>

#include "nat_lab.h"

using namespace portlab;
using namespace portlab::nat;
using testing::ep;
using testing::NatLab;

namespace {

struct Reach {
  bool exact_peer;
  bool same_host_other_port;
  bool other_host_same_port;
  bool other_host_other_port;
};

Reach reach_after_outbound(const char* preset) {
  NatLab lab(preset);
  Delivery out = lab.udp("10.0.1.2:5000", "198.51.100.7:9000");
  REQUIRE(out.action == Action::Translated);
  std::string mapped = net::to_string(out.packet.src);
  auto reaches = [&](const char* from) {
    Delivery d = lab.udp(from, mapped.c_str());
    if (d.action != Action::Delivered) return false;
    CHECK(d.packet.dst == ep("10.0.1.2:5000"));
    return true;
  };
  Reach r;
  r.same_host_other_port = reaches("198.51.100.7:9001");
  r.other_host_same_port = reaches("198.51.100.8:9000");
  r.other_host_other_port = reaches("198.51.100.8:9001");
  r.exact_peer = reaches("198.51.100.7:9000");
  return r;
}

// Endpoint-independent mapping: a second destination sees the same port.
bool keeps_mapping(const char* preset) {
  NatLab lab(preset);
  uint16_t first = lab.udp_port("10.0.1.2:5000", "198.51.100.7:9000");
  uint16_t second = lab.udp_port("10.0.1.2:5000", "198.51.100.8:9000");
  return first != 0 && first == second;
}

}  // namespace

TEST_CASE("R5.4 full cone (EIM+EIF): every outside host and port reaches the mapping") {
  Reach r = reach_after_outbound("full_cone");
  CHECK(r.exact_peer);
  CHECK(r.same_host_other_port);
  CHECK(r.other_host_same_port);
  CHECK(r.other_host_other_port);
  CHECK(keeps_mapping("full_cone"));
}

TEST_CASE("R5.4 restricted cone (EIM+ADF): any port of the contacted host, no other host") {
  Reach r = reach_after_outbound("restricted_cone");
  CHECK(r.exact_peer);
  CHECK(r.same_host_other_port);
  CHECK_FALSE(r.other_host_same_port);
  CHECK_FALSE(r.other_host_other_port);
  CHECK(keeps_mapping("restricted_cone"));
}

TEST_CASE("R5.4 port-restricted cone (EIM+APDF): only the exact ip:port contacted") {
  Reach r = reach_after_outbound("port_restricted_cone");
  CHECK(r.exact_peer);
  CHECK_FALSE(r.same_host_other_port);
  CHECK_FALSE(r.other_host_same_port);
  CHECK_FALSE(r.other_host_other_port);
  CHECK(keeps_mapping("port_restricted_cone"));
}

TEST_CASE("R5.4 symmetric (APDM+APDF): only the exact peer, and a new port per destination") {
  Reach r = reach_after_outbound("symmetric");
  CHECK(r.exact_peer);
  CHECK_FALSE(r.same_host_other_port);
  CHECK_FALSE(r.other_host_same_port);
  CHECK_FALSE(r.other_host_other_port);
  CHECK_FALSE(keeps_mapping("symmetric"));
  NatLab lab("symmetric");
  uint16_t a = lab.udp_port("10.0.1.2:5000", "198.51.100.7:9000");
  uint16_t b = lab.udp_port("10.0.1.2:5000", "198.51.100.7:9001");
  uint16_t c = lab.udp_port("10.0.1.2:5000", "198.51.100.8:9000");
  CHECK(a != b);
  CHECK(a != c);
  CHECK(b != c);
}

TEST_CASE("R5.4 a filtered packet's reason names the filtering and who may send") {
  NatLab lab("restricted_cone");
  uint16_t port = lab.udp_port("10.0.1.2:5000", "198.51.100.7:9000");
  Trace t;
  std::string to = "203.0.113.1:" + std::to_string(port);
  CHECK(lab.udp("198.51.100.8:9000", to.c_str(), &t).action == Action::Dropped);
  CHECK(t.reason.find("ADF filtering only admits 198.51.100.7") != std::string::npos);
}

TEST_CASE("R5.4 address-dependent mapping reuses a port per remote address only") {
  Profile p = *find_profile("port_restricted_cone");
  p.mapping = Mapping::AddressDependent;
  NatLab lab(p);
  uint16_t a = lab.udp_port("10.0.1.2:5000", "198.51.100.7:9000");
  CHECK(lab.udp_port("10.0.1.2:5000", "198.51.100.7:9001") == a);
  CHECK(lab.udp_port("10.0.1.2:5000", "198.51.100.8:9000") != a);
}

TEST_CASE("R5.5 cone presets do not hairpin unless asked to") {
  NatLab lab("full_cone");
  uint16_t port = lab.udp_port("10.0.1.2:5000", "198.51.100.7:9000");
  std::string to = "203.0.113.1:" + std::to_string(port);
  Trace t;
  CHECK(lab.udp("10.0.1.3:6000", to.c_str(), &t).action == Action::Dropped);
  CHECK(t.reason.find("Hairpinning is off") != std::string::npos);
}
