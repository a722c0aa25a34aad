// Open-addressing hash indexes for the NAT session table.
//
// The table is on the per-packet path (the benchmark pushes millions of
// packets a second through 60,000 mappings), so lookups must not allocate
// and should touch as little memory as possible: keys are packed into one
// or two machine words, values are 32-bit session numbers, collisions are
// resolved by linear probing and deletion shifts entries back (no
// tombstones, so a long-running table never degrades).
#pragma once

#include <cstdint>
#include <vector>

#include "core/net/address.h"

namespace portlab::nat {

// (transport, source endpoint, destination endpoint): one direction of a
// connection, as conntrack hashes it.
struct TupleKey {
  uint64_t addresses = 0;  // source address << 32 | destination address
  uint32_t ports = 0;      // source port << 16 | destination port
  uint32_t proto = 0;
  bool operator==(const TupleKey& o) const {
    return addresses == o.addresses && ports == o.ports && proto == o.proto;
  }
};

inline TupleKey tuple_key(net::Transport proto, const net::Endpoint& src,
                          const net::Endpoint& dst) {
  return {uint64_t{src.addr.bits} << 32 | dst.addr.bits, uint32_t{src.port} << 16 | dst.port,
          static_cast<uint32_t>(proto)};
}

// (transport, endpoint): who owns a mapping, or which public address:port.
struct EndpointKey {
  uint64_t packed = 0;
  bool operator==(const EndpointKey& o) const { return packed == o.packed; }
};

inline EndpointKey endpoint_key(net::Transport proto, const net::Endpoint& e) {
  return {uint64_t{e.addr.bits} << 24 | uint64_t{e.port} << 8 | static_cast<uint64_t>(proto)};
}

// A 64-bit finaliser (from splitmix64): spreads nearby keys (consecutive
// ports) over the whole table.
inline uint64_t mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline uint64_t hash_of(const TupleKey& k) {
  return mix64(k.addresses ^ (uint64_t{k.ports} << 3 | k.proto) * 0x9e3779b97f4a7c15ULL);
}
inline uint64_t hash_of(const EndpointKey& k) { return mix64(k.packed); }

template <typename Key>
class FlatIndex {
 public:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;

  FlatIndex() { slots_.resize(kInitialSlots); }

  uint32_t find(const Key& key) const {
    size_t mask = slots_.size() - 1;
    for (size_t i = hash_of(key) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.value == kNone) return kNone;
      if (s.key == key) return s.value;
    }
  }

  // Adds or replaces.
  void insert(const Key& key, uint32_t value) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    size_t mask = slots_.size() - 1;
    for (size_t i = hash_of(key) & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.value == kNone) {
        s = {key, value};
        ++count_;
        return;
      }
      if (s.key == key) {
        s.value = value;
        return;
      }
    }
  }

  void erase(const Key& key) {
    size_t mask = slots_.size() - 1;
    size_t i = hash_of(key) & mask;
    while (true) {
      if (slots_[i].value == kNone) return;
      if (slots_[i].key == key) break;
      i = (i + 1) & mask;
    }
    // Backward-shift deletion: pull later members of the probe run into the
    // hole whenever their home slot does not lie between the hole and them.
    size_t hole = i;
    for (size_t j = (i + 1) & mask; slots_[j].value != kNone; j = (j + 1) & mask) {
      size_t home = hash_of(slots_[j].key) & mask;
      bool stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
      if (stays) continue;
      slots_[hole] = slots_[j];
      hole = j;
    }
    slots_[hole].value = kNone;
    --count_;
  }

  // Starts loading the key's home slot into the cache (for bursts).
  void prefetch(const Key& key) const {
    __builtin_prefetch(&slots_[hash_of(key) & (slots_.size() - 1)]);
  }

  size_t size() const { return count_; }

  void reserve(size_t entries) {
    while (entries * 2 > slots_.size()) grow();
  }

 private:
  struct Slot {
    Key key;
    uint32_t value = kNone;
  };
  static constexpr size_t kInitialSlots = 64;

  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.size() * 2, Slot{});
    count_ = 0;
    for (const Slot& s : old)
      if (s.value != kNone) insert(s.key, s.value);
  }

  std::vector<Slot> slots_;
  size_t count_ = 0;
};

}  // namespace portlab::nat
