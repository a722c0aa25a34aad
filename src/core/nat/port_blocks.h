// Port block allocation for a carrier-grade NAT (§5.4, R5.6; RFC 6888
// REQ-4 per-subscriber port limit). Each subscriber (an inside address in
// 100.64.0.0/10) is handed whole blocks of `block_size` public ports,
// chosen at random among the free ones, and may use only those; a block
// returns to the pool when the subscriber's last session through it ends.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "core/nat/profile.h"
#include "core/sim/random.h"

namespace portlab::nat {

class PortBlocks {
 public:
  PortBlocks() = default;
  PortBlocks(int block_size, int blocks_per_subscriber);

  bool enabled() const { return block_size_ > 0; }
  int block_size() const { return block_size_; }
  int blocks_per_subscriber() const { return per_subscriber_; }
  int block_count() const { return static_cast<int>(taken_.size()); }

  // The blocks a subscriber holds (empty when none).
  const std::vector<PortRange>& blocks_of(net::Ipv4 subscriber) const;
  // Hands the subscriber one more free block if its quota allows.
  std::optional<PortRange> grant(net::Ipv4 subscriber, sim::Random& random);
  // Session accounting: a subscriber's blocks are released at zero.
  void session_added(net::Ipv4 subscriber);
  void session_removed(net::Ipv4 subscriber);
  // Returns the subscriber's blocks if no session uses them.
  void release_if_idle(net::Ipv4 subscriber);

 private:
  struct Holder {
    std::vector<PortRange> blocks;
    std::vector<int> indexes;
    long sessions = 0;
  };
  PortRange block(int index) const;

  int block_size_ = 0;
  int per_subscriber_ = 0;
  std::vector<bool> taken_;
  std::map<uint32_t, Holder> holders_;
};

}  // namespace portlab::nat
