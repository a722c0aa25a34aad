// What every screen has in common: it is given the model once (init), drawn
// every frame (draw), and released when the app closes (discard). A view keeps
// only its own widget state (a slider being dragged, a scroll position); the
// model it draws belongs to the app.
#pragma once

#include "ui/view_context.h"

namespace portlab::ui {

class View {
 public:
  void init(const ViewContext& ctx) { ctx_ = ctx; }
  void discard() {}
  // True while the last draw() showed something moving (a packet in
  // flight, ports ageing out of TIME_WAIT): the app keeps drawing frames.
  bool animating() const { return animating_; }
  // Milliseconds after which the last draw() wants another frame even
  // without input (a countdown's next second); -1 when it does not. Cheaper
  // than animating: the app sleeps in between.
  int wake_after_ms() const { return wake_after_ms_; }

 protected:
  ViewContext ctx_;
  bool animating_ = false;
  int wake_after_ms_ = -1;
};

}  // namespace portlab::ui
