#include "ui/views/ephemeral_lab_view.h"

#include "ui/widgets.h"

namespace portlab::ui {

void EphemeralLabView::draw() { title(ctx_, "the Ephemeral Lab"); }

}  // namespace portlab::ui
