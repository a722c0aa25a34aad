#include <doctest/doctest.h>

#include "ui/views/about_view.h"
#include "ui/views/home_view.h"
#include "view_harness.h"

using namespace portlab;

TEST_CASE("home view: 'Open settings' navigates to the settings screen") {
  test::ViewFixture<ui::HomeView> f;
  REQUIRE(f.click("Open settings"));
  CHECK(f.h.navigator.current().screen == nav::Screen::Settings);
}

TEST_CASE("about view: draws without taking any navigation action") {
  test::ViewFixture<ui::AboutView> f;
  f.h.frames(2, f.draw);
  CHECK(f.h.navigator.current().screen == nav::Screen::Home);
  CHECK_FALSE(f.h.navigator.take_url_change());
}
