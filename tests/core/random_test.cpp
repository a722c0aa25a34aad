#include <doctest/doctest.h>

#include <set>

#include "core/sim/clock.h"
#include "core/sim/random.h"

using namespace portlab::sim;

TEST_CASE("random: the same seed gives the same stream, another seed another stream") {
  Random a(42), b(42), c(43);
  for (int i = 0; i < 100; ++i) {
    uint64_t x = a.next();
    CHECK(x == b.next());
    CHECK(x != c.next());
  }
}

TEST_CASE("random: below() stays in bounds and reaches every value") {
  Random r(7);
  std::set<uint64_t> seen;
  for (int i = 0; i < 2000; ++i) {
    uint64_t v = r.below(10);
    REQUIRE(v < 10);
    seen.insert(v);
  }
  CHECK(seen.size() == 10);
  CHECK(r.below(0) == 0);
  CHECK(r.between(5, 5) == 5);
}

TEST_CASE("random: SipHash-2-4 matches the reference test vector") {
  // Aumasson & Bernstein, "SipHash: a fast short-input PRF", appendix A:
  // key 00..0f, message 00..07 -> 62 24 93 9a 79 f5 f5 93 (little endian).
  HashKey key{0x0706050403020100ull, 0x0f0e0d0c0b0a0908ull};
  uint64_t word = 0x0706050403020100ull;
  CHECK(siphash(key, &word, 1) == 0x93f5f5799a932462ull);
}

TEST_CASE("clock: simulated time only moves forward") {
  SimClock clock;
  clock.advance(seconds(1.5));
  CHECK(clock.now() == 1500);
  clock.advance(-10);
  CHECK(clock.now() == 1500);
  clock.set(1000);
  CHECK(clock.now() == 1500);
  clock.set(60 * kSecond);
  CHECK(clock.now() == 60000);
}
