// The quiz screen's model: links open the right mode, the exam clock ends
// an exam at its limit, answers are counted and recorded in progress.
#include <doctest/doctest.h>


#include "core/practice/quiz_desk.h"
#include "core/progress/leitner.h"
#include "core/quiz/gift_parser.h"
#include "shipped_lessons.h"
#include "practice_fixture.h"

using namespace portlab;
using practice::QuizDesk;
using practice::QuizMode;
using practice_test::kMinute;
using practice_test::kStart;

namespace {

practice::Pool shipped_bank() { return test::shipped_bank().questions; }

// A desk attached to the shipped bank and fresh progress, at kStart.
struct Desk {
  practice::Pool bank = shipped_bank();
  progress::Progress progress = progress::fresh_progress(kStart);
  QuizDesk desk;
  Desk() {
    desk.attach(&bank, &progress);
    desk.update(kStart);
  }
};

// A response that earns no credit, for the types practice can ask.
quiz::Response wrong_response(const quiz::Question& q) {
  switch (q.type) {
    case quiz::QuestionType::SingleChoice:
    case quiz::QuestionType::MultipleChoice:
      for (size_t i = 0; i < q.options.size(); ++i)
        if (q.options[i].fraction <= 0) return quiz::ChoiceResponse{{i}};
      break;
    case quiz::QuestionType::TrueFalse: return quiz::TrueFalseResponse{!q.truth};
    case quiz::QuestionType::Numeric: return quiz::NumericResponse{-424242};
    case quiz::QuestionType::ShortAnswer: return quiz::TextResponse{"no such answer at all"};
    default: break;
  }
  return quiz::SimulationResponse{false, "not done"};
}

// Moves past questions wrong_response cannot miss on purpose.
void skip_unanswerable(QuizDesk& desk) {
  while (desk.question()->type == quiz::QuestionType::Matching ||
         desk.question()->type == quiz::QuestionType::Simulation)
    desk.next();
}

}  // namespace

TEST_CASE("quiz desk: each link opens its mode and names itself back") {
  Desk d;
  REQUIRE(d.bank.size() >= 150);
  CHECK(d.desk.mode() == QuizMode::Menu);
  CHECK(d.desk.id().empty());

  CHECK(d.desk.open_link({"practice"}) == "");
  CHECK(d.desk.mode() == QuizMode::Practice);
  CHECK_FALSE(d.desk.id().empty());
  CHECK(d.desk.link() == std::vector<std::string>{"practice"});

  CHECK(d.desk.open_link({"exam", "ccna"}) == "");
  CHECK(d.desk.mode() == QuizMode::Exam);
  REQUIRE(d.desk.exam());
  CHECK(d.desk.exam()->size() == 10);
  for (size_t i = 0; i < d.desk.exam()->size(); ++i)
    CHECK(practice::matches_exam_tag(d.desk.exam()->question(i), "ccna:*"));

  CHECK(d.desk.open_link({"review"}) == "");
  CHECK(d.desk.mode() == QuizMode::Review);

  const std::string bank_id = d.bank.at(3).id;
  CHECK(d.desk.open_link({"question", bank_id}) == "");
  CHECK(d.desk.mode() == QuizMode::Bank);
  CHECK(d.desk.id() == bank_id);

  CHECK(d.desk.open_link({}) == "");
  CHECK(d.desk.mode() == QuizMode::Menu);
}

TEST_CASE("quiz desk: an unknown link returns a problem and changes nothing") {
  Desk d;
  REQUIRE(d.desk.open_link({"practice"}) == "");
  const std::string shown = d.desk.id();
  for (const std::vector<std::string>& bad : std::vector<std::vector<std::string>>{
           {"tournament"},
           {"exam", "cissp"},
           {"generated", "no-such-template", "1"},
           {"generated", "classify-port", "-3"},
           {"generated", "classify-port", "12abc"},
           {"question", "no-such-question"},
           {"practice", "extra"}}) {
    CAPTURE(bad.size());
    CHECK_FALSE(d.desk.open_link(bad).empty());
    CHECK(d.desk.mode() == QuizMode::Practice);
    CHECK(d.desk.id() == shown);
  }
}

TEST_CASE("quiz desk: the same generated link gives the same question on any desk") {
  Desk a, b;
  REQUIRE(a.desk.open_link({"generated", "classify-port", "4242"}) == "");
  REQUIRE(b.desk.open_link({"generated", "classify-port", "4242"}) == "");
  CHECK(a.desk.id() == "classify-port/4242");
  REQUIRE(a.desk.question());
  REQUIRE(b.desk.question());
  CHECK(a.desk.question()->prompt == b.desk.question()->prompt);
  CHECK(a.desk.link() == std::vector<std::string>{"generated", "classify-port", "4242"});

  REQUIRE(b.desk.open_link({"generated", "classify-port", "4243"}) == "");
  CHECK(b.desk.id() == "classify-port/4243");
  // "Next" on a generated question is the next seed, so a teacher can step.
  a.desk.next();
  CHECK(a.desk.id() == "classify-port/4243");
}

TEST_CASE("quiz desk: a link followed before the bank is attached opens once attached") {
  practice::Pool bank = shipped_bank();
  progress::Progress progress = progress::fresh_progress(kStart);
  QuizDesk desk;
  CHECK_FALSE(desk.open_link({"generated", "nope", "1"}).empty());
  CHECK(desk.open_link({"question", bank.at(0).id}) == "");
  CHECK(desk.mode() == QuizMode::Menu);
  desk.attach(&bank, &progress);
  CHECK(desk.mode() == QuizMode::Menu);  // and the time, first
  desk.update(kStart);
  CHECK(desk.mode() == QuizMode::Bank);
  CHECK(desk.id() == bank.at(0).id);
}

TEST_CASE("quiz desk: an exam link followed at start-up starts its clock at the first update") {
  practice::Pool bank = shipped_bank();
  progress::Progress progress = progress::fresh_progress(kStart);
  QuizDesk desk;
  CHECK(desk.open_link({"exam"}) == "");
  desk.attach(&bank, &progress);
  desk.update(kStart + kMinute);
  REQUIRE(desk.exam());
  CHECK(desk.exam()->started_ms() == kStart + kMinute);
  CHECK_FALSE(desk.exam()->finished());
  CHECK(desk.exam_remaining_ms() == desk.exam_choice().time_limit_ms);
}

TEST_CASE("quiz desk: once attached, a start-up link to a missing bank question is refused") {
  practice::Pool bank = shipped_bank();
  progress::Progress progress = progress::fresh_progress(kStart);
  QuizDesk desk;
  desk.attach(&bank, &progress);  // as the app does, before it knows the time
  CHECK_FALSE(desk.open_link({"question", "no-such-question"}).empty());
  CHECK(desk.open_link({"question", bank.at(1).id}) == "");
  desk.update(kStart);
  CHECK(desk.id() == bank.at(1).id);
  CHECK(desk.take_link_problem().empty());
}

TEST_CASE("quiz desk: a start-up exam link that cannot draw enough questions says why") {
  practice::Pool bank;  // no bank: only generated questions
  progress::Progress progress = progress::fresh_progress(kStart);
  QuizDesk desk;
  practice::ExamChoice huge;
  huge.questions = 100000;
  desk.set_exam_choice(huge);
  desk.attach(&bank, &progress);
  CHECK(desk.open_link({"exam"}) == "");
  desk.update(kStart);
  CHECK(desk.mode() == QuizMode::Menu);
  CHECK_FALSE(desk.take_link_problem().empty());
  CHECK(desk.take_link_problem().empty());  // handed out once
}

TEST_CASE("quiz desk: practice counts answers and right answers and records them") {
  Desk d;
  REQUIRE(d.desk.open_link({"practice"}) == "");
  const std::string first = d.desk.id();
  quiz::Grade g = d.desk.answer(quiz::correct_response(*d.desk.question()));
  CHECK(g.correct);
  CHECK(d.desk.answered() == 1);
  CHECK(d.desk.correct() == 1);
  REQUIRE(d.desk.last_grade());
  CHECK(d.desk.id() == first);  // stays for its feedback
  CHECK(d.progress.question(first) != nullptr);
  // A second answer to the same question is refused and not counted.
  CHECK_FALSE(d.desk.answer(quiz::correct_response(*d.desk.question())).error.empty());
  CHECK(d.desk.answered() == 1);

  d.desk.next();
  CHECK_FALSE(d.desk.last_grade());
  CHECK(d.desk.id() != first);
  skip_unanswerable(d.desk);
  const std::string second = d.desk.id();
  g = d.desk.answer(wrong_response(*d.desk.question()));
  CHECK(g.error.empty());
  CHECK_FALSE(g.correct);
  CHECK(d.desk.answered() == 2);
  CHECK(d.desk.correct() == 1);
  REQUIRE(d.progress.question(second));
  CHECK(d.progress.question(second)->correct == 0);
}

TEST_CASE("quiz desk: reopening the link of the open mode keeps its session") {
  Desk d;
  REQUIRE(d.desk.open_link({"practice"}) == "");
  d.desk.answer(quiz::correct_response(*d.desk.question()));
  CHECK(d.desk.open_link({"practice"}) == "");
  CHECK(d.desk.answered() == 1);
}

TEST_CASE("quiz desk: the exam clock ends the exam at its time limit") {
  Desk d;
  practice::ExamChoice choice;
  choice.questions = 5;
  choice.time_limit_ms = 10 * kMinute;
  d.desk.set_exam_choice(choice);
  REQUIRE(d.desk.start_exam() == "");
  REQUIRE(d.desk.exam());
  CHECK(d.desk.exam_remaining_ms() == 10 * kMinute);
  // Answers carry no feedback and move to the next question.
  const std::string first = d.desk.id();
  d.desk.answer(quiz::correct_response(*d.desk.question()));
  CHECK_FALSE(d.desk.last_grade());
  CHECK(d.desk.exam_index() == 1);
  CHECK(d.desk.answered() == 1);
  CHECK(d.desk.correct() == 0);  // not told until the end

  d.desk.update(kStart + 10 * kMinute - 1);
  CHECK_FALSE(d.desk.exam()->finished());
  CHECK(d.desk.exam_remaining_ms() == 1);
  d.desk.update(kStart + 10 * kMinute);
  REQUIRE(d.desk.exam()->finished());
  CHECK(d.desk.exam()->report()->timed_out);
  CHECK(d.desk.id().empty());
  CHECK(d.desk.correct() == 1);
  REQUIRE(d.progress.exams.size() == 1);
  CHECK(d.progress.exams[0].time_limit_ms == 10 * kMinute);
  CHECK(d.progress.question(first) != nullptr);
  // An answer after the end is refused.
  CHECK_FALSE(d.desk.answer(quiz::TrueFalseResponse{true}).error.empty());
}

TEST_CASE("quiz desk: review asks the due questions and says when none are left") {
  Desk d;
  REQUIRE(d.desk.open_link({"practice"}) == "");
  skip_unanswerable(d.desk);
  const std::string asked = d.desk.id();
  d.desk.answer(wrong_response(*d.desk.question()));
  // A miss is due again 10 minutes later.
  d.desk.update(kStart + 10 * kMinute);
  CHECK(d.desk.due_now() == 1);
  REQUIRE(d.desk.open_link({"review"}) == "");
  CHECK(d.desk.review_size() == 1);
  CHECK(d.desk.id() == asked);
  d.desk.answer(quiz::correct_response(*d.desk.question()));
  CHECK(d.desk.correct() == 1);
  d.desk.next();
  CHECK(d.desk.question() == nullptr);
  REQUIRE(d.desk.next_review());
  CHECK(d.desk.next_review()->wait_ms > 0);
}

TEST_CASE("quiz desk: the pool holds the bank, generated seeds and generated questions seen") {
  Desk d;
  const size_t base = d.desk.pool().size();
  CHECK(base > d.bank.size());
  CHECK(practice::find_question(d.desk.pool(), "classify-port/1"));
  progress::record_answer(d.progress, "classify-port/987", true, kStart);
  CHECK(d.desk.pool().size() == base + 1);
  CHECK(practice::find_question(d.desk.pool(), "classify-port/987"));
  CHECK(practice::generated_question("classify-port/x") == std::nullopt);
}
