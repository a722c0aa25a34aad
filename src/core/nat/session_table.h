// The NAT box's table of live sessions (its "mapping table").
//
// Each session is findable three ways, as in Linux conntrack:
//  - by either direction's tuple (one hash probe per packet);
//  - by inside endpoint (sessions whose source translation a new flow may
//    reuse, newest first: nf_nat_bysource);
//  - by public endpoint (who uses an external ip:port: filtering and
//    "is this port free" for NATs that never overload a port).
// The table never holds more than `capacity` sessions.
#pragma once

#include <cstddef>
#include <vector>

#include "core/nat/flat_index.h"
#include "core/nat/session.h"

namespace portlab::nat {

class SessionTable {
 public:
  explicit SessionTable(size_t capacity) : capacity_(capacity) {}

  struct Hit {
    uint32_t id = kNoSession;
    bool reply = false;  // the packet travels in the reply direction
  };

  // The session a packet (proto, src -> dst) belongs to, in either direction.
  Hit find(net::Transport proto, const net::Endpoint& src, const net::Endpoint& dst) const {
    uint32_t v = tuples_.find(tuple_key(proto, src, dst));
    if (v == FlatIndex<TupleKey>::kNone) return {};
    return {v >> 1, (v & 1) != 0};
  }
  // Cache warm-up for a burst: the index slot of a packet, then its session.
  void prefetch_tuple(net::Transport proto, const net::Endpoint& src,
                      const net::Endpoint& dst) const {
    tuples_.prefetch(tuple_key(proto, src, dst));
  }
  void prefetch_session(uint32_t id) const { __builtin_prefetch(&sessions_[id]); }
  bool tuple_in_use(net::Transport proto, const net::Endpoint& src,
                    const net::Endpoint& dst) const {
    return find(proto, src, dst).id != kNoSession;
  }

  // Adds a session; returns its id, or kNoSession when the table is full or
  // one of its tuples already belongs to another session (a clash).
  uint32_t insert(const Session& s);
  void erase(uint32_t id);

  Session& get(uint32_t id) { return sessions_[id]; }
  const Session& get(uint32_t id) const { return sessions_[id]; }

  // Newest source mapping of an inside endpoint, then the next older one.
  uint32_t first_of_internal(net::Transport proto, const net::Endpoint& internal) const;
  uint32_t next_of_internal(uint32_t id) const { return sessions_[id].internal_next; }
  // Sessions whose public side is this endpoint, newest first.
  uint32_t first_of_external(net::Transport proto, const net::Endpoint& external) const;
  uint32_t next_of_external(uint32_t id) const { return sessions_[id].external_next; }

  size_t size() const { return live_; }
  size_t capacity() const { return capacity_; }
  bool full() const { return live_ >= capacity_; }
  void reserve(size_t sessions);

  // Live sessions, oldest first.
  std::vector<uint32_t> by_age() const;
  // Sessions whose timer has run out at `now`, in the order they expired.
  std::vector<uint32_t> due(sim::Millis now) const;
  // The oldest session that is not ASSURED (what Linux evicts first when
  // its table is full), or kNoSession.
  uint32_t oldest_unassured() const;

 private:
  void link(FlatIndex<EndpointKey>& heads, const EndpointKey& key, uint32_t id,
            uint32_t Session::*prev, uint32_t Session::*next);
  void unlink(FlatIndex<EndpointKey>& heads, const EndpointKey& key, uint32_t id,
              uint32_t Session::*prev, uint32_t Session::*next);

  size_t capacity_;
  size_t live_ = 0;
  uint64_t next_serial_ = 1;
  std::vector<Session> sessions_;
  std::vector<uint32_t> free_;
  FlatIndex<TupleKey> tuples_;  // value: id << 1 | reply-direction bit
  FlatIndex<EndpointKey> internal_heads_;
  FlatIndex<EndpointKey> external_heads_;
};

}  // namespace portlab::nat
