// The quiz screen driven by clicks: the menu starts practice, an answer is
// graded and recorded in progress, an exam shows its results.
#include <doctest/doctest.h>

#include "core/model/simulation_tasks.h"
#include "ui/views/quiz_view.h"
#include "a11y_nodes.h"
#include "view_harness.h"

using namespace portlab;
using practice::QuizMode;

namespace {

constexpr sim::Millis kStart = 1735689600000;  // 2025-01-01, as the app's clock would say

// The quiz view over the shipped bank, with a clock the test moves.
struct QuizFixture : test::ViewFixture<ui::QuizView> {
  sim::Millis now = kStart;
  QuizFixture() {
    h.load_shipped_content();
    h.model.progress = progress::fresh_progress(kStart);
    view.set_clock([this] { return now; });
    h.navigator.go(nav::Route{nav::Screen::Quiz, {}});
    h.frames(2, draw);
  }
  practice::QuizDesk& desk() { return h.model.quiz; }
};

// Answers the question on show with clicks when it is a choice or a
// true/false question; false for the other types (they need typing).
bool answer_by_clicking(QuizFixture& f, const quiz::Question& q, bool right) {
  if (q.type == quiz::QuestionType::TrueFalse)
    return f.click(q.truth == right ? "True" : "False") && f.click("Check answer");
  if (q.type != quiz::QuestionType::SingleChoice) return false;
  for (const quiz::ChoiceOption& o : q.options)
    if ((o.fraction >= 1) == right) return f.click(o.text) && f.click("Check answer");
  return false;
}

}  // namespace

TEST_CASE("quiz view: start endless practice from the menu, answer, progress records it") {
  QuizFixture f;
  REQUIRE(f.h.find("Start endless practice"));
  // Sessions are seeded by time and count, so a few starts reach a question
  // that is answered by clicks alone.
  bool answered = false;
  for (int attempt = 0; attempt < 20 && !answered; ++attempt) {
    REQUIRE(f.click("Start endless practice"));
    REQUIRE(f.desk().mode() == QuizMode::Practice);
    CHECK(f.h.navigator.current() == nav::Route{nav::Screen::Quiz, {"practice"}});
    const quiz::Question q = *f.desk().question();
    if (answer_by_clicking(f, q, true)) {
      answered = true;
      CHECK(f.desk().answered() == 1);
      CHECK(f.desk().correct() == 1);
      const progress::QuestionRecord* record = f.h.model.progress.question(q.id);
      REQUIRE(record);
      CHECK(record->attempts == 1);
      CHECK(record->correct == 1);
      // Feedback, then the next question on "Next".
      REQUIRE(f.click("Next"));
      CHECK(f.desk().id() != q.id);
      CHECK(f.desk().answered() == 1);
    } else {
      REQUIRE(f.click("Back to the practice menu"));
      ++f.now;
    }
  }
  CHECK(answered);
}

TEST_CASE("quiz view: a wrong answer in practice shows the explanation and counts as wrong") {
  QuizFixture f;
  bool answered = false;
  for (int attempt = 0; attempt < 20 && !answered; ++attempt) {
    REQUIRE(f.click("Start endless practice"));
    const quiz::Question q = *f.desk().question();
    if (answer_by_clicking(f, q, false)) {
      answered = true;
      CHECK(f.desk().answered() == 1);
      CHECK(f.desk().correct() == 0);
      REQUIRE(f.h.model.progress.question(q.id));
      CHECK(f.h.model.progress.question(q.id)->correct == 0);
      CHECK(f.h.find("Next"));
    } else {
      REQUIRE(f.click("Back to the practice menu"));
      ++f.now;
    }
  }
  CHECK(answered);
}

TEST_CASE("quiz view: a timed exam runs out and shows the results with the mistakes") {
  QuizFixture f;
  REQUIRE(f.click("Start the exam"));
  REQUIRE(f.desk().mode() == QuizMode::Exam);
  REQUIRE(f.desk().exam());
  CHECK(f.desk().exam()->size() == 10);
  CHECK(f.h.find("Finish the exam"));
  // The countdown asks for a frame when its next second starts, instead of
  // drawing continuously.
  f.now += 250;
  f.h.frame(f.draw);
  CHECK_FALSE(f.view.animating());
  CHECK(f.view.wake_after_ms() == 751);
  f.now += 15 * 60 * 1000;  // the default limit passes
  f.h.frames(2, f.draw);
  REQUIRE(f.desk().exam()->finished());
  CHECK(f.h.find("Back to the practice menu"));
  CHECK(f.h.model.progress.exams.size() == 1);
  REQUIRE(f.click("Back to the practice menu"));
  CHECK(f.desk().mode() == QuizMode::Menu);
  CHECK(f.h.navigator.current() == nav::Route{nav::Screen::Quiz, {}});
}

TEST_CASE("quiz view: a seeded link opens that generated question") {
  QuizFixture f;
  f.h.navigator.go(nav::Route{nav::Screen::Quiz, {"generated", "classify-port", "7"}});
  f.h.frames(2, f.draw);
  CHECK(f.desk().mode() == QuizMode::Generated);
  CHECK(f.desk().id() == "classify-port/7");
  CHECK(f.h.find("Reveal answer"));
}

TEST_CASE("quiz view: a simulation task is done in the NAT Lab and graded by its engine") {
  QuizFixture f;
  REQUIRE(f.desk().open_link({"question", "nat-task-game-server"}) == "");
  f.h.frames(2, f.draw);
  // Checking before the work is done: not solved, and recorded as a miss.
  REQUIRE(f.click("Check my work"));
  REQUIRE(f.desk().last_grade());
  CHECK_FALSE(f.desk().last_grade()->correct);

  REQUIRE(f.desk().open_link({"question", "nat-task-game-server"}) == "");
  f.desk().next();
  REQUIRE(f.desk().open_link({"question", "nat-task-game-server"}) == "");
  f.h.frames(2, f.draw);
  REQUIRE(f.click("Open the task"));
  CHECK(nav::to_fragment(f.h.navigator.current()) == "#/nat/game-server");
  // The learner's rule, through the lab's own command (the NAT Lab view
  // tests click the editor itself).
  REQUIRE(f.h.model.nat().open_link("game-server") == "");
  labs::NatRuleInput rule;
  rule.proto = "tcp";
  rule.external_port = 25565;
  rule.internal_address = "192.168.1.30";
  rule.internal_port = 25565;
  REQUIRE(f.h.model.nat().add_rule(rule) == "");
  REQUIRE(f.h.model.nat().challenge_solved());

  const quiz::Question* q = f.desk().question();
  REQUIRE(q);
  const quiz::SimulationResponse verdict = model::check_task(q->task, f.h.model.nat());
  CHECK(verdict.passed);
  CHECK(f.desk().answer(verdict).correct);
}

TEST_CASE("quiz view: the exam's drop-downs, the question links with the current one, the score a status") {
  using ui::a11y::Role;
  QuizFixture f;
  const ui::a11y::Node* size = test::node_with(Role::Combo, "questions");
  REQUIRE(size);
  CHECK(size->value == "10 questions");
  REQUIRE(test::node_with(Role::Progress, "Port ranges"));
  REQUIRE(f.click("Start the exam"));
  int current = 0;
  for (const ui::a11y::Node& n : ui::a11y::current()->nodes()) {
    if (n.label.find("##q") == std::string::npos) continue;
    CHECK(n.role == Role::Link);
    if ((n.states & ui::a11y::kCurrent) != 0) {
      ++current;
      CHECK(n.name == "1");
    }
  }
  CHECK(current == 1);
  REQUIRE(f.click("Finish the exam"));
  f.h.frames(1, f.draw);
  CHECK(test::node_with(Role::Status, "0 of 10 right") != nullptr);
  CHECK(test::node_with(Role::Link, "Back to the practice menu") != nullptr);
}
