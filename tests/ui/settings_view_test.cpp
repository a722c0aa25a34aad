#include <doctest/doctest.h>

#include "ui/views/settings_view.h"
#include "view_harness.h"

using namespace portlab;
using SettingsFixture = test::ViewFixture<ui::SettingsView>;

TEST_CASE("settings view: choosing a theme changes the model") {
  SettingsFixture f;
  REQUIRE(f.click("Light"));
  CHECK(f.h.settings.theme == settings::Theme::Light);
  REQUIRE(f.click("High contrast"));
  CHECK(f.h.settings.theme == settings::Theme::HighContrast);
}

TEST_CASE("settings view: size buttons step the scale and stay in range") {
  SettingsFixture f;
  REQUIRE(f.click("Larger"));
  CHECK(f.h.settings.ui_scale == doctest::Approx(1.1f));
  REQUIRE(f.click("Reset"));
  CHECK(f.h.settings.ui_scale == 1.0f);
  f.h.settings.ui_scale = settings::kMinUiScale;
  REQUIRE(f.click("Smaller"));
  CHECK(f.h.settings.ui_scale == settings::kMinUiScale);
}

TEST_CASE("settings view: reduce motion is a checkbox on the model") {
  SettingsFixture f;
  REQUIRE(f.click("Reduce motion (no animations)"));
  CHECK(f.h.settings.reduced_motion);
}
