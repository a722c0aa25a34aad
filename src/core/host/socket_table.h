// The socket table of one simulated host, laid out for the allocators' hot
// loops: a flat 65536-entry array per transport says at once how many
// sockets hold a port and how many of them pin it (bind/listen), each port
// links its own sockets, and a hash of TCP 4-tuples answers "is this
// connection unique?" without scanning.
#pragma once

#include <cstdint>
#include <vector>

#include "core/host/socket.h"
#include "core/host/tuple_index.h"

namespace portlab::host {

class SocketTable {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // All zero for an unused port, so a port table can come zeroed from
  // calloc (see PortTable). Value-initialise it: PortUse{}.
  struct PortUse {
    uint32_t first;    // 1 + the slot of the first socket on this port; 0: none
    uint32_t sockets;  // sockets holding the port (any state with a port)
    uint32_t pinned;   // of which bind()/listen()/accept() ones (Socket::pins_port)
    uint32_t head() const { return first - 1; }  // first socket's slot, or kNone
  };

  using Tuple = host::Tuple;
  static Tuple tuple_of(const Socket& s) {
    return {s.local.addr.bits, s.remote.addr.bits, s.local.port, s.remote.port};
  }

  SocketId add(const Socket& socket);
  // Forgets the socket, its port and its 4-tuple.
  void remove(SocketId id);

  Socket* get(SocketId id);
  const Socket* get(SocketId id) const;
  const Socket& at(uint32_t index) const { return slots_[index].socket; }
  SocketId id_at(uint32_t index) const { return {index, slots_[index].generation}; }
  size_t size() const { return live_; }

  // Changes whenever a socket is added, removed or handed out for writing
  // (get() without const), so two tables with the same stamp hold the same
  // sockets. Stamps come from one counter shared by every table: a lab that
  // replaces its host never meets the old host's stamp again, and a view can
  // keep what it drew from a table until the stamp moves.
  uint64_t stamp() const { return stamp_; }

  // A socket whose local port was just set goes on that port's list; a
  // socket whose port changes or goes comes off it first.
  void attach_port(SocketId id);
  void detach_port(SocketId id);
  const PortUse& port_use(net::Transport t, uint16_t port) const {
    const PortTable& ports = ports_[static_cast<int>(t)];
    return ports.empty() ? kUnused : ports[port];
  }
  // Visits the sockets on a port until `visit(index, socket)` returns false.
  template <typename Visit>
  void for_each_on_port(net::Transport t, uint16_t port, Visit visit) const {
    for (uint32_t i = port_use(t, port).head(); i != kNone; i = slots_[i].next)
      if (!visit(i, slots_[i].socket)) return;
  }

  // TCP Connected and TimeWait sockets are indexed by 4-tuple.
  void index_tuple(SocketId id);
  void unindex_tuple(SocketId id);
  uint32_t find_tuple(const Tuple& t) const;  // slot index, or kNone

  // Visits every live socket in slot order.
  template <typename Visit>
  void for_each(Visit visit) const {
    for (uint32_t i = 0; i < slots_.size(); ++i)
      if (slots_[i].live) visit(id_at(i), slots_[i].socket);
  }

 private:
  struct Slot {
    Socket socket;
    uint32_t generation = 0;
    bool live = false;
    bool on_port = false;
    bool indexed = false;
    uint32_t prev = kNone, next = kNone;  // this port's list
  };
  Slot* live_slot(SocketId id);
  const Slot* live_slot(SocketId id) const;
  void touch();  // a new stamp

  // 65536 PortUse entries from calloc. A new host touches only the pages
  // of the ports it uses, where a vector would write all 768 KiB: quiz
  // templates and their tests make thousands of hosts.
  class PortTable {
   public:
    PortTable() = default;
    PortTable(const PortTable& other) { *this = other; }
    PortTable& operator=(const PortTable& other);
    PortTable(PortTable&& other) noexcept : entries_(other.entries_) { other.entries_ = nullptr; }
    PortTable& operator=(PortTable&& other) noexcept;
    ~PortTable();
    bool empty() const { return entries_ == nullptr; }
    void make();  // all ports unused
    PortUse& operator[](uint16_t port) { return entries_[port]; }
    const PortUse& operator[](uint16_t port) const { return entries_[port]; }

   private:
    PortUse* entries_ = nullptr;
  };

  static const PortUse kUnused;
  std::vector<Slot> slots_;
  std::vector<uint32_t> free_;
  size_t live_ = 0;
  uint64_t stamp_ = 0;
  PortTable ports_[net::kTransportCount];  // made on first use
  TupleIndex tuples_;
};

}  // namespace portlab::host
