// The busy Linux host both Port Map benchmarks measure: 100 listeners and
// about 30,000 connections to 30 servers, a third of them in TIME_WAIT.
#pragma once

#include <cstdint>

#include "core/host/host.h"

namespace portlab::bench {

inline host::Host busy_linux_host() {
  using net::Ipv4;
  host::Host h(*ports::find_os_profile("linux"), 1);
  for (int i = 0; i < 100; ++i) {
    host::SocketId s = h.open(net::Transport::Tcp);
    h.bind(s, Ipv4{}, static_cast<uint16_t>(2000 + i));
    h.listen(s);
  }
  for (int i = 100; i < 30000; ++i) {
    host::SocketId s = h.open(net::Transport::Tcp);
    const net::Endpoint server{Ipv4{0xC6120000u + static_cast<uint32_t>(i % 30)}, 443};
    if (!h.connect(s, server).ok) continue;
    if (i % 3 == 0) h.close(s, true);  // TIME_WAIT
  }
  return h;
}

}  // namespace portlab::bench
