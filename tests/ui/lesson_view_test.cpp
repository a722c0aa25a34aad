#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiTable: the widths a table gave its columns

#include "core/model/course_summary.h"
#include "ui/keys.h"
#include "ui/views/lesson_view.h"
#include "view_harness.h"

using namespace portlab;

namespace {

struct LessonFixture : test::ViewFixture<ui::LessonView> {
  explicit LessonFixture(const char* fragment, float width = 1280, float height = 2400)
      : test::ViewFixture<ui::LessonView>(width, height) {
    h.load_shipped_content();
    h.navigator.set_route_check([this](nav::Route& r) { return h.model.check_route(r); });
    h.navigator.open_fragment(fragment);
    h.frames(2, draw);
  }
  std::string where() { return nav::to_fragment(h.navigator.current()); }
};

}  // namespace

TEST_CASE("lesson view: Next and the Right arrow turn the steps, finish them, and the place is kept in progress") {
  LessonFixture f("#/lesson/port-ranges/1");
  CHECK(f.h.find("Three ranges") == nullptr);  // a title is text, not a widget
  REQUIRE(f.click("Next: Try it: classify a port >"));
  CHECK(f.where() == "#/lesson/port-ranges/2");
  f.h.frames(2, f.draw);
  CHECK(f.h.model.progress.lessons.at("port-ranges").completed_steps.count(0) == 1);
  CHECK(f.h.model.progress.lessons.at("port-ranges").current_step == 1);

  f.h.press_key(ui::keys::kRight, f.draw);
  CHECK(f.where() == "#/lesson/port-ranges/3");
  f.h.press_key(ui::keys::kLeft, f.draw);
  CHECK(f.where() == "#/lesson/port-ranges/2");
  // Going back does not undo a finished step.
  CHECK(f.h.model.progress.lessons.at("port-ranges").completed_steps.count(1) == 1);
}

TEST_CASE("lesson view: a simulation step opens its lab with the step's preset") {
  LessonFixture f("#/lesson/port-ranges/2");
  REQUIRE(f.click("Open the Port Explorer"));
  CHECK(f.where() == "#/explorer/443");
  CHECK(f.h.navigator.notice().empty());
}

TEST_CASE("lesson view: the checkpoint is answered in place, with feedback, and a pass is recorded") {
  LessonFixture f("#/lesson/port-ranges/9");
  REQUIRE(f.click("Start the checkpoint"));
  REQUIRE(f.h.model.checkpoint);
  f.h.frames(2, f.draw);
  const quiz::Question* first = f.h.model.checkpoint->shown_question();
  REQUIRE(first);
  CHECK(first->id == "ranges-classify-1024");
  // Wrong: the feedback stays on screen with the question's explanation.
  REQUIRE(f.click("System Ports, 0-1023"));
  REQUIRE(f.click("Check answer"));
  CHECK(f.h.model.checkpoint->showing_feedback);
  CHECK_FALSE(f.h.model.checkpoint->last_attempt()->grade.correct);
  CHECK(f.h.model.progress.questions.at("ranges-classify-1024").attempts == 1);
  REQUIRE(f.click("Next"));
  CHECK(f.h.model.checkpoint->shown_question()->id == "ranges-443-registered");
  REQUIRE(f.click("False"));
  REQUIRE(f.click("Check answer"));
  CHECK(f.h.model.checkpoint->last_attempt()->grade.correct);
  CHECK(f.h.model.checkpoint->session.right() == 1);
}

TEST_CASE("lesson view: a lesson that is gone says so and offers the course home") {
  LessonFixture f("#/home");
  f.h.navigator.go(nav::Route{nav::Screen::Lesson, {"no-such-lesson", "1"}});
  f.h.frames(2, f.draw);
  REQUIRE(f.click("Course home"));
  CHECK(f.where() == "#/home");
}

TEST_CASE("lesson view: fits a phone; the step buttons wrap instead of running off the screen") {
  LessonFixture f("#/lesson/nat-and-port-forwarding/1", 390, 844);
  const ui::ProbedItem* last = f.h.find("10##step");
  REQUIRE(last);
  CHECK(last->max.x <= 390);
}

TEST_CASE("lesson view: a table has its full width in the first frame of its step") {
  LessonFixture f("#/lesson/port-ranges/2");
  f.h.navigator.open_fragment("#/lesson/port-ranges/3");  // a step with a two-column table
  f.h.frame(f.draw);
  ImGuiContext& g = *ImGui::GetCurrentContext();
  const ImGuiTable* shown = nullptr;
  for (int i = 0; i < g.Tables.GetMapSize(); ++i)
    if (const ImGuiTable* t = g.Tables.TryGetMapData(i); t && t->LastFrameActive == g.FrameCount) shown = t;
  REQUIRE(shown != nullptr);
  REQUIRE(shown->ColumnsCount == 2);
  // Before, each column was about 20 px wide in that frame, one word a line.
  for (int c = 0; c < shown->ColumnsCount; ++c) CHECK(shown->Columns[c].WidthGiven > 200.0f);
}
