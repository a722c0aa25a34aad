#include "core/nat/session_table.h"

#include <algorithm>

namespace portlab::nat {

void SessionTable::reserve(size_t sessions) {
  sessions_.reserve(sessions);
  tuples_.reserve(sessions * 2);
  internal_heads_.reserve(sessions);
  external_heads_.reserve(sessions);
}

void SessionTable::link(FlatIndex<EndpointKey>& heads, const EndpointKey& key, uint32_t id,
                        uint32_t Session::*prev, uint32_t Session::*next) {
  uint32_t head = heads.find(key);
  Session& s = sessions_[id];
  s.*prev = kNoSession;
  s.*next = head == FlatIndex<EndpointKey>::kNone ? kNoSession : head;
  if (s.*next != kNoSession) sessions_[s.*next].*prev = id;
  heads.insert(key, id);
}

void SessionTable::unlink(FlatIndex<EndpointKey>& heads, const EndpointKey& key, uint32_t id,
                          uint32_t Session::*prev, uint32_t Session::*next) {
  Session& s = sessions_[id];
  if (s.*next != kNoSession) sessions_[s.*next].*prev = s.*prev;
  if (s.*prev != kNoSession) {
    sessions_[s.*prev].*next = s.*next;
  } else if (s.*next != kNoSession) {
    heads.insert(key, s.*next);
  } else {
    heads.erase(key);
  }
  s.*prev = s.*next = kNoSession;
}

uint32_t SessionTable::insert(const Session& session) {
  if (full()) return kNoSession;
  TupleKey original = tuple_key(session.proto, session.orig_src, session.orig_dst);
  TupleKey reply = tuple_key(session.proto, session.reply_src, session.reply_dst);
  if (original == reply || tuples_.find(original) != FlatIndex<TupleKey>::kNone ||
      tuples_.find(reply) != FlatIndex<TupleKey>::kNone)
    return kNoSession;
  uint32_t id;
  if (!free_.empty()) {
    id = free_.back();
    free_.pop_back();
    sessions_[id] = session;
  } else {
    id = static_cast<uint32_t>(sessions_.size());
    sessions_.push_back(session);
  }
  Session& s = sessions_[id];
  s.live = true;
  s.serial = next_serial_++;
  tuples_.insert(original, id << 1);
  tuples_.insert(reply, id << 1 | 1);
  if (s.source_mapping)
    link(internal_heads_, endpoint_key(s.proto, s.internal), id, &Session::internal_prev,
         &Session::internal_next);
  link(external_heads_, endpoint_key(s.proto, s.external), id, &Session::external_prev,
       &Session::external_next);
  ++live_;
  return id;
}

void SessionTable::erase(uint32_t id) {
  Session& s = sessions_[id];
  if (!s.live) return;
  tuples_.erase(tuple_key(s.proto, s.orig_src, s.orig_dst));
  tuples_.erase(tuple_key(s.proto, s.reply_src, s.reply_dst));
  if (s.source_mapping)
    unlink(internal_heads_, endpoint_key(s.proto, s.internal), id, &Session::internal_prev,
           &Session::internal_next);
  unlink(external_heads_, endpoint_key(s.proto, s.external), id, &Session::external_prev,
         &Session::external_next);
  s.live = false;
  free_.push_back(id);
  --live_;
}

uint32_t SessionTable::first_of_internal(net::Transport proto,
                                         const net::Endpoint& internal) const {
  uint32_t v = internal_heads_.find(endpoint_key(proto, internal));
  return v == FlatIndex<EndpointKey>::kNone ? kNoSession : v;
}

uint32_t SessionTable::first_of_external(net::Transport proto,
                                         const net::Endpoint& external) const {
  uint32_t v = external_heads_.find(endpoint_key(proto, external));
  return v == FlatIndex<EndpointKey>::kNone ? kNoSession : v;
}

std::vector<uint32_t> SessionTable::by_age() const {
  std::vector<uint32_t> ids;
  for (uint32_t id = 0; id < sessions_.size(); ++id)
    if (sessions_[id].live) ids.push_back(id);
  std::sort(ids.begin(), ids.end(),
            [&](uint32_t a, uint32_t b) { return sessions_[a].serial < sessions_[b].serial; });
  return ids;
}

std::vector<uint32_t> SessionTable::due(sim::Millis now) const {
  std::vector<uint32_t> ids;
  for (uint32_t id = 0; id < sessions_.size(); ++id)
    if (sessions_[id].live && sessions_[id].expires_at <= now) ids.push_back(id);
  std::sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
    const Session& x = sessions_[a];
    const Session& y = sessions_[b];
    return x.expires_at != y.expires_at ? x.expires_at < y.expires_at : x.serial < y.serial;
  });
  return ids;
}

uint32_t SessionTable::oldest_unassured() const {
  uint32_t best = kNoSession;
  for (uint32_t id = 0; id < sessions_.size(); ++id) {
    const Session& s = sessions_[id];
    if (!s.live || s.assured) continue;
    if (best == kNoSession || s.serial < sessions_[best].serial) best = id;
  }
  return best;
}

}  // namespace portlab::nat
