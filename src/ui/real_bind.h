// A real bind() on this machine's loopback, for the Bind Lab's "Try it on
// this machine". The UI sees only this interface: the native app passes an
// implementation (src/app/real_bind.cpp), the web build passes none, since a
// browser cannot open sockets, and tests pass a fake.
#pragma once

#include <cstdint>
#include <string>

#include "core/net/address.h"

namespace portlab::ui {

struct RealBindResult {
  bool ok = false;
  std::string error;    // errno name ("EACCES"); empty when ok
  std::string message;  // the system's own words (strerror), or "" when ok
};

class RealBind {
 public:
  virtual ~RealBind() = default;
  // bind(127.0.0.1:port) with a fresh TCP or UDP socket, closed right after.
  virtual RealBindResult try_bind(uint16_t port, net::Transport transport, bool reuseaddr) = 0;
};

}  // namespace portlab::ui
