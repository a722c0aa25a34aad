#include "ui/widgets/port_map_panel.h"

#include <imgui.h>

#include "ui/widgets.h"

namespace portlab::ui {

void PortMapPanel::draw(const host::Host& host) {
  heading(ctx_, "Port Map");
  map_.update(host);
  // A moderate square on a wide screen; the full width on a phone (0 lets
  // the widget choose).
  const bool wide = ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * 40;
  widget_.draw(map_, host, wide ? ImGui::GetFontSize() * 24 : 0);
}

}  // namespace portlab::ui
