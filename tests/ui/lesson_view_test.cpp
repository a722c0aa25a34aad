#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiTable: the widths a table gave its columns

#include "core/model/course_summary.h"
#include "ui/keys.h"
#include "ui/views/lab_views.h"
#include "ui/views/lesson_view.h"
#include "a11y_nodes.h"
#include "lesson_view_fixture.h"
#include "view_harness.h"

using namespace portlab;

namespace {

// The shared wiring, plus what these tests ask of it.
struct LessonFixture : test::LessonViewFixture {
  using LessonViewFixture::LessonViewFixture;
  bool click(const std::string& label) { return h.click(label, draw); }
  std::string where() { return nav::to_fragment(h.navigator.current()); }
  // Scrolls the view's window with the mouse wheel until `label` is on
  // screen (a clipped widget reports no label); false if it never is.
  bool scroll_to(const std::string& label) {
    ImGuiIO& io = ImGui::GetIO();
    // Items out of sight are recorded too (for the mirror): scroll until it is in view.
    const auto in_view = [&] {
      const ui::ProbedItem* item = h.find(label);
      return item && item->visible() && item->max.y <= io.DisplaySize.y && item->min.y >= 0;
    };
    for (int i = 0; i < 60 && !in_view(); ++i) {
      io.MousePos = ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f);
      io.MouseWheel = -3.0f;
      h.frame(draw);
    }
    io.MouseWheel = 0;
    h.frame(draw);
    return in_view();
  }
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

TEST_CASE("lesson view: a simulation step shows its lab in the step; Open the full lab goes to the same lab") {
  LessonFixture f("#/lesson/port-ranges/2");
  CHECK(f.h.navigator.notice().empty());
  // The Explorer is drawn in the step, on the block's port.
  REQUIRE(f.explorer.shown() != nullptr);
  CHECK(f.explorer.shown()->port == 443);
  REQUIRE(f.click("Next port"));
  CHECK(f.where() == "#/lesson/port-ranges/2");  // the port moves in place
  CHECK(f.explorer.shown()->port == 444);
  REQUIRE(f.click("Open the full lab"));
  CHECK(f.where() == "#/explorer/444");
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

// --- the lab inside the step

namespace {

const ui::ProbedItem* divider(const LessonFixture& f) { return f.h.find("Resize the text and the lab"); }

bool nav_rests_on(const ui::ProbedItem& item) { return ImGui::GetCurrentContext()->NavId == item.id; }

}  // namespace

TEST_CASE("lesson view: on a wide window the step's text is on the left and its live lab on the right") {
  LessonFixture f("#/lesson/privileged-binding/2", 1280, 800);
  CHECK(f.view.split());
  CHECK(f.h.navigator.notice().empty());
  const ui::ProbedItem* bar = divider(f);
  REQUIRE(bar != nullptr);
  // The Bind Lab's own widgets, right of the divider, with the block's preset.
  const ui::ProbedItem* linux = f.h.find("Linux");
  const ui::ProbedItem* open = f.h.find("Open the full lab");
  REQUIRE(linux != nullptr);
  REQUIRE(open != nullptr);
  CHECK(linux->min.x > bar->max.x);
  CHECK(open->min.x > bar->max.x);
  CHECK(f.h.model.bind.uid() == 1000);
  CHECK(f.h.model.bind.request().port == 80);
  // The text's pointer to the lab is left of it; the footer spans both, below.
  const ui::ProbedItem* next = f.h.find("Next: Moving the line >");
  REQUIRE(next != nullptr);
  CHECK(next->min.y >= bar->max.y);
  CHECK(next->min.x < bar->min.x);
  // The old card that only linked to the lab is gone.
  CHECK(f.h.find("Open the Bind Lab") == nullptr);
}

TEST_CASE("lesson view: on a phone the lab stands in the text where the block is, and works there") {
  LessonFixture f("#/lesson/privileged-binding/2", 390, 844);
  CHECK_FALSE(f.view.split());
  CHECK(divider(f) == nullptr);
  REQUIRE(f.scroll_to("Try bind"));
  const ui::ProbedItem* button = f.h.find("Try bind");
  REQUIRE(button != nullptr);
  // Nothing of the lab runs past the right edge.
  for (const std::string& label : f.h.labels()) {
    CAPTURE(label);
    CHECK(f.h.find(label)->max.x <= 390.0f + 0.5f);
  }
  REQUIRE(f.click("Try bind"));
  REQUIRE(f.h.model.bind.history().size() == 1);
  CHECK(std::string(f.h.model.bind.history().back().decision.error) == "EACCES");
  CHECK(f.where() == "#/lesson/privileged-binding/2");
  f.h.frame(f.draw);
  CHECK(f.bind.result_line() == "Refused: EACCES");
}

TEST_CASE("lesson view: dragging the divider gives the text more room, and the share is kept") {
  LessonFixture f("#/lesson/privileged-binding/2", 1280, 800);
  const float before = f.view.split_ratio();
  const ui::ProbedItem* bar = divider(f);
  REQUIRE(bar != nullptr);
  const float lab_left = f.h.find("Linux")->min.x;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2((bar->min.x + bar->max.x) * 0.5f, bar->min.y + 40);
  f.h.frame(f.draw);
  io.MouseDown[0] = true;
  f.h.frame(f.draw);
  for (int i = 0; i < 6; ++i) {
    io.MousePos.x += 20;
    f.h.frame(f.draw);
  }
  io.MouseDown[0] = false;
  f.h.frames(2, f.draw);
  CHECK(f.view.split_ratio() > before + 0.07f);  // 120 px of about 1240
  CHECK(f.h.find("Linux")->min.x > lab_left + 100);
  // Another step with a lab keeps the learner's share.
  const float chosen = f.view.split_ratio();
  REQUIRE(f.click("Next: Moving the line >"));
  f.h.frames(2, f.draw);
  CHECK(f.view.split());
  CHECK(f.view.split_ratio() == doctest::Approx(chosen));
}

TEST_CASE("lesson view: the keyboard reaches the divider with Tab; then Left and Right move it, not the step") {
  LessonFixture f("#/lesson/privileged-binding/2", 1280, 800);
  const ui::ProbedItem* bar = nullptr;
  for (int i = 0; i < 10 && !(bar && nav_rests_on(*bar)); ++i) {
    f.h.press_key(ui::keys::kTab, f.draw);
    bar = divider(f);
  }
  REQUIRE(bar != nullptr);
  REQUIRE(nav_rests_on(*bar));
  const float before = f.view.split_ratio();
  f.h.press_key(ui::keys::kRight, f.draw);
  f.h.press_key(ui::keys::kRight, f.draw);
  CHECK(f.view.split_ratio() > before + 0.05f);
  CHECK(f.where() == "#/lesson/privileged-binding/2");
  bar = divider(f);
  REQUIRE(bar != nullptr);
  CHECK(nav_rests_on(*bar));  // the arrows did not move the focus away
  f.h.press_key(ui::keys::kLeft, f.draw);
  CHECK(f.view.split_ratio() < before + 0.07f);
  CHECK(f.where() == "#/lesson/privileged-binding/2");
  // A click elsewhere gives the arrows back to the steps.
  REQUIRE(f.click("Linux"));
  f.h.press_key(ui::keys::kRight, f.draw);
  CHECK(f.where() == "#/lesson/privileged-binding/3");
}

TEST_CASE("lesson view: coming back to the same step keeps the lab as the learner left it") {
  LessonFixture f("#/lesson/privileged-binding/2");
  REQUIRE(f.click("root (uid 0)"));
  REQUIRE(f.click("Try bind"));
  REQUIRE(f.h.model.bind.uid() == 0);
  // The lesson leaves the screen (the full lab, another page) and returns:
  // the block is set up again, which keeps what the learner did.
  f.h.frames(2, test::ViewHarness::in_window([] {}));
  f.h.frames(2, f.draw);
  CHECK(f.h.model.bind.uid() == 0);
  CHECK(f.h.model.bind.history().size() == 1);
  // Another step's block, then this one again: set up afresh from the preset.
  REQUIRE(f.click("Next: Moving the line >"));
  f.h.frames(2, f.draw);
  CHECK(f.h.model.bind.request().port == 443);
  REQUIRE(f.click("< Previous"));
  f.h.frames(2, f.draw);
  CHECK(f.h.model.bind.uid() == 1000);
  CHECK(f.h.model.bind.request().port == 80);
}

TEST_CASE("lesson view: a step with two setups puts the first in the lab and offers the other") {
  LessonFixture f("#/lesson/nat-and-port-forwarding/6");
  const std::string first = f.h.model.nat().title();
  REQUIRE(f.h.find("Use this setup in the lab") != nullptr);
  REQUIRE(f.click("Use this setup in the lab"));
  f.h.frames(2, f.draw);
  CHECK(f.h.model.nat().title() != first);
  // The first block now offers itself instead.
  CHECK(f.h.find("Use this setup in the lab") != nullptr);
}

TEST_CASE("lesson view: a packet moving in the step's NAT Lab keeps the frames coming; idle, none") {
  LessonFixture f("#/lesson/nat-and-port-forwarding/6");
  f.h.frames(2, f.draw);
  CHECK_FALSE(f.view.animating());
  REQUIRE(f.click("Step"));
  CHECK(f.h.model.nat().step() == 1);
  f.h.frame(f.draw);
  CHECK(f.view.animating());
}

TEST_CASE("lesson view: each pane scrolls on its own, also by dragging its background as on a touch screen") {
  LessonFixture f("#/lesson/privileged-binding/2", 1280, 800);
  const ui::ProbedItem* bar = divider(f);
  REQUIRE(bar != nullptr);
  const float linux_y = f.h.find("Linux")->min.y;
  const float next_y = f.h.find("Next: Moving the line >")->min.y;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(1200, bar->min.y + 320);  // the lab pane, right of its controls
  f.h.frame(f.draw);
  io.MouseDown[0] = true;
  f.h.frame(f.draw);
  for (int i = 0; i < 5; ++i) {
    io.MousePos.y -= 20;
    f.h.frame(f.draw);
  }
  io.MouseDown[0] = false;
  f.h.frames(2, f.draw);
  const ui::ProbedItem* linux = f.h.find("Linux");
  CHECK((linux == nullptr || linux->min.y < linux_y - 50));  // scrolled up, maybe out of sight
  CHECK(f.h.model.bind.history().empty());                   // nothing was clicked
  // The footer and the text pane stayed where they were.
  REQUIRE(f.h.find("Next: Moving the line >") != nullptr);
  CHECK(f.h.find("Next: Moving the line >")->min.y == next_y);
}

// --- what assistive technology reads (ui/a11y)

using test::node_with;
using test::parent_of;
using ui::a11y::Role;

TEST_CASE("lesson view: each paragraph of a step is one text node with its whole text, over its words") {
  LessonFixture f("#/lesson/port-ranges/1");
  REQUIRE(ui::a11y::current());
  // Two lines of the lesson file, drawn word by word over three lines: one node.
  const ui::a11y::Node* p = node_with(Role::Text, "RFC 6335 (section 6) splits the 65,536 port numbers into three ranges.");
  REQUIRE(p);
  CHECK(p->name ==
        "RFC 6335 (section 6) splits the 65,536 port numbers into three ranges. You will meet both its names and the "
        "older ones from IANA's port-numbers file, which RFC 6335 keeps as aliases, so learn both.");
  CHECK(p->max.y - p->min.y > ImGui::GetTextLineHeight() * 1.5f);  // it covers every line
  CHECK(p->max.x > p->min.x);
  // Bold words stay in their sentence.
  CHECK(node_with(Role::Text, "All bounds are inclusive: 1023 is a System Port, 1024 a User Port"));
  // The step's title and the objectives, a list of items.
  const ui::a11y::Node* title = node_with(Role::Heading, "Three ranges");
  REQUIRE(title);
  CHECK(title->level == 1);
  const ui::a11y::Node* objective = node_with(Role::ListItem, "Name the three IANA port ranges");
  REQUIRE(objective);
  const ui::a11y::Node* list = parent_of(*objective);
  REQUIRE(list);
  CHECK(list->role == Role::List);
  // A note is a named group around its text.
  const ui::a11y::Node* note = node_with(Role::Text, "A little history: the three-way split is younger than it looks.");
  REQUIRE(note);
  REQUIRE(parent_of(*note));
  CHECK(parent_of(*note)->role == Role::Group);
  CHECK(parent_of(*note)->name == "Note");
}

TEST_CASE("lesson view: a step's list items are in a list, and a heading in the text has its level") {
  LessonFixture f("#/lesson/port-ranges/4");
  const ui::a11y::Node* item = node_with(Role::ListItem, "endorse the product that asked for the number;");
  REQUIRE(item);
  REQUIRE(parent_of(*item));
  CHECK(parent_of(*item)->role == Role::List);
  const ui::a11y::Node* first = node_with(Role::ListItem, "reserve the number on your machine");
  REQUIRE(first);
  CHECK(first->parent == item->parent);  // one list for the three items
  // The paragraph after the list is not in it.
  const ui::a11y::Node* after = node_with(Role::Text, "The IANA range a port belongs to is a label.");
  REQUIRE(after);
  CHECK(after->parent != item->parent);

  f.h.navigator.open_fragment("#/lesson/what-is-a-port/1");
  f.h.frames(2, f.draw);
  const ui::a11y::Node* heading = node_with(Role::Heading, "Two meanings of \"port\"");
  REQUIRE(heading);
  CHECK(heading->level == 3);
}

TEST_CASE("lesson view: the step buttons are links, the one on screen marked current") {
  LessonFixture f("#/lesson/port-ranges/3");
  int current = 0;
  for (const ui::a11y::Node& n : ui::a11y::current()->nodes()) {
    if (n.label.find("##step") == std::string::npos) continue;
    CHECK(n.role == Role::Link);
    if (n.states & ui::a11y::kCurrent) {
      ++current;
      CHECK(n.name.rfind("3", 0) == 0);
    }
  }
  CHECK(current == 1);
  const ui::a11y::Node* next = node_with(Role::Link, "Next: ");
  CHECK(next != nullptr);
}

TEST_CASE("lesson view: a checkpoint's verdict and explanation are read out as status") {
  LessonFixture f("#/lesson/port-ranges/9");
  REQUIRE(f.click("Start the checkpoint"));
  f.h.frames(2, f.draw);
  const ui::a11y::Node* option = node_with(Role::Radio, "System Ports, 0-1023");
  REQUIRE(option);
  CHECK_FALSE((option->states & ui::a11y::kChecked) != 0);
  REQUIRE(f.click("System Ports, 0-1023"));
  REQUIRE(node_with(Role::Radio, "System Ports, 0-1023"));
  CHECK((node_with(Role::Radio, "System Ports, 0-1023")->states & ui::a11y::kChecked) != 0);
  CHECK(node_with(Role::Status, "Not right.") == nullptr);
  REQUIRE(f.click("Check answer"));
  const quiz::Question* q = f.h.model.checkpoint->shown_question();
  REQUIRE(q);
  REQUIRE_FALSE(q->explanation.empty());
  CHECK(node_with(Role::Status, "Not right.") != nullptr);
  const ui::a11y::Node* why = node_with(Role::Status, q->explanation);
  REQUIRE(why);
  CHECK(why->name == q->explanation);
}

TEST_CASE("lesson view: with its lab beside it, the text is submitted whole and the divider is a slider") {
  LessonFixture f("#/lesson/port-ranges/2", 1280, 500);  // a short window: the text runs past the pane
  const ui::a11y::Node* divider = node_with(Role::Slider, "Resize the text and the lab");
  REQUIRE(divider);
  CHECK(divider->value.find('%') != std::string::npos);
  // The last paragraph of the step is known below the fold, marked as scrolled away.
  const ui::a11y::Node* last = node_with(Role::Text, "Your turn: exam questions love the edges.");
  REQUIRE(last);
  CHECK_FALSE(last->visible());

  // A button of the text far below the fold is known by its name (ImGui
  // would clip it before naming it), so the mirror can reach it.
  f.h.navigator.open_fragment("#/lesson/nat-and-port-forwarding/6");
  f.h.frames(3, f.draw);
  const ui::a11y::Node* other = node_with(Role::Button, "Use this setup in the lab");
  REQUIRE(other);
  CHECK_FALSE(other->visible());
}
