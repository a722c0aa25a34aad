// The native RealBind: POSIX sockets on 127.0.0.1. Not built for the web.
#pragma once

#include "ui/real_bind.h"

namespace portlab::app {

class NativeRealBind : public ui::RealBind {
 public:
  ui::RealBindResult try_bind(uint16_t port, net::Transport transport, bool reuseaddr) override;
};

}  // namespace portlab::app
