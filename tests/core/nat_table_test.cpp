// The mapping table: bounded size with a clear drop reason, and the hash
// index underneath it.
#include <doctest/doctest.h>

#include <map>

#include "core/nat/flat_index.h"
#include "core/sim/random.h"
#include "nat_lab.h"

using namespace portlab;
using namespace portlab::nat;
using testing::NatLab;

TEST_CASE(
    "table: a full table drops new flows with a reason naming the limit; known flows "
    "still pass") {
  Profile p = *find_profile("port_restricted_cone");
  p.max_mappings = 3;
  NatLab lab(p);
  CHECK(lab.udp_port("10.0.1.2:5000", "198.51.100.7:9000") != 0);
  CHECK(lab.udp_port("10.0.1.2:5001", "198.51.100.7:9000") != 0);
  CHECK(lab.udp_port("10.0.1.2:5002", "198.51.100.7:9000") != 0);
  Trace t;
  CHECK(lab.udp("10.0.1.2:5003", "198.51.100.7:9000", &t).action == Action::Dropped);
  CHECK(t.reason ==
        "The router's table already holds its maximum of 3 entries (max_mappings), "
        "so the new flow is dropped.");
  CHECK(lab.udp("10.0.1.2:5000", "198.51.100.7:9000").action == Action::Translated);
  lab.advance_seconds(300);
  CHECK(lab.udp("10.0.1.2:5003", "198.51.100.7:9000").action == Action::Translated);
}

TEST_CASE(
    "table: Linux makes room by evicting an unassured entry, and drops only when every "
    "entry is assured") {
  Profile p = *find_profile("linux");
  p.max_mappings = 2;
  NatLab lab(p);
  lab.udp("10.0.1.2:5000", "198.51.100.7:9000");
  lab.udp("10.0.1.2:5001", "198.51.100.7:9000");
  Trace evict;
  CHECK(lab.udp("10.0.1.2:5002", "198.51.100.7:9000", &evict).action == Action::Translated);
  CHECK(testing::has_step(evict, "mapping-evicted"));
  CHECK(lab.sessions() == 2);
  // Make both live entries ASSURED (reply, then traffic after 2 s).
  for (const char* port : {"203.0.113.1:5001", "203.0.113.1:5002"})
    lab.udp("198.51.100.7:9000", port);
  lab.advance_seconds(3);
  lab.udp("10.0.1.2:5001", "198.51.100.7:9000");
  lab.udp("10.0.1.2:5002", "198.51.100.7:9000");
  Trace t;
  CHECK(lab.udp("10.0.1.2:5003", "198.51.100.7:9000", &t).action == Action::Dropped);
  CHECK(t.reason.find("maximum of 2 entries") != std::string::npos);
}

TEST_CASE("table: the hash index agrees with std::map through random inserts and erases") {
  FlatIndex<EndpointKey> index;
  std::map<uint64_t, uint32_t> model;
  sim::Random random(3);
  for (int i = 0; i < 20000; ++i) {
    uint64_t key = random.below(2000);
    if (random.below(3) == 0) {
      index.erase({key});
      model.erase(key);
    } else {
      uint32_t value = static_cast<uint32_t>(random.below(1000000));
      index.insert({key}, value);
      model[key] = value;
    }
  }
  CHECK(index.size() == model.size());
  for (uint64_t key = 0; key < 2000; ++key) {
    auto it = model.find(key);
    CHECK(index.find({key}) == (it == model.end() ? FlatIndex<EndpointKey>::kNone : it->second));
  }
}

TEST_CASE("table: sessions are listed oldest first and expire in timer order") {
  NatLab lab("linux");
  lab.udp("10.0.1.2:5000", "198.51.100.7:9000");
  lab.advance_seconds(10);
  lab.udp("10.0.1.3:5000", "198.51.100.7:9000");
  const SessionTable& table = lab.network.router().sessions();
  auto ids = table.by_age();
  REQUIRE(ids.size() == 2);
  CHECK(table.get(ids[0]).internal == testing::ep("10.0.1.2:5000"));
  Trace t;
  lab.network.advance(sim::seconds(30), &t);
  CHECK(lab.sessions() == 0);
  std::vector<std::string> expired;
  for (const Step& s : t.steps)
    if (s.kind == "mapping-expired") expired.push_back(s.explanation);
  REQUIRE(expired.size() == 2);
  CHECK(expired[0].find("10.0.1.2:5000") != std::string::npos);
}

TEST_CASE("table: a burst gives the same translations as one packet at a time") {
  sim::SimClock clock;
  DeviceConfig config;
  config.inside = *net::parse_prefix("10.0.1.1/24").value;
  config.outside = testing::ip("203.0.113.1");
  NatDevice one(*find_profile("linux"), config, clock, 4);
  NatDevice burst(*find_profile("linux"), config, clock, 4);
  std::vector<Packet> packets;
  for (uint32_t i = 0; i < 40; ++i)
    packets.push_back({net::Transport::Udp,
                       {{0x0A000102u + i % 3}, static_cast<uint16_t>(5000 + i % 7)},
                       {{0xC6336407u + i % 2}, 9000},
                       0});
  std::vector<Packet> copy = packets;
  std::vector<Outcome> outcomes(packets.size());
  burst.process_burst(copy.data(), outcomes.data(), copy.size(), Side::Inside);
  for (size_t i = 0; i < packets.size(); ++i) {
    Packet p = packets[i];
    Outcome o = one.process(p, Side::Inside, nullptr);
    CHECK(o.dropped == outcomes[i].dropped);
    CHECK(p.src == copy[i].src);
    CHECK(p.dst == copy[i].dst);
  }
  CHECK(one.sessions().size() == burst.sessions().size());
}

TEST_CASE("table: a flow dropped for a full table does not keep a pool address or port block") {
  Topology t = testing::home_lan();
  t.pool = {testing::ip("203.0.113.10"), testing::ip("203.0.113.11")};
  Profile p = *find_profile("full_cone");
  p.max_mappings = 1;
  NatLab lab(p, t);
  CHECK(lab.udp("10.0.1.2:5000", "198.51.100.7:9000").action == Action::Translated);
  CHECK(lab.udp("10.0.1.3:5000", "198.51.100.7:9000").action == Action::Dropped);
  CHECK(lab.network.router().pool_holder(testing::ip("203.0.113.11")) == nullptr);

  Topology carrier;
  carrier.lan = *net::parse_prefix("100.64.0.1/10").value;
  carrier.wan = testing::ip("198.51.100.1");
  Profile cgn = *find_profile("cgn");
  cgn.max_mappings = 1;
  NatLab cg(cgn, carrier);
  CHECK(cg.udp("100.64.0.2:5000", "203.0.113.50:9000").action == Action::Translated);
  CHECK(cg.udp("100.64.0.3:5000", "203.0.113.50:9000").action == Action::Dropped);
  CHECK(cg.network.router().port_blocks().blocks_of(testing::ip("100.64.0.3")).empty());
}
