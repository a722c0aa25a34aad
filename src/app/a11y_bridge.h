// Input from assistive technology into ImGui, and the keyboard reach both
// targets share: Tab and Shift+Tab through the interactive items in the
// order they were drawn (ImGui 1.86's own Tab stops at text fields only).
//
// The browser mirror (web/a11y.js) calls focus/activate/set_text/set_value
// when a screen reader or the keyboard acts on a mirrored element; these
// arrive between frames and take effect at the start of the next one.
// Items are found in the last frame's nodes (ui/a11y/semantics.h).
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "ui/a11y/semantics.h"

namespace portlab::app {

class A11yBridge {
 public:
  explicit A11yBridge(ui::a11y::Recorder& recorder) : recorder_(recorder) {}

  // Gives keyboard focus to an item, with ImGui's focus highlight, and
  // scrolls its pane to show it.
  void focus(ImGuiID id);
  // Focus plus ImGui's own keyboard activation, as a Space press on it
  // would do: a button is pressed, a checkbox toggles, a combo opens.
  void activate(ImGuiID id);
  // Keyboard focus left the mirror for the rest of the page: ImGui's
  // highlight goes, so only one place looks focused.
  void blur();
  void set_text(ImGuiID id, std::string text, bool submit);
  void set_value(ImGuiID id, float value);

  enum class TabResult {
    Moved,    // focus moves (perhaps after a pane scrolls to reveal the item)
    AtEnd,    // no item further that way (wrap is false): the browser moves on
    Editing,  // ImGui is editing a text field: Tab is the field's
  };
  // Tab (dir +1) or Shift+Tab (-1) from the focused item. Items scrolled
  // out of their pane are not drawn, so leaving a pane that scrolls further
  // first scrolls it a page (or to its start when entering one) and finishes
  // the move after the next frame. Natively the order wraps around.
  TabResult tab(int dir, bool wrap);
  // Tab pressed on a mirrored element: the page's <input> is the editor
  // there, so an ImGui text edit still active (a field clicked on the
  // canvas) ends instead of taking the Tab.
  TabResult tab_from_mirror(int dir);

  // Call right after ImGui::NewFrame(): applies focus and activation.
  void frame_started();
  // Call after the frame: finishes a Tab that had to scroll first. True
  // when another frame is needed.
  bool frame_done();

  // The item keyboard focus rests on, 0 after a mouse click: the mirror
  // moves the page's focus only for keyboard moves.
  ImGuiID keyboard_focus() const;

 private:
  struct Request {
    ImGuiID id = 0;
    ImGuiID window = 0;
    ImVec2 min, max;
    bool activate = false;
  };
  const ui::a11y::Node* find(ImGuiID id) const;
  void request(ImGuiID id, bool activate);
  // The last frame's tab stops (enabled interactive nodes), in order.
  std::vector<ImGuiID> stops() const;
  // One step of a Tab: true when done (a focus request made, or at the
  // end), false when it scrolled a pane and waits for the next frame.
  bool step_tab(TabResult& result);

  enum class Phase { Start, Leave, Enter, Reveal };
  struct Tab {
    int dir = 0;  // 0: no Tab under way
    bool wrap = false;
    Phase phase = Phase::Start;
    ImGuiID from = 0, from_window = 0;  // the item focus left, and its pane
    ImGuiID target = 0;                 // the next item recorded (0: none)
    std::vector<ImGuiID> seen;          // tab stops already in view
    int frames = 0;
  };

  ui::a11y::Recorder& recorder_;
  Request request_;
  Tab tab_;
  ImGuiID left_from_ = 0;  // the item focus rested on when it left the mirror
};

}  // namespace portlab::app
