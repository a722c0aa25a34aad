// An open-addressing hash from TCP 4-tuples to socket slots. connect()
// asks "is this 4-tuple taken?" for nearly every port it looks at, so the
// table is one flat array (16 bytes an entry, linear probing, at most half
// full) instead of a node-based map: one cache line per question.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace portlab::host {

// TCP connection identity (the 4-tuple of section 3.5).
struct Tuple {
  uint32_t local_addr = 0;
  uint32_t remote_addr = 0;
  uint16_t local_port = 0;
  uint16_t remote_port = 0;
  bool operator==(const Tuple& o) const {
    return local_addr == o.local_addr && remote_addr == o.remote_addr &&
           local_port == o.local_port && remote_port == o.remote_port;
  }
};

class TupleIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  uint32_t find(const Tuple& t) const;
  // Maps t to value (replacing an earlier value).
  void insert(const Tuple& t, uint32_t value);
  // Removes t if it maps to value.
  void erase(const Tuple& t, uint32_t value);
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  struct Entry {
    Tuple key;
    uint32_t value = kNone;  // kNone marks a free entry
  };
  size_t home(const Tuple& t) const;
  void grow();

  std::vector<Entry> entries_;
  size_t size_ = 0;
};

}  // namespace portlab::host
