#include "core/host/socket_table.h"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>

namespace portlab::host {

const SocketTable::PortUse SocketTable::kUnused{};

namespace {
constexpr size_t kPorts = 65536;
// calloc and memcpy stand in for construction and copying.
static_assert(std::is_trivially_copyable<SocketTable::PortUse>::value, "PortUse is plain data");
// The last stamp handed out, for every table (see SocketTable::stamp).
std::atomic<uint64_t> last_stamp{0};
}  // namespace

void SocketTable::touch() { stamp_ = last_stamp.fetch_add(1, std::memory_order_relaxed) + 1; }

void SocketTable::PortTable::make() {
  if (entries_) return;
  // calloc: zero pages straight from the system are never written here.
  entries_ = static_cast<PortUse*>(std::calloc(kPorts, sizeof(PortUse)));
  if (!entries_) throw std::bad_alloc();
}

SocketTable::PortTable& SocketTable::PortTable::operator=(const PortTable& other) {
  if (this == &other) return *this;
  if (other.empty()) {
    std::free(entries_);
    entries_ = nullptr;
    return *this;
  }
  make();
  std::memcpy(entries_, other.entries_, kPorts * sizeof(PortUse));
  return *this;
}

SocketTable::PortTable& SocketTable::PortTable::operator=(PortTable&& other) noexcept {
  if (this != &other) {
    std::free(entries_);
    entries_ = other.entries_;
    other.entries_ = nullptr;
  }
  return *this;
}

SocketTable::PortTable::~PortTable() { std::free(entries_); }

SocketId SocketTable::add(const Socket& socket) {
  uint32_t index;
  if (!free_.empty()) {
    index = free_.back();
    free_.pop_back();
  } else {
    index = static_cast<uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  Slot& slot = slots_[index];
  slot.socket = socket;
  slot.live = true;
  ++live_;
  touch();
  return {index, slot.generation};
}

void SocketTable::remove(SocketId id) {
  Slot* slot = live_slot(id);
  if (!slot) return;
  unindex_tuple(id);
  detach_port(id);
  slot->live = false;
  ++slot->generation;  // every outstanding SocketId for this slot goes stale
  --live_;
  touch();
  free_.push_back(id.index);
}

SocketTable::Slot* SocketTable::live_slot(SocketId id) {
  return const_cast<Slot*>(static_cast<const SocketTable*>(this)->live_slot(id));
}

const SocketTable::Slot* SocketTable::live_slot(SocketId id) const {
  if (id.index >= slots_.size()) return nullptr;
  const Slot& slot = slots_[id.index];
  return slot.live && slot.generation == id.generation ? &slot : nullptr;
}

Socket* SocketTable::get(SocketId id) {
  Slot* slot = live_slot(id);
  if (!slot) return nullptr;
  touch();  // the caller may change the socket
  return &slot->socket;
}

const Socket* SocketTable::get(SocketId id) const {
  const Slot* slot = live_slot(id);
  return slot ? &slot->socket : nullptr;
}

void SocketTable::attach_port(SocketId id) {
  Slot* slot = live_slot(id);
  if (!slot || slot->on_port) return;
  PortTable& ports = ports_[static_cast<int>(slot->socket.transport)];
  ports.make();
  PortUse& use = ports[slot->socket.local.port];
  slot->prev = kNone;
  slot->next = use.head();
  if (use.head() != kNone) slots_[use.head()].prev = id.index;
  use.first = id.index + 1;
  ++use.sockets;
  if (slot->socket.pins_port()) ++use.pinned;
  slot->on_port = true;
}

void SocketTable::detach_port(SocketId id) {
  Slot* slot = live_slot(id);
  if (!slot || !slot->on_port) return;
  PortUse& use = ports_[static_cast<int>(slot->socket.transport)][slot->socket.local.port];
  if (slot->prev != kNone) slots_[slot->prev].next = slot->next;
  else use.first = slot->next + 1;  // kNone + 1 wraps to 0: none
  if (slot->next != kNone) slots_[slot->next].prev = slot->prev;
  --use.sockets;
  if (slot->socket.pins_port()) --use.pinned;
  slot->on_port = false;
  slot->prev = slot->next = kNone;
}

void SocketTable::index_tuple(SocketId id) {
  Slot* slot = live_slot(id);
  if (!slot || slot->indexed) return;
  tuples_.insert(tuple_of(slot->socket), id.index);
  slot->indexed = true;
}

void SocketTable::unindex_tuple(SocketId id) {
  Slot* slot = live_slot(id);
  if (!slot || !slot->indexed) return;
  tuples_.erase(tuple_of(slot->socket), id.index);
  slot->indexed = false;
}

uint32_t SocketTable::find_tuple(const Tuple& t) const { return tuples_.find(t); }

}  // namespace portlab::host
