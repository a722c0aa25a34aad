// A vertical divider between two side-by-side panes (a lesson step's text
// and its lab) that the learner drags to give one pane more room. It is a
// real widget, so keyboard navigation reaches it: while it has the
// keyboard focus, Left and Right move it (and nothing else reacts to
// them: the lesson leaves its step-turning arrows alone then).
#pragma once

namespace portlab::ui {

class Splitter {
 public:
  explicit Splitter(float ratio = 0.38f) : ratio_(ratio) {}

  // Draws the divider at the cursor, `height` tall, between panes that
  // share `total` pixels (the divider's own width not counted). Keeps each
  // pane at least `min_first` / `min_second` pixels wide. True when moved.
  bool draw(const char* label, float total, float height, float min_first, float min_second);

  // The first pane's share of `total`, between 0 and 1.
  float ratio() const { return ratio_; }
  void set_ratio(float ratio) { ratio_ = ratio; }
  // The first pane's width for a total, as the next draw() will keep it.
  float first_width(float total, float min_first, float min_second) const;
  // The divider's own width.
  static float thickness();
  // Whether, as of its last draw, the divider has the keyboard focus: Left
  // and Right are then its keys.
  bool keyboard_focused() const { return keyboard_focused_; }

 private:
  float ratio_;
  bool keyboard_focused_ = false;
  bool reached_by_keys_ = false;  // Tab gives focus without the highlight
};

}  // namespace portlab::ui
