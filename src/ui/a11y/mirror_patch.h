// Diffs one frame's semantics against the last frame's and writes what
// changed as the patch web/a11y.js applies to the DOM mirror. A frame in
// which nothing assistive technology could notice changed gives "", and
// the app then makes no call into JavaScript.
//
// The patch is a JSON object; every key is optional:
//   "nodes":  [{"id", "parent", "role" (ARIA role), "name", "value", "desc",
//               "x", "y", "w", "h" (CSS pixels), "states" (a11y::State bits),
//               "level", "font", "min", "max", "now", "label"}]  added or changed nodes, whole
//   "remove": [id...]           nodes gone since the last patch
//   "order":  [id...]           every node in visual order, when the order changed
//   "focus":  id                the item keyboard focus rests on, when it changed (0: none)
//   "say":    [{"text", "assertive"}]  what to announce in the live regions
// A node leaves out "value", "desc", "label" (given when it differs from
// the name), "level", "font" and "min"/"max"/"now" (sliders and progress
// bars only) when they are empty or 0. Pixel values are rounded to half a
// pixel, so sub-pixel jitter makes no patch. A node whose id already came
// earlier in the frame (two widgets with one ImGui id) is left out.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "ui/a11y/semantics.h"

namespace portlab::ui::a11y {

class MirrorDiff {
 public:
  // `focused` is the item keyboard focus rests on (0: none).
  std::string update(const std::vector<Node>& nodes, ImGuiID focused, const std::vector<Announcement>& said);
  // Forget the last frame: the next update sends everything (a reloaded mirror).
  void reset();
  // The next update is a new screen or step: the results it shows were not
  // caused by the learner's last action, so only its errors (Alert) are
  // said, after the screen's own announcement.
  void new_screen() { new_screen_ = true; }

 private:
  std::vector<Node> last_;
  std::unordered_map<ImGuiID, size_t> last_index_;  // into last_
  ImGuiID last_focus_ = 0;
  bool first_ = true;
  bool new_screen_ = false;
};

}  // namespace portlab::ui::a11y
