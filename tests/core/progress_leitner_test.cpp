#include <doctest/doctest.h>

#include "core/progress/leitner.h"
#include "core/progress/mastery.h"
#include "core/progress/review_queue.h"
#include "practice_fixture.h"

using namespace portlab;
using namespace practice_test;
using progress::Progress;

TEST_CASE("Leitner: a first right answer moves a new question to box 2, due a day later") {
  Progress p = progress::fresh_progress(kStart);
  progress::record_answer(p, "q", true, kStart + 5);
  const progress::QuestionRecord& r = p.questions.at("q");
  CHECK(r.box == 2);
  CHECK(r.due_ms == kStart + 5 + kDay);
  CHECK(r.attempts == 1);
  CHECK(r.correct == 1);
  CHECK(r.last_answered_ms == kStart + 5);
  CHECK(p.updated_ms == kStart + 5);
}

TEST_CASE("Leitner: right answers when due climb one box at a time, with 1, 3, 7, 21 day gaps") {
  Progress p = progress::fresh_progress(kStart);
  progress::Millis now = kStart;
  const int boxes[] = {2, 3, 4, 5, 5};
  const progress::Millis gaps[] = {kDay, 3 * kDay, 7 * kDay, 21 * kDay, 21 * kDay};
  for (int i = 0; i < 5; ++i) {
    progress::record_answer(p, "q", true, now);
    CHECK(p.questions.at("q").box == boxes[i]);
    CHECK(p.questions.at("q").due_ms == now + gaps[i]);
    now = p.questions.at("q").due_ms;  // answered exactly when due
  }
  CHECK(p.questions.at("q").attempts == 5);
}

TEST_CASE("Leitner: a wrong answer sends any box back to box 1, due in 10 minutes") {
  Progress p = progress::fresh_progress(kStart);
  progress::Millis now = kStart;
  for (int i = 0; i < 3; ++i) {
    progress::record_answer(p, "q", true, now);
    now = p.questions.at("q").due_ms;
  }
  REQUIRE(p.questions.at("q").box == 4);
  progress::record_answer(p, "q", false, now);
  CHECK(p.questions.at("q").box == 1);
  CHECK(p.questions.at("q").due_ms == now + 10 * kMinute);
  CHECK(p.questions.at("q").attempts == 4);
  CHECK(p.questions.at("q").correct == 3);
}

TEST_CASE("Leitner: a right answer before the question is due keeps its box and due time") {
  Progress p = progress::fresh_progress(kStart);
  progress::record_answer(p, "q", true, kStart);  // box 2, due in a day
  const progress::Millis due = p.questions.at("q").due_ms;
  for (int i = 1; i <= 4; ++i) progress::record_answer(p, "q", true, kStart + i * kMinute);
  CHECK(p.questions.at("q").box == 2);
  CHECK(p.questions.at("q").due_ms == due);
  CHECK(p.questions.at("q").attempts == 5);
  CHECK(p.questions.at("q").correct == 5);
  // A miss still counts before it is due.
  progress::record_answer(p, "q", false, kStart + 10 * kMinute);
  CHECK(p.questions.at("q").box == 1);
}

TEST_CASE("Leitner: box intervals are 10 min, 1, 3, 7, 21 days and out-of-range boxes clamp") {
  CHECK(progress::box_interval(1) == 10 * kMinute);
  CHECK(progress::box_interval(2) == kDay);
  CHECK(progress::box_interval(3) == 3 * kDay);
  CHECK(progress::box_interval(4) == 7 * kDay);
  CHECK(progress::box_interval(5) == 21 * kDay);
  CHECK(progress::box_interval(0) == 10 * kMinute);
  CHECK(progress::box_interval(9) == 21 * kDay);
}

TEST_CASE("review queue: most overdue first, ties by id; questions never answered are not listed") {
  Progress p = progress::fresh_progress(kStart);
  p.questions["b"] = {2, kStart + 100, 1, 1, kStart};
  p.questions["a"] = {2, kStart + 100, 1, 1, kStart};
  p.questions["c"] = {1, kStart + 50, 1, 0, kStart};
  p.questions["later"] = {3, kStart + 5 * kDay, 2, 2, kStart};
  std::vector<progress::DueQuestion> due = progress::due_questions(p, kStart + 200);
  REQUIRE(due.size() == 3);
  CHECK(due[0].id == "c");
  CHECK(due[1].id == "a");
  CHECK(due[2].id == "b");
  // Exactly at the due time counts as due.
  CHECK(progress::due_questions(p, kStart + 50).size() == 1);
  CHECK(progress::due_questions(p, kStart + 49).empty());
}

TEST_CASE("review queue: next_review is the most overdue, or else the soonest to fall due") {
  Progress p = progress::fresh_progress(kStart);
  CHECK_FALSE(progress::next_review(p, kStart).has_value());
  p.questions["x"] = {3, kStart + 3 * kDay, 2, 2, kStart};
  p.questions["y"] = {2, kStart + kDay, 1, 1, kStart};
  std::optional<progress::NextReview> next = progress::next_review(p, kStart);
  REQUIRE(next);
  CHECK(next->id == "y");
  CHECK(next->wait_ms == kDay);
  next = progress::next_review(p, kStart + 4 * kDay);
  REQUIRE(next);
  CHECK(next->id == "y");  // both due; y is overdue by longer
  CHECK(next->wait_ms == 0);
}

TEST_CASE("mastery: the share of a topic's questions in box 3 or higher") {
  std::vector<quiz::Question> pool = {
      tf_question("r1", Topic::Ranges, true), tf_question("r2", Topic::Ranges, true),
      tf_question("r3", Topic::Ranges, true), tf_question("r4", Topic::Ranges, true),
      tf_question("n1", Topic::Nat, true)};
  Progress p = progress::fresh_progress(kStart);
  p.questions["r1"] = {3, kStart, 2, 2, kStart};
  p.questions["r2"] = {5, kStart, 4, 4, kStart};
  p.questions["r3"] = {2, kStart, 1, 1, kStart};
  p.questions["n1"] = {4, kStart, 3, 3, kStart};
  p.questions["gone"] = {5, kStart, 4, 4, kStart};  // no longer in any bank: ignored

  progress::TopicMastery ranges = progress::topic_mastery(p, pool, Topic::Ranges);
  CHECK(ranges.questions == 4);
  CHECK(ranges.seen == 3);
  CHECK(ranges.mastered == 2);
  CHECK(ranges.percent() == 50);

  std::vector<progress::TopicMastery> all = progress::mastery_by_topic(p, pool);
  REQUIRE(all.size() == std::size(quiz::kTopics));
  CHECK(all[0].topic == Topic::Ports);
  CHECK(all[0].percent() == 0);  // no questions at all
  CHECK(all[4].topic == Topic::Nat);
  CHECK(all[4].percent() == 100);

  // One miss drops a mastered question back to box 1 and mastery with it.
  progress::record_answer(p, "r2", false, kStart + kDay);
  CHECK(progress::topic_mastery(p, pool, Topic::Ranges).percent() == 25);
}
