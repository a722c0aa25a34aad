#include "core/host/tuple_index.h"

namespace portlab::host {

size_t TupleIndex::home(const Tuple& t) const {
  // splitmix64's finaliser over the 96 bits folded into 64.
  uint64_t x = (uint64_t{t.local_addr} << 32 | t.remote_addr) ^
               (uint64_t{t.local_port} << 16 | t.remote_port) * 0x9E3779B97F4A7C15ull;
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  x ^= x >> 31;
  return static_cast<size_t>(x) & (entries_.size() - 1);
}

uint32_t TupleIndex::find(const Tuple& t) const {
  if (size_ == 0) return kNone;
  const size_t mask = entries_.size() - 1;
  for (size_t i = home(t);; i = (i + 1) & mask) {
    const Entry& e = entries_[i];
    if (e.value == kNone) return kNone;
    if (e.key == t) return e.value;
  }
}

void TupleIndex::insert(const Tuple& t, uint32_t value) {
  if ((size_ + 1) * 2 > entries_.size()) grow();
  const size_t mask = entries_.size() - 1;
  for (size_t i = home(t);; i = (i + 1) & mask) {
    Entry& e = entries_[i];
    if (e.value == kNone) {
      e = {t, value};
      ++size_;
      return;
    }
    if (e.key == t) {
      e.value = value;
      return;
    }
  }
}

void TupleIndex::erase(const Tuple& t, uint32_t value) {
  if (size_ == 0) return;
  const size_t mask = entries_.size() - 1;
  size_t i = home(t);
  while (true) {
    if (entries_[i].value == kNone) return;
    if (entries_[i].key == t) break;
    i = (i + 1) & mask;
  }
  if (entries_[i].value != value) return;
  // Backward-shift deletion: pull later entries of the cluster into the gap
  // when their home position allows, so no tombstones are needed.
  size_t gap = i;
  for (size_t j = (gap + 1) & mask; entries_[j].value != kNone; j = (j + 1) & mask) {
    const size_t h = home(entries_[j].key);
    // Move j into gap unless its home lies cyclically in (gap, j].
    const bool stays = gap <= j ? (gap < h && h <= j) : (gap < h || h <= j);
    if (stays) continue;
    entries_[gap] = entries_[j];
    gap = j;
  }
  entries_[gap].value = kNone;
  --size_;
}

void TupleIndex::grow() {
  std::vector<Entry> old = std::move(entries_);
  entries_.assign(old.empty() ? 64 : old.size() * 2, Entry{});
  size_ = 0;
  for (const Entry& e : old)
    if (e.value != kNone) insert(e.key, e.value);
}

}  // namespace portlab::host
