// Which program holds each socket of a simulated host: what `ss -p`,
// `netstat -p` and Windows' `netstat -o` print beside a socket.
//
// Kept beside the host, not in host::Socket: bind() and the allocators never
// ask who owns a socket, and the socket table stays as small as the hot
// loops want it. Whoever creates the sockets (a lab, the CLI) records their
// owner here and releases it on close; a socket that takes over a closed
// socket's slot has no owner until one is recorded.
//
// Deterministic: the k-th program started gets pid first + 4k, first being
// kFirstPid unless the owner asks for another (Windows numbers processes in
// steps of 4; on Unix any numbers would do, and daemons started one after
// another get nearby ones), and each socket gets its program's lowest free
// descriptor from 3 up, as open() hands them out after stdin, stdout and
// stderr.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/host/socket.h"

namespace portlab::host {

inline constexpr uint32_t kFirstPid = 812;

struct SocketOwner {
  std::string program;  // the name ss shows from /proc/PID/stat, at most 15 characters
  uint32_t pid = 0;
  int fd = 0;
};

class Processes {
 public:
  Processes() = default;
  explicit Processes(uint32_t first_pid) : first_pid_(first_pid) {}

  // `program` now holds socket `id` on its next free descriptor; the
  // program is started (given a pid) the first time it is named.
  void own(SocketId id, const std::string& program);
  // The program closed the socket: its descriptor is free again. A TCP
  // connection it closed first lives on in TIME_WAIT, owned by nobody.
  void release(SocketId id);
  std::optional<SocketOwner> owner(SocketId id) const;
  // The pid of a program, or 0 if it was never started.
  uint32_t pid_of(const std::string& program) const;

 private:
  struct Program {
    std::string name;
    uint32_t pid;
    std::vector<int> free_fds;  // closed descriptors below next_fd, to reuse
    int next_fd = 3;
  };
  struct Held {
    uint32_t generation = 0;
    int program = -1;  // index in programs_, -1: nobody
    int fd = 0;
  };
  void free_slot(Held& h);  // its descriptor goes back to its program

  uint32_t first_pid_ = kFirstPid;
  std::vector<Program> programs_;
  std::vector<Held> held_;  // by socket slot index
};

}  // namespace portlab::host
