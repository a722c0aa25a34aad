// Port forwarding rules (§5.1 DNAT): validation messages and range mapping.
#include <doctest/doctest.h>

#include "nat_lab.h"

using namespace portlab;
using namespace portlab::nat;
using testing::ip;

namespace {

const net::Prefix kLan = *net::parse_prefix("192.168.1.1/24").value;

ForwardRule rule(ForwardProto proto, uint16_t lo, uint16_t hi, const char* target, uint16_t port) {
  ForwardRule r;
  r.proto = proto;
  r.external = {lo, hi};
  r.target = ip(target);
  r.target_port = port;
  return r;
}

std::string problem_adding(const std::vector<ForwardRule>& before, const ForwardRule& r) {
  ForwardTable table;
  for (const ForwardRule& b : before) REQUIRE(table.add(b, kLan).empty());
  return table.add(r, kLan);
}

const ForwardProto kTcp = ForwardProto::Tcp;
const ForwardProto kUdp = ForwardProto::Udp;
const ForwardProto kBoth = ForwardProto::Both;

}  // namespace

TEST_CASE("forwarding: unusable ports, inverted ranges and targets outside the LAN are refused") {
  CHECK(problem_adding({}, rule(kTcp, 0, 0, "192.168.1.20", 80)) ==
        "forward 1 (tcp 0 -> 192.168.1.20:80): external port 0 is not a usable port; forwards "
        "need ports 1-65535.");
  CHECK(problem_adding({}, rule(kTcp, 80, 80, "192.168.1.20", 0)).find("internal port 0") !=
        std::string::npos);
  CHECK(problem_adding({}, rule(kTcp, 9000, 8000, "192.168.1.20", 80)) ==
        "forward 1 (tcp 9000-8000 -> 192.168.1.20:80): the external range 9000-8000 is inverted "
        "(its first port is above its last).");
  CHECK(problem_adding({}, rule(kTcp, 8081, 8081, "10.0.0.5", 80)) ==
        "forward 1 (tcp 8081 -> 10.0.0.5:80): the target 10.0.0.5 is outside the inside network "
        "192.168.1.0/24, so the router cannot deliver to it.");
  CHECK(problem_adding({}, rule(kTcp, 8081, 8081, "192.168.1.1", 80)).find("router's own") !=
        std::string::npos);
  CHECK(problem_adding({}, rule(kTcp, 8081, 8081, "192.168.1.255", 80)).find("broadcast") !=
        std::string::npos);
  CHECK(problem_adding({}, rule(kTcp, 8081, 8081, "192.168.1.0", 80)).find("network address") !=
        std::string::npos);
  CHECK(problem_adding({}, rule(kTcp, 9000, 9009, "192.168.1.20", 65530)).find("past 65535") !=
        std::string::npos);
}

TEST_CASE(
    "forwarding: duplicate, shadowed and overlapping rules are refused with the rule they "
    "clash with") {
  ForwardRule web = rule(kTcp, 8081, 8081, "192.168.1.20", 80);
  CHECK(problem_adding({web}, web) ==
        "forward 2 (tcp 8081 -> 192.168.1.20:80) duplicates forward 1 (tcp 8081 -> "
        "192.168.1.20:80).");
  ForwardRule wide = rule(kBoth, 8000, 8100, "192.168.1.30", 8000);
  CHECK(problem_adding({wide}, rule(kTcp, 8081, 8081, "192.168.1.20", 80)) ==
        "forward 2 (tcp 8081 -> 192.168.1.20:80) is shadowed by forward 1 (tcp+udp 8000-8100 -> "
        "192.168.1.30:8000-8100), which already takes every packet it would match, so it could "
        "never apply.");
  CHECK(problem_adding({web}, rule(kTcp, 8080, 8090, "192.168.1.30", 8080)) ==
        "forward 2 (tcp 8080-8090 -> 192.168.1.30:8080-8090) overlaps forward 1 (tcp 8081 -> "
        "192.168.1.20:80) on port 8081: a packet there would match both.");
  // Same port, other transport: no clash.
  CHECK(problem_adding({web}, rule(kUdp, 8081, 8081, "192.168.1.30", 53)).empty());
  // A "both" rule over an existing udp rule overlaps (it is not shadowed by it).
  CHECK(problem_adding({rule(kUdp, 53, 53, "192.168.1.30", 53)},
                       rule(kBoth, 53, 53, "192.168.1.30", 53))
            .find("overlaps") != std::string::npos);
}

TEST_CASE("forwarding: a range maps onto a range of the same size, and ports may differ") {
  ForwardRule r = rule(kUdp, 9000, 9009, "192.168.1.20", 7000);
  CHECK(describe(r) == "udp 9000-9009 -> 192.168.1.20:7000-7009");
  CHECK(r.target_for(9005) == testing::ep("192.168.1.20:7005"));
  CHECK(r.matches(net::Transport::Udp, 9009));
  CHECK_FALSE(r.matches(net::Transport::Udp, 9010));
  CHECK_FALSE(r.matches(net::Transport::Tcp, 9005));
}

TEST_CASE("forwarding: the scenario reports a bad rule at its JSON path") {
  auto error_for = [](const char* forwards) {
    std::string text = std::string(R"({"profile":"linux","router":{"lan":"192.168.1.1/24",)") +
                       R"("wan":"203.0.113.1"},"forwards":)" + forwards + R"(,"events":[]})";
    return parse_scenario(text).error;
  };
  CHECK(error_for(R"([{"proto":"tcp","external_port":8081,"internal":"192.168.1.20:80"},
                      {"proto":"tcp","external_port":"8000-8100","internal":"192.168.1.30"}])")
            .find("$.forwards[1]: forward 2 (tcp 8000-8100 -> 192.168.1.30:8000-8100) overlaps") ==
        0);
  CHECK(error_for(R"([{"proto":"tcp","external_port":"9000-9009",
                       "internal":"192.168.1.20:7000-7004"}])")
            .find("$.forwards[0].internal: the internal range 7000-7004 has 5 ports") == 0);
  CHECK(error_for(R"([{"proto":"icmp","external_port":1,"internal":"192.168.1.20"}])")
            .find("$.forwards[0].proto: ") == 0);
  CHECK(error_for(R"([{"proto":"tcp","external_port":70000,"internal":"192.168.1.20"}])")
            .find("$.forwards[0].external_port: ") == 0);
}
