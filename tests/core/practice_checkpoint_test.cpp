#include <doctest/doctest.h>

#include "core/practice/checkpoint_session.h"
#include "core/practice/review_session.h"
#include "core/progress/leitner.h"
#include "practice_fixture.h"

using namespace portlab;
using namespace practice_test;
using practice::CheckpointSession;
using progress::Progress;

namespace {

practice::Pool ranges_pool() {
  practice::Pool pool;
  for (int i = 0; i < 6; ++i)
    pool.push_back(tf_question("range-" + std::to_string(i), Topic::Ranges, i % 2 == 0));
  pool[5].category = "portlab/ranges/iana";  // a sub-category belongs to its parent
  pool.push_back(tf_question("nat-0", Topic::Nat, true));
  pool.push_back(tf_question("ranges-lookalike", Topic::Ports, true));
  pool.back().category = "portlab/rangesx";
  return pool;
}

CheckpointSession start(const practice::CheckpointSpec& spec, uint64_t seed = 1) {
  practice::CheckpointStart s = practice::start_checkpoint(ranges_pool(), spec, seed);
  REQUIRE_MESSAGE(s.session, s.error);
  return std::move(*s.session);
}

course::Directive quiz_block(std::vector<std::pair<std::string, std::string>> params) {
  course::Directive d;
  d.kind = course::Directive::Kind::Quiz;
  for (auto& [key, value] : params) d.params.push_back({key, value, 1});
  return d;
}

}  // namespace

TEST_CASE("checkpoint: listed questions in their order; passing marks the lesson") {
  practice::CheckpointSpec spec = practice::checkpoint_spec(
      "port-ranges", quiz_block({{"questions", "range-2, range-0, nat-0"}}));
  CHECK(spec.question_ids == std::vector<std::string>{"range-2", "range-0", "nat-0"});
  CheckpointSession session = start(spec);
  CHECK(session.needed() == 3);  // 70 % of 3, rounded up
  Progress p = progress::fresh_progress(kStart);
  std::vector<std::string> asked;
  while (const quiz::Question* q = session.current()) {
    asked.push_back(q->id);
    CHECK(session.answer(p, quiz::correct_response(*q), kStart).correct);
    CHECK(session.passed() == session.finished());
  }
  CHECK(asked == spec.question_ids);
  CHECK(session.passed());
  CHECK(p.lessons.at("port-ranges").checkpoint_passed);
  CHECK(p.questions.at("range-2").box == 2);
  CHECK(session.answer(p, quiz::TrueFalseResponse{true}, kStart).error == "the session is over");
}

TEST_CASE("checkpoint: a lesson that claims an exam objective draws no advanced question") {
  practice::Pool pool = ranges_pool();
  for (int i = 0; i < 3; ++i) pool[static_cast<size_t>(i)].advanced = true;  // range-0..2
  const course::Directive block = quiz_block({{"category", "portlab/ranges"}, {"count", "3"}});
  practice::CheckpointSpec exam_lesson = practice::checkpoint_spec("port-ranges", block, true);
  CHECK(exam_lesson.exam_only);
  for (uint64_t seed = 1; seed <= 8; ++seed) {
    practice::CheckpointStart s = practice::start_checkpoint(pool, exam_lesson, seed);
    REQUIRE_MESSAGE(s.session, s.error);
    for (const quiz::Question& q : s.session->run().questions()) CHECK_FALSE(q.advanced);
  }
  exam_lesson.count = 4;  // only range-3..5 are exam material
  CHECK_FALSE(practice::start_checkpoint(pool, exam_lesson, 1).session.has_value());
  // Any other lesson draws from the whole category.
  practice::CheckpointSpec other = practice::checkpoint_spec("privileged-binding", block);
  CHECK_FALSE(other.exam_only);
  other.count = 6;
  CHECK(practice::start_checkpoint(pool, other, 1).session.has_value());
}

TEST_CASE("checkpoint: too few right answers fails and the lesson is not marked") {
  CheckpointSession session = start(practice::checkpoint_spec(
      "port-ranges", quiz_block({{"category", "portlab/ranges"}, {"count", "4"}, {"pass", "3"}})));
  CHECK(session.run().size() == 4);
  CHECK(session.needed() == 3);
  Progress p = progress::fresh_progress(kStart);
  int i = 0;
  while (const quiz::Question* q = session.current())
    session.answer(p, i++ < 2 ? quiz::correct_response(*q) : wrong_response(*q), kStart);
  CHECK(session.finished());
  CHECK(session.right() == 2);
  CHECK_FALSE(session.passed());
  CHECK(p.lessons.count("port-ranges") == 0);
  CHECK(p.questions.size() == 4);
}

TEST_CASE("checkpoint: a category draw takes only that category and its sub-categories") {
  practice::CheckpointSpec spec;
  spec.category = "portlab/ranges";
  CheckpointSession all = start(spec);  // no count: the whole category
  CHECK(all.run().size() == 6);
  CHECK(all.needed() == 5);  // 70 % of 6 = 4.2, rounded up
  for (const quiz::Question& q : all.run().questions()) CHECK(q.topic == Topic::Ranges);

  spec.count = 3;
  auto drawn = [&](uint64_t seed) {
    CheckpointSession session = start(spec, seed);
    std::vector<std::string> ids;
    for (const quiz::Question& q : session.run().questions()) ids.push_back(q.id);
    return ids;
  };
  CHECK(drawn(9).size() == 3);
  CHECK(drawn(9) == drawn(9));
}

TEST_CASE("checkpoint: the default pass mark is 70 % rounded up") {
  CHECK(practice::default_pass_mark(1) == 1);
  CHECK(practice::default_pass_mark(2) == 2);
  CHECK(practice::default_pass_mark(5) == 4);
  CHECK(practice::default_pass_mark(10) == 7);
}

TEST_CASE("checkpoint: a checkpoint the pool cannot supply is refused with the reason") {
  practice::CheckpointSpec missing;
  missing.question_ids = {"range-0", "no-such-question"};
  CHECK(practice::start_checkpoint(ranges_pool(), missing, 1).error ==
        "the checkpoint asks for question \"no-such-question\", which no bank has");
  practice::CheckpointSpec too_many;
  too_many.category = "portlab/nat";
  too_many.count = 2;
  CHECK(practice::start_checkpoint(ranges_pool(), too_many, 1).error ==
        "the checkpoint asks for 2 questions from category \"portlab/nat\", which has 1");
  practice::CheckpointSpec strict;
  strict.question_ids = {"range-0"};
  strict.pass = 2;
  CHECK(practice::start_checkpoint(ranges_pool(), strict, 1).error ==
        "the checkpoint needs 2 right answers out of 1 questions");
}

TEST_CASE("review session: the due questions in the pool, most overdue first") {
  practice::Pool pool = ranges_pool();
  Progress p = progress::fresh_progress(kStart);
  const progress::Millis now = kStart + 5 * kDay;
  p.questions["range-1"] = {2, now - kHour, 1, 1, kStart};
  p.questions["range-4"] = {3, now - 2 * kDay, 2, 2, kStart};
  p.questions["nat-0"] = {2, now + kHour, 1, 1, kStart};       // not due yet
  p.questions["deleted-question"] = {1, kStart, 1, 0, kStart};  // due, but in no bank

  practice::QuestionRun first_only = practice::start_review(pool, p, now, 1);
  REQUIRE(first_only.size() == 1);
  CHECK(first_only.current()->id == "range-4");

  practice::QuestionRun review = practice::start_review(pool, p, now);
  REQUIRE(review.size() == 2);
  CHECK(review.current()->id == "range-4");
  CHECK(review.answer(p, quiz::correct_response(*review.current()), now).correct);
  CHECK(p.questions.at("range-4").box == 4);
  CHECK(review.current()->id == "range-1");
  CHECK_FALSE(review.answer(p, wrong_response(*review.current()), now).correct);
  CHECK(p.questions.at("range-1").box == 1);
  CHECK(review.finished());
  CHECK(review.right() == 1);

  // Nothing due any more: the missed one returns in 10 minutes.
  CHECK(practice::start_review(pool, p, now).finished());
  CHECK(practice::start_review(pool, p, now + 10 * kMinute).size() == 1);
}
