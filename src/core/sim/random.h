// Deterministic randomness for the simulations.
//
// Every engine that "picks a random port" takes its numbers from a Random
// seeded by the caller, so the same seed replays the same session on every
// platform (native and wasm give identical sequences: only 64-bit integer
// arithmetic is used, never the standard library's distributions, whose
// output differs between implementations).
#pragma once

#include <cstdint>

namespace portlab::sim {

// xoshiro256** (Blackman & Vigna, 2018), seeded through splitmix64 so that
// small seeds such as 1, 2, 3 still give unrelated streams.
class Random {
 public:
  explicit Random(uint64_t seed = 1);
  // Inline: the Linux host fills a 65536-entry table from it per session.
  uint64_t next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, bound) without modulo bias; bound 0 returns 0.
  uint64_t below(uint64_t bound);
  // Uniform in [lo, hi], inclusive.
  uint64_t between(uint64_t lo, uint64_t hi) { return lo + below(hi - lo + 1); }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

// SipHash-2-4 of up to four 64-bit words under a 128-bit key (Aumasson &
// Bernstein, 2012). Linux derives its per-destination ephemeral offset from
// SipHash (secure_ipv4_port_ephemeral); the simulation does the same with a
// key drawn from the session seed.
struct HashKey {
  uint64_t k0 = 0, k1 = 0;
};
uint64_t siphash(const HashKey& key, const uint64_t* words, int count);

}  // namespace portlab::sim
