#include "ui/views/nat_lab_view.h"

#include "ui/widgets.h"

namespace portlab::ui {

void NatLabView::draw() { title(ctx_, "the NAT Lab"); }

}  // namespace portlab::ui
