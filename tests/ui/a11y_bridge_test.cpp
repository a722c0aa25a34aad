// The keyboard reach the bridge (src/app/a11y_bridge.h) gives both targets:
// Tab and Shift+Tab through every interactive item in drawing order,
// scrolling panes to items out of view, and activation as by Space.
#include <doctest/doctest.h>

#include <imgui_internal.h>

#include <vector>

#include "app/a11y_bridge.h"
#include "ui/shell.h"
#include "view_harness.h"

using namespace portlab;
namespace a11y = portlab::ui::a11y;

namespace {

struct ShellWithBridge {
  test::ViewHarness h;
  ui::Shell shell;
  app::A11yBridge bridge{h.recorder()};
  test::ViewHarness::DrawFn draw = [this] {
    bridge.frame_started();
    shell.draw();
  };

  ShellWithBridge(float width, float height) : h(width, height) {
    h.load_shipped_content();
    shell.init(h.context());
    h.frames(3, draw);
  }
  ~ShellWithBridge() { shell.discard(); }

  // Frames until the bridge has done what it was asked (a Tab may scroll
  // a pane first), then one more so the nodes show the result.
  void settle() {
    for (int i = 0; i < 300 && (h.frame(draw), bridge.frame_done()); ++i) {
    }
    h.frame(draw);
  }
  void tab(int dir) {
    REQUIRE(bridge.tab(dir, true) == app::A11yBridge::TabResult::Moved);
    settle();
  }
  // The tab stops of the last frame, in order.
  std::vector<const a11y::Node*> stops() {
    std::vector<const a11y::Node*> out;
    for (const a11y::Node& n : h.recorder().nodes())
      if (a11y::is_interactive(n.role) && !(n.states & a11y::kDisabled)) out.push_back(&n);
    return out;
  }
  const a11y::Node* focused() {
    for (const a11y::Node& n : h.recorder().nodes())
      if (n.id == bridge.keyboard_focus()) return &n;
    return nullptr;
  }
};

}  // namespace

TEST_CASE("a11y bridge: Tab starts at the first item, Shift+Tab wraps to the last one, scrolled into view") {
  ShellWithBridge s(1280, 600);
  CHECK(s.bridge.keyboard_focus() == 0);  // no highlight before a key
  s.tab(+1);
  REQUIRE(s.focused());
  CHECK(s.focused()->label == "Home");
  s.tab(+1);
  REQUIRE(s.focused());
  CHECK(s.focused()->label == "Explorer");
  s.tab(-1);
  s.tab(-1);
  // Before "Home" comes the end of the course home, far below the fold.
  REQUIRE(s.focused());
  const std::vector<const a11y::Node*> stops = s.stops();
  REQUIRE(!stops.empty());
  CHECK(s.focused()->id == stops.back()->id);
  CHECK(s.focused()->visible());
  CHECK(s.focused()->min.y > 300);  // the screen scrolled to its end: not an item of the first screenful
  s.tab(+1);
  REQUIRE(s.focused());
  CHECK(s.focused()->label == "Home");
}

TEST_CASE("a11y bridge: Tab visits the items of a short window in the order a tall one shows them") {
  // Every item of the course home, as a window tall enough to show them all draws them.
  std::vector<ImGuiID> order;
  {
    ShellWithBridge tall(1280, 4000);
    for (const a11y::Node* n : tall.stops()) {
      CHECK(n->visible());
      order.push_back(n->id);
    }
  }
  REQUIRE(order.size() > 10);
  // A short window shows a few of them (the rest are submitted for the
  // mirror, scrolled out of sight); Tab scrolls to each of the rest.
  ShellWithBridge s(1280, 500);
  size_t in_sight = 0;
  for (const a11y::Node* n : s.stops()) in_sight += n->visible() ? 1 : 0;
  REQUIRE(in_sight < order.size());
  std::vector<ImGuiID> visited;
  for (size_t i = 0; i < order.size(); ++i) {
    s.tab(+1);
    REQUIRE(s.focused());
    CHECK(s.focused()->visible());
    visited.push_back(s.focused()->id);
  }
  CHECK(visited == order);
  s.tab(+1);  // and round again
  CHECK(s.bridge.keyboard_focus() == order.front());
  // Shift+Tab walks the same way back.
  std::vector<ImGuiID> back;
  for (size_t i = 0; i < order.size(); ++i) {
    s.tab(-1);
    REQUIRE(s.focused());
    CHECK(s.focused()->visible());
    back.insert(back.begin(), s.focused()->id);
  }
  CHECK(back == order);
}

TEST_CASE("a11y bridge: activation presses a link and toggles a checkbox, as Space would") {
  ShellWithBridge s(1280, 800);
  const ui::ProbedItem* settings = s.h.find("Settings");
  REQUIRE(settings);
  s.bridge.activate(settings->id);
  s.settle();
  CHECK(s.h.navigator.current().screen == nav::Screen::Settings);
  const bool before = s.h.settings.reduced_motion;
  const ui::ProbedItem* motion = s.h.find("Reduce motion (no animations)");
  REQUIRE(motion);
  s.bridge.activate(motion->id);
  s.settle();
  CHECK(s.h.settings.reduced_motion == !before);
  // Focus stays on it, with ImGui's highlight, and a second activation toggles back.
  CHECK(s.bridge.keyboard_focus() == motion->id);
  s.bridge.activate(motion->id);
  s.settle();
  CHECK(s.h.settings.reduced_motion == before);
  // Enter and then Tab before the next frame: the press still happens,
  // then focus moves on from the item pressed.
  s.bridge.activate(motion->id);
  CHECK(s.bridge.tab(+1, true) == app::A11yBridge::TabResult::Moved);
  s.settle();
  CHECK(s.h.settings.reduced_motion == !before);
  REQUIRE(s.focused());
  CHECK(s.focused()->id != motion->id);
}

TEST_CASE("a11y bridge: Tab belongs to a text field ImGui is editing; at the end without wrap it says so") {
  ShellWithBridge s(1280, 800);
  s.h.navigator.go(nav::Route{nav::Screen::Explorer, {}});
  s.h.frames(3, s.draw);
  const ui::ProbedItem* field = s.h.find("Port or service");
  REQUIRE(field);
  REQUIRE(s.h.click("Port or service", s.draw));
  REQUIRE(GImGui->ActiveId == field->id);
  CHECK(s.bridge.tab(+1, true) == app::A11yBridge::TabResult::Editing);
  // From a mirrored element the page's <input> is the editor: ImGui's own
  // edit ends and the Tab moves keyboard focus instead.
  CHECK(s.bridge.tab_from_mirror(+1) == app::A11yBridge::TabResult::Moved);
  CHECK(GImGui->ActiveId == 0);
  s.settle();
  CHECK(s.focused());
  // From the first item back round to the very last, then on without
  // wrapping: the page's turn (the browser moves on).
  s.bridge.focus(s.stops().front()->id);
  s.settle();
  REQUIRE(s.focused());
  CHECK(s.focused()->label == "Home");
  s.tab(-1);
  REQUIRE(s.focused());
  CHECK(s.focused()->id == s.stops().back()->id);
  CHECK(s.bridge.tab(+1, false) == app::A11yBridge::TabResult::AtEnd);
  // The browser moved the focus out of the page; a Tab on the canvas
  // comes back in at the first item, not where it left.
  s.bridge.blur();
  s.h.frame(s.draw);
  CHECK(s.bridge.keyboard_focus() == 0);
  s.tab(+1);
  REQUIRE(s.focused());
  CHECK(s.focused()->label == "Home");
}
