#include <doctest/doctest.h>

#include "ui/views/about_view.h"
#include "ui/views/home_view.h"
#include "view_harness.h"

using namespace portlab;

TEST_CASE("home view: 'Open settings' navigates to the settings screen") {
  test::ViewHarness h;
  ui::HomeView view;
  view.init(h.context());
  auto draw = test::ViewHarness::in_window([&] { view.draw(); });
  h.frames(2, draw);
  REQUIRE(h.click("Open settings", draw));
  CHECK(h.navigator.current().screen == nav::Screen::Settings);
  view.discard();
}

TEST_CASE("about view: draws without taking any navigation action") {
  test::ViewHarness h;
  ui::AboutView view;
  view.init(h.context());
  auto draw = test::ViewHarness::in_window([&] { view.draw(); });
  h.frames(3, draw);
  CHECK(h.navigator.current().screen == nav::Screen::Home);
  CHECK_FALSE(h.navigator.take_url_change());
  view.discard();
}
