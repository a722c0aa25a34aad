#include "core/nat/port_blocks.h"

namespace portlab::nat {
namespace {
// Blocks are carved from the dynamic ports 1024-65535 (64512 of them).
constexpr int kFirstPort = 1024;
constexpr int kPorts = 65536 - kFirstPort;
}  // namespace

PortBlocks::PortBlocks(int block_size, int blocks_per_subscriber)
    : block_size_(block_size), per_subscriber_(blocks_per_subscriber) {
  if (block_size_ > 0) taken_.assign(kPorts / block_size_, false);
}

PortRange PortBlocks::block(int index) const {
  int lo = kFirstPort + index * block_size_;
  return {static_cast<uint16_t>(lo), static_cast<uint16_t>(lo + block_size_ - 1)};
}

const std::vector<PortRange>& PortBlocks::blocks_of(net::Ipv4 subscriber) const {
  static const std::vector<PortRange> none;
  auto it = holders_.find(subscriber.bits);
  return it == holders_.end() ? none : it->second.blocks;
}

std::optional<PortRange> PortBlocks::grant(net::Ipv4 subscriber, sim::Random& random) {
  if (!enabled() || taken_.empty()) return std::nullopt;
  Holder& h = holders_[subscriber.bits];
  if (static_cast<int>(h.blocks.size()) >= per_subscriber_) return std::nullopt;
  int count = static_cast<int>(taken_.size());
  int start = static_cast<int>(random.below(static_cast<uint64_t>(count)));
  for (int i = 0; i < count; ++i) {
    int index = (start + i) % count;
    if (taken_[index]) continue;
    taken_[index] = true;
    h.blocks.push_back(block(index));
    h.indexes.push_back(index);
    return h.blocks.back();
  }
  if (h.blocks.empty() && h.sessions == 0) holders_.erase(subscriber.bits);
  return std::nullopt;
}

void PortBlocks::session_added(net::Ipv4 subscriber) {
  if (enabled()) ++holders_[subscriber.bits].sessions;
}

void PortBlocks::session_removed(net::Ipv4 subscriber) {
  auto it = holders_.find(subscriber.bits);
  if (it == holders_.end()) return;
  --it->second.sessions;
  release_if_idle(subscriber);
}

void PortBlocks::release_if_idle(net::Ipv4 subscriber) {
  auto it = holders_.find(subscriber.bits);
  if (it == holders_.end() || it->second.sessions > 0) return;
  for (int index : it->second.indexes) taken_[index] = false;
  holders_.erase(it);
}

}  // namespace portlab::nat
