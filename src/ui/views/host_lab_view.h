// What the labs that simulate one host share: the Port Map of that host,
// created with the view and released with it, and its Sockets panel (what
// ss or netstat would print there). The Bind and Ephemeral Labs derive from
// this and draw both where they fit their layout.
#pragma once

#include "ui/view.h"
#include "ui/widgets/port_map_panel.h"
#include "ui/widgets/sockets_panel.h"

namespace portlab::ui {

class HostLabView : public View {
 public:
  void init(const ViewContext& ctx) {
    View::init(ctx);
    port_map_.init(ctx);
    sockets_.init(ctx);
  }
  void discard() { port_map_.discard(); }
  // The Sockets panel as the last frame drew it.
  const SocketsPanel& sockets_panel() const { return sockets_; }

 protected:
  // Draws the Sockets panel; a listing it postponed asks for a frame (the
  // labs want no other timed frames).
  void draw_sockets(const host::Host& host, const host::Processes& processes) {
    sockets_.draw(host, processes);
    wake_after_ms_ = sockets_.wake_after_ms();
  }

  PortMapPanel port_map_;  // the lab host's ports
  SocketsPanel sockets_;   // ... and its socket table, as the system's tools print it
};

}  // namespace portlab::ui
