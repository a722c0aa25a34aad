// Makes ImGui submit every item of the windows drawn in its scope, even the
// ones scrolled out of sight, while a recorder is attached.
//
// ImGui clips an item whose rectangle lies outside its window's clip
// rectangle: ItemAdd reports it to the hooks and returns false, so the widget
// returns before its ItemInfo - the recorder knows its id and rectangle but
// not its label, and the browser mirror cannot reach a lesson's buttons below
// the fold. ImGui's IsClippedEx clips nothing while g.LogEnabled (its "log
// to clipboard" feature must see every item), and ImGuiListClipper lists all
// rows then. So this sets LogEnabled with no log target for its scope: items
// are laid out and drawn (the GPU scissor still hides them), tree nodes are
// kept from auto-opening (LogDepthToExpand 0), and the text ImGui logs into
// g.LogBuffer is thrown away afterwards.
//
// Open it inside the pane (after its BeginChild): it covers the items drawn
// in its scope, child windows (cards) begun in it included.
//
// Cost, only while a recorder is attached (the browser, tests): every item of
// the scope's windows is submitted and its text copied into the log buffer -
// for a lesson's text pane, the rest of the step below the fold. Natively,
// with no recorder, it is one untaken branch.
#pragma once

namespace portlab::ui::a11y {

class ScopedFullSubmission {
 public:
  ScopedFullSubmission();
  ~ScopedFullSubmission();
  ScopedFullSubmission(const ScopedFullSubmission&) = delete;
  ScopedFullSubmission& operator=(const ScopedFullSubmission&) = delete;

 private:
  bool active_ = false;
  int log_buffer_size_ = 0;
  int depth_ref_ = 0, depth_to_expand_ = 0;
  float line_pos_y_ = 0;
  bool line_first_item_ = false;
};

// Clips again inside a ScopedFullSubmission, for a list that may hold
// thousands of rows (a Sockets listing, an Ephemeral Lab call log): its
// ImGuiListClipper then draws only the rows in sight, and the mirror has
// those rows (the bridge scrolls the list as Tab walks it).
class ScopedClipping {
 public:
  ScopedClipping();
  ~ScopedClipping();
  ScopedClipping(const ScopedClipping&) = delete;
  ScopedClipping& operator=(const ScopedClipping&) = delete;

 private:
  bool suspended_ = false;
};

}  // namespace portlab::ui::a11y
