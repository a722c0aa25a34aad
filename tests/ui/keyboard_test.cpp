#include <doctest/doctest.h>

#include "ui/keys.h"
#include "ui/shell.h"
#include "view_harness.h"

using namespace portlab;

namespace {

// Presses `key` until the widget labelled `label` has keyboard focus; false
// if it is not reached within `limit` presses.
bool move_focus_to(test::ViewHarness& h, const test::ViewHarness::DrawFn& draw, int key, const char* label,
                   int limit = 20) {
  for (int i = 0; i < limit; ++i) {
    const ui::ProbedItem* item = h.find(label);
    if (item && h.has_keyboard_focus(*item)) return true;
    h.press_key(key, draw);
  }
  const ui::ProbedItem* item = h.find(label);
  return item && h.has_keyboard_focus(*item);
}

}  // namespace

TEST_CASE("keyboard: the top bar and the screen are reachable with arrows and Space alone") {
  test::ViewHarness h;
  ui::Shell shell;
  shell.init(h.context());
  auto draw = [&] { shell.draw(); };
  h.frames(3, draw);
  h.press_key(ui::keys::kDown, draw);  // the first press shows the highlight
  // From the home screen's content up to the top bar, then right to Settings.
  REQUIRE(move_focus_to(h, draw, ui::keys::kUp, "Home"));
  REQUIRE(move_focus_to(h, draw, ui::keys::kRight, "Settings"));
  h.press_key(ui::keys::kSpace, draw);
  CHECK(h.navigator.current().screen == nav::Screen::Settings);
  // Down into the screen reaches the theme buttons (the top bar is wider
  // than they are, so sideways to the one wanted); choose it, then move
  // sideways to another one.
  REQUIRE(move_focus_to(h, draw, ui::keys::kDown, "High contrast", 3));
  REQUIRE(move_focus_to(h, draw, ui::keys::kLeft, "Light"));
  h.press_key(ui::keys::kSpace, draw);
  CHECK(h.settings.theme == settings::Theme::Light);
  REQUIRE(move_focus_to(h, draw, ui::keys::kRight, "High contrast"));
  h.press_key(ui::keys::kSpace, draw);
  CHECK(h.settings.theme == settings::Theme::HighContrast);
  // Further down, the text size slider, and beside it the buttons.
  REQUIRE(move_focus_to(h, draw, ui::keys::kDown, "##text size"));
  REQUIRE(move_focus_to(h, draw, ui::keys::kRight, "Larger"));
  h.press_key(ui::keys::kSpace, draw);
  CHECK(h.settings.ui_scale == doctest::Approx(1.1f));
  shell.discard();
}
