// Simulated time. Engines never read a real clock: TIME_WAIT, conntrack and
// lease timers all run on a SimClock the caller steps, so a lesson or a
// quiz replays identically and a test can jump five days in one call.
#pragma once

#include <cstdint>

namespace portlab::sim {

// Milliseconds since the simulation started.
using Millis = int64_t;

inline constexpr Millis kSecond = 1000;

constexpr Millis seconds(double s) { return static_cast<Millis>(s * 1000.0); }

class SimClock {
 public:
  Millis now() const { return now_; }
  void advance(Millis by) { now_ += by > 0 ? by : 0; }  // time never runs backwards
  void set(Millis at) { if (at > now_) now_ = at; }

 private:
  Millis now_ = 0;
};

}  // namespace portlab::sim
