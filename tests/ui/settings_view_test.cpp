#include <doctest/doctest.h>

#include "ui/views/settings_view.h"
#include "view_harness.h"

using namespace portlab;

TEST_CASE("settings view: choosing a theme changes the model") {
  test::ViewHarness h;
  ui::SettingsView view;
  view.init(h.context());
  auto draw = test::ViewHarness::in_window([&] { view.draw(); });
  h.frames(2, draw);
  REQUIRE(h.click("Light", draw));
  CHECK(h.settings.theme == settings::Theme::Light);
  REQUIRE(h.click("High contrast", draw));
  CHECK(h.settings.theme == settings::Theme::HighContrast);
  view.discard();
}

TEST_CASE("settings view: size buttons step the scale and stay in range") {
  test::ViewHarness h;
  ui::SettingsView view;
  view.init(h.context());
  auto draw = test::ViewHarness::in_window([&] { view.draw(); });
  h.frames(2, draw);
  REQUIRE(h.click("Larger", draw));
  CHECK(h.settings.ui_scale == doctest::Approx(1.1f));
  REQUIRE(h.click("Reset", draw));
  CHECK(h.settings.ui_scale == 1.0f);
  h.settings.ui_scale = settings::kMinUiScale;
  REQUIRE(h.click("Smaller", draw));
  CHECK(h.settings.ui_scale == settings::kMinUiScale);
  view.discard();
}

TEST_CASE("settings view: reduce motion is a checkbox on the model") {
  test::ViewHarness h;
  ui::SettingsView view;
  view.init(h.context());
  auto draw = test::ViewHarness::in_window([&] { view.draw(); });
  h.frames(2, draw);
  REQUIRE(h.click("Reduce motion (no animations)", draw));
  CHECK(h.settings.reduced_motion);
  view.discard();
}
