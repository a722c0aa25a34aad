#include "ui/views/explorer_view.h"

#include "ui/widgets.h"

namespace portlab::ui {

void ExplorerView::draw() { title(ctx_, "the Port Explorer"); }

}  // namespace portlab::ui
