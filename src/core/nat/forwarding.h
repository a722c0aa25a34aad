// Port forwarding (DNAT, §5.1): an external port or range on the router's
// public address sent on to an inside ip:port, for TCP, UDP or both. The
// external and internal ports may differ (8081 -> 80); a range maps onto a
// range of the same size (9000-9009 -> 7000-7009).
//
// Rules come from the configuration or, with a lease, from UPnP IGD,
// NAT-PMP and PCP requests (§5.3). A rule that could never work or would
// fight another rule is refused with a sentence saying why.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/nat/profile.h"
#include "core/net/address.h"

namespace portlab::nat {

enum class ForwardProto : uint8_t { Tcp, Udp, Both };
enum class ForwardOrigin : uint8_t { Config, Upnp, NatPmp, Pcp };

struct ForwardRule {
  int id = 0;  // 1-based, assigned by ForwardTable::add
  ForwardProto proto = ForwardProto::Tcp;
  PortRange external;        // on the public address
  net::Ipv4 target;          // inside host
  uint16_t target_port = 0;  // first inside port; port p maps to target_port + (p - external.lo)
  ForwardOrigin origin = ForwardOrigin::Config;
  std::optional<sim::Millis> expires_at;  // leases only

  bool covers(net::Transport t) const {
    return proto == ForwardProto::Both ||
           (proto == ForwardProto::Tcp) == (t == net::Transport::Tcp);
  }
  bool matches(net::Transport t, uint16_t port) const {
    return covers(t) && external.contains(port);
  }
  net::Endpoint target_for(uint16_t external_port) const {
    return {target, static_cast<uint16_t>(target_port + (external_port - external.lo))};
  }
};

const char* to_string(ForwardProto p);
const char* to_string(ForwardOrigin o);
// "tcp 8081 -> 192.168.1.20:80", "udp 9000-9009 -> 192.168.1.20:7000-7009".
std::string describe(const ForwardRule& rule);

// Why `rule` cannot join `existing` on a box whose inside is `inside`
// (its own address and prefix); empty when it can. `name` is how the
// message calls the rule ("forward 2").
std::string forward_problem(const ForwardRule& rule, const std::string& name,
                            const std::vector<ForwardRule>& existing, const net::Prefix& inside);

class ForwardTable {
 public:
  const std::vector<ForwardRule>& rules() const { return rules_; }
  // Adds the rule (giving it the next id) or returns why it cannot.
  std::string add(ForwardRule rule, const net::Prefix& inside);
  // The first rule matching a packet to external `port`, or nullptr.
  const ForwardRule* match(net::Transport proto, uint16_t port) const;
  ForwardRule* find(int id);
  void remove(int id);
  // Removes and returns the leases that have run out at `now`.
  std::vector<ForwardRule> expire(sim::Millis now);
  bool empty() const { return rules_.empty(); }

 private:
  std::vector<ForwardRule> rules_;
  int next_id_ = 1;
};

}  // namespace portlab::nat
