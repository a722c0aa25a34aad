// The shipped course and banks together: every exam item PortLab tracks is
// covered, and every lesson checkpoint can be drawn from the banks as the
// app draws it.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/activity/activity.h"
#include "core/practice/checkpoint_session.h"
#include "core/quiz/exam_objectives.h"
#include "shipped_lessons.h"

using namespace portlab;

namespace {

// Issue 17: each item of N10-009 objective 1.4 has at least three
// hand-written questions, one of which asks to apply a rule to a situation.
constexpr int kQuestionsPerItem = 3;
constexpr int kReasoningPerItem = 1;

const course::Directive* quiz_block(const course::Step& step) {
  for (const course::Directive& d : step.directives)
    if (d.kind == course::Directive::Kind::Quiz) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("every item of an itemised exam objective is covered by the shipped banks") {
  const quiz::GiftParse bank = test::shipped_bank();
  for (const quiz::GiftError& e : bank.errors) INFO(e.file << ":" << e.line << ": " << e.message);
  REQUIRE(bank.ok());
  for (const quiz::Objective& objective : quiz::itemised_objectives()) {
    CAPTURE(objective.tag);
    REQUIRE_FALSE(objective.items.empty());
    for (const quiz::ItemCoverage& c : quiz::coverage(objective, bank.questions)) {
      CAPTURE(c.item->label);
      CHECK(c.questions >= kQuestionsPerItem);
      CHECK(c.reasoning >= kReasoningPerItem);
    }
  }
}

TEST_CASE("coverage counts only questions tagged with the objective that name the item") {
  quiz::GiftParse bank = quiz::parse_gift(
      "$CATEGORY: portlab/ports\n\n"
      "// @exam network-plus:1.4 @covers smtps @reasoning\n"
      "::a:: A mail client must send through the school's server with the port the exam calls "
      "SMTPS. Which port? {#587}\n\n"
      "// @exam network-plus:1.4 @covers smtps dns\n"
      "::b:: Which port does DNS use? {#53}\n\n"
      "// @exam ccna:1.5\n"
      "::c:: Which port is SMTPS? {#587}\n",
      "t.gift");
  REQUIRE(bank.ok());
  const quiz::Objective& objective = quiz::itemised_objectives().front();
  for (const quiz::ItemCoverage& c : quiz::coverage(objective, bank.questions)) {
    CAPTURE(c.item->key);
    const std::string key = c.item->key;
    CHECK(c.questions == (key == "smtps" ? 2 : key == "dns" ? 1 : 0));
    CHECK(c.reasoning == (key == "smtps" ? 1 : 0));
  }
}

TEST_CASE("every checkpoint of the shipped course can be drawn from the shipped banks") {
  const course::Course course = test::shipped_course();
  const quiz::GiftParse bank = test::shipped_bank();
  REQUIRE(bank.ok());
  int checkpoints = 0;
  for (const course::Lesson& lesson : course.lessons) {
    for (const course::Step& step : lesson.steps) {
      const course::Directive* block = quiz_block(step);
      if (!block) continue;
      ++checkpoints;
      CAPTURE(lesson.id);
      CAPTURE(step.title);
      const bool claims_exam = !lesson.exam.empty();
      const practice::CheckpointSpec spec = practice::checkpoint_spec(lesson.id, *block, claims_exam);
      for (uint64_t seed = 1; seed <= 3; ++seed) {
        practice::CheckpointStart start = practice::start_checkpoint(bank.questions, spec, seed);
        REQUIRE_MESSAGE(start.session.has_value(), start.error);
        // A lesson that claims an exam objective asks exam material only.
        if (!claims_exam) continue;
        for (const quiz::Question& q : start.session->run().questions()) {
          CAPTURE(q.id);
          CHECK_FALSE(q.advanced);
        }
      }
    }
  }
  CHECK(checkpoints >= static_cast<int>(course.lessons.size()));
}

// Issue 18's floor for the shipped course: every lesson has at least two
// activities the engines check (goals or predictions), the course at least
// 15, and each lab's challenge list (the course's activities of that lab;
// the NAT Lab adds its built-in challenges) at least four.
TEST_CASE("the shipped course has goal-checked activities in every lesson and on every lab's list") {
  const course::Course course = test::shipped_course();
  std::vector<course::Issue> issues;
  const std::vector<activity::Activity> all = activity::course_activities(course, issues);
  CHECK(issues.empty());
  CHECK(all.size() >= 15);
  for (const course::Lesson& lesson : course.lessons) {
    CAPTURE(lesson.id);
    const auto in_lesson = std::count_if(all.begin(), all.end(), [&](const activity::Activity& a) {
      return a.lesson_id == lesson.id && !a.goals.empty();
    });
    CHECK(in_lesson >= 2);
  }
  auto of_lab = [&](std::initializer_list<const char*> labs) {
    return std::count_if(all.begin(), all.end(), [&](const activity::Activity& a) {
      return std::any_of(labs.begin(), labs.end(), [&](const char* l) { return a.lab == l; });
    });
  };
  CHECK(of_lab({"bind"}) >= 4);
  CHECK(of_lab({"ephemeral", "port-map"}) >= 4);
  CHECK(of_lab({"nat"}) + static_cast<long>(labs::NatLab::challenge_ids().size()) >= 4);
}
