#include "core/host/processes.h"

#include <algorithm>
#include <functional>

namespace portlab::host {

void Processes::own(SocketId id, const std::string& name) {
  if (!id.valid()) return;
  // The socket that held this slot before is gone (or this one changes
  // hands): its descriptor is free again.
  if (id.index < held_.size()) free_slot(held_[id.index]);
  auto it = std::find_if(programs_.begin(), programs_.end(),
                         [&](const Program& p) { return p.name == name; });
  if (it == programs_.end()) {
    const uint32_t pid = first_pid_ + 4 * static_cast<uint32_t>(programs_.size());
    programs_.push_back({name, pid, {}, 3});
    it = programs_.end() - 1;
  }
  Program& p = *it;
  int fd = p.next_fd;
  if (!p.free_fds.empty()) {
    // The lowest free one, as the kernel picks (a min-heap).
    std::pop_heap(p.free_fds.begin(), p.free_fds.end(), std::greater<int>());
    fd = p.free_fds.back();
    p.free_fds.pop_back();
  } else {
    ++p.next_fd;
  }
  if (held_.size() <= id.index) held_.resize(id.index + 1);
  held_[id.index] = {id.generation, static_cast<int>(it - programs_.begin()), fd};
}

void Processes::release(SocketId id) {
  if (!id.valid() || id.index >= held_.size()) return;
  if (held_[id.index].generation == id.generation) free_slot(held_[id.index]);
}

void Processes::free_slot(Held& h) {
  if (h.program < 0) return;
  std::vector<int>& free_fds = programs_[static_cast<size_t>(h.program)].free_fds;
  free_fds.push_back(h.fd);
  std::push_heap(free_fds.begin(), free_fds.end(), std::greater<int>());
  h = Held{};
}

std::optional<SocketOwner> Processes::owner(SocketId id) const {
  if (!id.valid() || id.index >= held_.size()) return std::nullopt;
  const Held& h = held_[id.index];
  if (h.program < 0 || h.generation != id.generation) return std::nullopt;
  const Program& p = programs_[static_cast<size_t>(h.program)];
  return SocketOwner{p.name, p.pid, h.fd};
}

uint32_t Processes::pid_of(const std::string& name) const {
  for (const Program& p : programs_)
    if (p.name == name) return p.pid;
  return 0;
}

}  // namespace portlab::host
