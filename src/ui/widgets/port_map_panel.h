// The Port Map as the labs show it: a heading, then every port of the lab's
// host, kept current each frame (labs::PortMap::update is cheap when nothing
// changed) and sized for the screen.
#pragma once

#include "core/host/host.h"
#include "core/labs/port_map.h"
#include "ui/view_context.h"
#include "ui/widgets/port_map.h"

namespace portlab::ui {

class PortMapPanel {
 public:
  void init(const ViewContext& ctx) {
    ctx_ = ctx;
    widget_.init(ctx);
  }
  void draw(const host::Host& host);
  void discard() { widget_.discard(); }

 private:
  ViewContext ctx_;
  labs::PortMap map_;
  PortMapWidget widget_;
};

}  // namespace portlab::ui
