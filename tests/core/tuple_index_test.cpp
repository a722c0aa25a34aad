#include <doctest/doctest.h>

#include <map>
#include <tuple>

#include "core/host/tuple_index.h"
#include "core/sim/random.h"

using portlab::host::Tuple;
using portlab::host::TupleIndex;

namespace {
struct Less {
  bool operator()(const Tuple& a, const Tuple& b) const {
    return std::tie(a.local_addr, a.remote_addr, a.local_port, a.remote_port) <
           std::tie(b.local_addr, b.remote_addr, b.local_port, b.remote_port);
  }
};
}  // namespace

TEST_CASE("tuple index: agrees with std::map through random inserts and erases") {
  TupleIndex index;
  std::map<Tuple, uint32_t, Less> model;
  portlab::sim::Random random(3);
  for (uint32_t step = 0; step < 20000; ++step) {
    // A small key space forces collisions, clusters and wrap-around.
    Tuple t{static_cast<uint32_t>(random.below(4)), 7, static_cast<uint16_t>(random.below(300)),
            static_cast<uint16_t>(random.below(3))};
    if (random.below(3) == 0) {
      auto it = model.find(t);
      if (it != model.end()) {
        index.erase(t, it->second + 1);  // the wrong value leaves it alone
        CHECK(index.find(t) == it->second);
        index.erase(t, it->second);
        model.erase(it);
      }
    } else {
      index.insert(t, step);
      model[t] = step;
    }
    CHECK(index.find(t) == (model.count(t) ? model[t] : TupleIndex::kNone));
  }
  CHECK(index.size() == model.size());
  for (const auto& [t, v] : model) CHECK(index.find(t) == v);
}
