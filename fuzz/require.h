// A fuzz target's promises: a broken one aborts, so libFuzzer keeps the
// input (and the corpus replay, fuzz/replay_main.cpp, fails).
#pragma once

#include <cstdlib>

namespace portlab::fuzz {

inline void require(bool promise) {
  if (!promise) std::abort();
}

}  // namespace portlab::fuzz
