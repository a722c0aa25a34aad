#include "app/real_bind.h"

#ifndef __EMSCRIPTEN__

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace portlab::app {

namespace {

// The names the simulated host uses, so the two answers compare at a glance.
const char* errno_name(int e) {
  switch (e) {
    case EACCES: return "EACCES";
    case EADDRINUSE: return "EADDRINUSE";
    case EADDRNOTAVAIL: return "EADDRNOTAVAIL";
    case EPERM: return "EPERM";
    case EINVAL: return "EINVAL";
    case EMFILE: return "EMFILE";
    default: return "errno";
  }
}

ui::RealBindResult failure(int e) {
  ui::RealBindResult r;
  r.error = errno_name(e);
  if (r.error == "errno") r.error += " " + std::to_string(e);
  r.message = std::strerror(e);
  return r;
}

}  // namespace

ui::RealBindResult NativeRealBind::try_bind(uint16_t port, net::Transport transport,
                                            bool reuseaddr) {
  const int type = transport == net::Transport::Udp ? SOCK_DGRAM : SOCK_STREAM;
  const int fd = ::socket(AF_INET, type, 0);
  if (fd < 0) return failure(errno);
  if (reuseaddr) {
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const int rc = ::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr);
  const int saved = errno;
  // Closed at once: the lab only asks whether bind() would succeed, and a
  // port held open would surprise whatever the learner runs next.
  ::close(fd);
  if (rc != 0) return failure(saved);
  ui::RealBindResult ok;
  ok.ok = true;
  return ok;
}

}  // namespace portlab::app

#endif  // __EMSCRIPTEN__
