#include <doctest/doctest.h>

#include "core/progress/lesson_progress.h"
#include "ui/views/about_view.h"
#include "ui/views/home_view.h"
#include "a11y_nodes.h"
#include "view_harness.h"

using namespace portlab;

TEST_CASE("home view: 'Open settings' navigates to the settings screen") {
  test::ViewFixture<ui::HomeView> f(1280, 3000);  // tall enough to show the whole page
  f.h.load_shipped_content();
  f.h.frames(2, f.draw);
  REQUIRE(f.click("Open settings"));
  CHECK(f.h.navigator.current().screen == nav::Screen::Settings);
}

TEST_CASE("about view: draws without taking any navigation action") {
  test::ViewFixture<ui::AboutView> f;
  f.h.frames(2, f.draw);
  CHECK(f.h.navigator.current().screen == nav::Screen::Home);
  CHECK_FALSE(f.h.navigator.take_url_change());
}

TEST_CASE("home view: the first visit offers the first lesson; after some steps it offers to continue there") {
  test::ViewFixture<ui::HomeView> f;
  f.h.load_shipped_content();
  f.h.frames(2, f.draw);
  REQUIRE(f.click("Start here: What a port is, step 1"));
  CHECK(nav::to_fragment(f.h.navigator.current()) == "#/lesson/what-is-a-port/1");

  progress::open_step(f.h.model.progress, "port-ranges", 3, 1000);
  progress::complete_step(f.h.model.progress, "port-ranges", 0, 1000);
  f.h.frames(2, f.draw);
  REQUIRE(f.click("Continue: Port ranges, step 4"));
  CHECK(nav::to_fragment(f.h.navigator.current()) == "#/lesson/port-ranges/4");
}

TEST_CASE("home view: questions due for review are offered from the home screen") {
  test::ViewFixture<ui::HomeView> f;
  f.h.load_shipped_content();
  f.h.model.now_ms = 10 * 24 * 3600 * 1000LL;
  progress::QuestionRecord due;
  due.attempts = 1;
  due.due_ms = 1000;
  f.h.model.progress.questions["some-question"] = due;
  f.h.frames(2, f.draw);
  REQUIRE(f.click("Review 1 question due now"));
  CHECK(nav::to_fragment(f.h.navigator.current()) == "#/quiz/review");
}

TEST_CASE("home view: each lesson card is a group named by its lesson, with a link and a named progress bar") {
  using ui::a11y::Role;
  test::ViewFixture<ui::HomeView> f(1280, 3000);
  f.h.load_shipped_content();
  f.h.frames(2, f.draw);
  const ui::a11y::Node* open = nullptr;
  for (const ui::a11y::Node& n : ui::a11y::current()->nodes())
    if (n.label == "Open##port-ranges") open = &n;
  REQUIRE(open);
  CHECK(open->role == Role::Link);
  const ui::a11y::Node* card = test::parent_of(*open);
  REQUIRE(card);
  CHECK(card->role == Role::Group);
  CHECK(card->name == "Port ranges");
  const ui::a11y::Node* bar = test::node_with(Role::Progress, "Steps done");
  REQUIRE(bar);
  CHECK(bar->value.find("0 of") != std::string::npos);
  CHECK(test::node_with(Role::Link, "Open settings") != nullptr);
  CHECK(test::node_with(Role::Link, "Bind Lab") != nullptr);
}
