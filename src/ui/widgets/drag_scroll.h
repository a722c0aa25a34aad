// Touch screens scroll by dragging the page itself: a drag that starts on
// no control pans the current window (a drag on a slider still moves the
// slider). The shell's screen and each pane of a lesson step use it.
#pragma once

namespace portlab::ui {

// Call inside the window (or child window) to pan, after its content.
void scroll_by_background_drag();

}  // namespace portlab::ui
