// What the labs that simulate one host share: the Port Map of that host,
// created with the view and released with it. The Bind and Ephemeral Labs
// derive from this and draw port_map_ where it fits their layout.
#pragma once

#include "ui/view.h"
#include "ui/widgets/port_map_panel.h"

namespace portlab::ui {

class HostLabView : public View {
 public:
  void init(const ViewContext& ctx) {
    View::init(ctx);
    port_map_.init(ctx);
  }
  void discard() { port_map_.discard(); }

 protected:
  PortMapPanel port_map_;  // the lab host's ports
};

}  // namespace portlab::ui
