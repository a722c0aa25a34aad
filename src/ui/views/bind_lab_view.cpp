#include "ui/views/bind_lab_view.h"

#include "ui/widgets.h"

namespace portlab::ui {

void BindLabView::draw() { title(ctx_, "the Bind Lab"); }

}  // namespace portlab::ui
