#include <doctest/doctest.h>

#include <set>

#include "core/practice/timed_exam.h"
#include "core/quiz/gift_parser.h"
#include "shipped_lessons.h"
#include "practice_fixture.h"

using namespace portlab;
using namespace practice_test;
using practice::TimedExam;
using progress::Progress;
using Status = TimedExam::AnswerStatus;

namespace {

practice::Pool exam_pool() {
  return {
      port_question("https", Topic::Ports, 443, {"network-plus:1.4"}),
      port_question("ssh", Topic::Ports, 22, {"network-plus:1.4", "ccna:1.5"}),
      port_question("dns", Topic::Ports, 53, {"network-plus:1.4"}),
      tf_question("pat-many-to-one", Topic::Nat, true, {"network-plus:1.4", "ccna:4.1"}),
      tf_question("nat-inbound-open", Topic::Nat, false, {"network-plus:1.4"}),
      tf_question("linux-ephemeral-49152", Topic::Ephemeral, false, {"network-plus:1.4"}),
      tf_question("ccna-only", Topic::Nat, true, {"ccna:4.1"}),
      tf_question("untagged", Topic::Ranges, true),
  };
}

TimedExam start(const practice::ExamSpec& spec, uint64_t seed = 3) {
  practice::ExamStart s = practice::start_exam(exam_pool(), spec, seed, kStart);
  REQUIRE_MESSAGE(s.exam, s.error);
  return std::move(*s.exam);
}

practice::ExamSpec spec(std::string tag, int count, progress::Millis limit = 30 * kMinute) {
  practice::ExamSpec s;
  s.exam_tag = std::move(tag);
  s.question_count = count;
  s.time_limit_ms = limit;
  return s;
}

std::vector<std::string> ids(const TimedExam& exam) {
  std::vector<std::string> out;
  for (size_t i = 0; i < exam.size(); ++i) out.push_back(exam.question(i).id);
  return out;
}

}  // namespace

TEST_CASE("timed exam: questions are drawn by exam tag, all different, the same for a seed") {
  TimedExam exam = start(spec("network-plus:*", 5));
  REQUIRE(exam.size() == 5);
  std::set<std::string> seen;
  for (size_t i = 0; i < exam.size(); ++i) {
    CHECK(practice::matches_exam_tag(exam.question(i), "network-plus:*"));
    seen.insert(exam.question(i).id);
  }
  CHECK(seen.size() == 5);
  CHECK(ids(start(spec("network-plus:*", 5), 3)) == ids(exam));
  CHECK(ids(start(spec("network-plus:*", 6), 4)) != ids(start(spec("network-plus:*", 6), 5)));

  TimedExam ccna = start(spec("ccna:4.1", 2));
  CHECK(std::set<std::string>{ccna.question(0).id, ccna.question(1).id} ==
        std::set<std::string>{"pat-many-to-one", "ccna-only"});
}

TEST_CASE("timed exam: advanced questions are drawn only when asked for") {
  practice::Pool pool = exam_pool();
  Question deep = tf_question("siphash-inputs", Topic::Ephemeral, true);
  deep.advanced = true;
  pool.push_back(deep);
  CHECK_FALSE(practice::may_draw(deep, "", false));
  CHECK(practice::may_draw(deep, "", true));
  CHECK_FALSE(practice::may_draw(deep, "network-plus:*", true));  // it claims no objective
  // Any question: everything but the advanced one, whatever the seed.
  practice::ExamSpec any = spec("", static_cast<int>(pool.size()) - 1);
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    practice::ExamStart s = practice::start_exam(pool, any, seed, kStart);
    REQUIRE_MESSAGE(s.exam, s.error);
    for (size_t i = 0; i < s.exam->size(); ++i) CHECK_FALSE(s.exam->question(i).advanced);
  }
  any.question_count = static_cast<int>(pool.size());
  CHECK_FALSE(practice::start_exam(pool, any, 1, kStart).exam.has_value());
  any.include_advanced = true;
  practice::ExamStart all = practice::start_exam(pool, any, 1, kStart);
  REQUIRE_MESSAGE(all.exam, all.error);
  CHECK(all.exam->size() == pool.size());
}

TEST_CASE("timed exam: a topic mix draws that many per topic") {
  practice::ExamSpec s = spec("network-plus:*", 0);
  s.topic_mix = {{Topic::Ports, 2}, {Topic::Nat, 2}};
  TimedExam exam = start(s);
  REQUIRE(exam.size() == 4);
  std::map<Topic, int> per_topic;
  for (size_t i = 0; i < exam.size(); ++i) per_topic[exam.question(i).topic] += 1;
  CHECK(per_topic[Topic::Ports] == 2);
  CHECK(per_topic[Topic::Nat] == 2);  // ccna-only is not tagged network-plus
}

TEST_CASE("timed exam: too few matching questions or no time limit is refused with the reason") {
  practice::ExamStart s = practice::start_exam(exam_pool(), spec("network-plus:*", 20), 1, kStart);
  CHECK_FALSE(s.exam);
  CHECK(s.error == "the exam asks for 20 questions tagged network-plus:*, and the pool has 6");
  practice::ExamSpec mix = spec("", 0);
  mix.topic_mix = {{Topic::Ephemeral, 2}};
  CHECK(practice::start_exam(exam_pool(), mix, 1, kStart).error ==
        "the exam asks for 2 ephemeral questions tagged any tag, and the pool has 1");
  CHECK(practice::start_exam(exam_pool(), spec("", 3, 0), 1, kStart).error ==
        "an exam needs a time limit");
}

TEST_CASE("timed exam: answers at or after the time limit are refused and the exam ends itself") {
  Progress p = progress::fresh_progress(kStart);
  TimedExam exam = start(spec("network-plus:*", 3, 10 * kMinute));
  CHECK(exam.deadline_ms() == kStart + 10 * kMinute);
  CHECK(exam.remaining_ms(kStart + 4 * kMinute) == 6 * kMinute);

  CHECK(exam.answer(p, 0, quiz::correct_response(exam.question(0)), kStart + kMinute) ==
        Status::Accepted);
  CHECK_FALSE(exam.update(p, kStart + 10 * kMinute - 1));
  CHECK(exam.answer(p, 1, quiz::correct_response(exam.question(1)), kStart + 10 * kMinute) ==
        Status::TimeUp);
  REQUIRE(exam.finished());
  CHECK(exam.answer(p, 2, quiz::correct_response(exam.question(2)), kStart + 11 * kMinute) ==
        Status::Finished);

  const practice::ExamReport& report = *exam.report();
  CHECK(report.timed_out);
  CHECK(report.finished_ms == kStart + 10 * kMinute);
  CHECK(report.right == 1);  // the late answer did not count
  CHECK(report.total == 3);
  CHECK(report.mistakes.size() == 2);
  CHECK(exam.remaining_ms(kStart + 5 * kMinute) == 0);

  // Only the answer given in time reached progress.
  CHECK(p.questions.size() == 1);
  CHECK(p.questions.count(exam.question(0).id) == 1);
  REQUIRE(p.exams.size() == 1);
  CHECK(p.exams[0].timed_out);
  CHECK(p.exams[0].selection == "network-plus:*");
}

TEST_CASE("timed exam: update() ends the exam when the UI sees the clock pass the limit") {
  Progress p = progress::fresh_progress(kStart);
  TimedExam exam = start(spec("", 2, kMinute));
  CHECK(exam.update(p, kStart + 2 * kMinute));
  CHECK(exam.report()->timed_out);
  CHECK(exam.report()->finished_ms == kStart + kMinute);
  CHECK(exam.report()->mistakes.size() == 2);
  CHECK_FALSE(exam.report()->mistakes[0].answered);
  CHECK(exam.report()->mistakes[0].your_answer == "(not answered)");
}

TEST_CASE("timed exam: the report scores each topic and reviews every mistake") {
  Progress p = progress::fresh_progress(kStart);
  practice::ExamSpec s = spec("network-plus:*", 0);
  s.topic_mix = {{Topic::Ports, 3}, {Topic::Nat, 2}};
  TimedExam exam = start(s);
  const quiz::Question* https = nullptr;
  for (size_t i = 0; i < exam.size(); ++i) {
    const quiz::Question& q = exam.question(i);
    if (q.id == "https") {
      https = &q;
      CHECK(exam.answer(p, i, quiz::NumericResponse{8443}, kStart + kMinute) == Status::Accepted);
    } else if (q.id == "nat-inbound-open") {
      continue;  // left blank
    } else {
      // A first wrong answer, changed to the right one before the end.
      CHECK(exam.answer(p, i, wrong_response(q), kStart + kMinute) == Status::Accepted);
      CHECK(exam.answer(p, i, quiz::correct_response(q), kStart + 2 * kMinute) ==
            Status::Accepted);
    }
  }
  REQUIRE(https);
  CHECK(exam.answered() == 4);
  const practice::ExamReport& report = exam.finish(p, kStart + 5 * kMinute);
  CHECK_FALSE(report.timed_out);
  CHECK(report.finished_ms == kStart + 5 * kMinute);
  CHECK(report.right == 3);
  CHECK(report.total == 5);
  CHECK(report.percent() == 60);
  CHECK(report.by_topic.size() == 2);
  CHECK(report.by_topic.at(Topic::Ports) == progress::TopicScore{2, 3});
  CHECK(report.by_topic.at(Topic::Nat) == progress::TopicScore{1, 2});

  REQUIRE(report.mistakes.size() == 2);
  for (const practice::Mistake& m : report.mistakes) {
    if (m.question_id == "https") {
      CHECK(m.answered);
      CHECK(m.prompt == https->prompt);
      CHECK(m.your_answer == "8443");
      CHECK(m.correct_answer == "443");
      CHECK(m.explanation == "https uses port 443.");
    } else {
      CHECK(m.question_id == "nat-inbound-open");
      CHECK(m.your_answer == "(not answered)");
      CHECK(m.correct_answer == "False");
    }
  }

  // Progress: the final answers, at the time they were given; the exam in
  // the history with the same scores.
  CHECK(p.questions.at("https").box == 1);
  CHECK(p.questions.at("ssh").box == 2);
  CHECK(p.questions.at("ssh").last_answered_ms == kStart + 2 * kMinute);
  CHECK(p.questions.count("nat-inbound-open") == 0);
  REQUIRE(p.exams.size() == 1);
  CHECK(p.exams[0].by_topic == report.by_topic);
  CHECK(p.exams[0].right() == 3);
  CHECK(p.exams[0].selection == "network-plus:* (ports 3, nat 2)");

  // Finishing again changes nothing.
  exam.finish(p, kStart + 6 * kMinute);
  CHECK(p.exams.size() == 1);
  CHECK(exam.report()->finished_ms == kStart + 5 * kMinute);
}

TEST_CASE("timed exam: a response of the wrong kind or a question out of range is refused") {
  Progress p = progress::fresh_progress(kStart);
  TimedExam exam = start(spec("ccna:*", 3));
  size_t tf = 0;
  while (exam.question(tf).type != quiz::QuestionType::TrueFalse) ++tf;
  CHECK(exam.answer(p, tf, quiz::NumericResponse{1}, kStart) == Status::DoesNotFit);
  CHECK(exam.answer(p, 3, quiz::TrueFalseResponse{true}, kStart) == Status::NoSuchQuestion);
  CHECK(exam.answered() == 0);
}

TEST_CASE("timed exam: a Network+ exam from the shipped banks, answered right, scores 100 %") {
  const quiz::GiftParse bank = test::shipped_bank();
  REQUIRE(bank.ok());
  Progress p = progress::fresh_progress(kStart);
  practice::ExamStart s =
      practice::start_exam(bank.questions, spec("network-plus:*", 20, 25 * kMinute), 2025, kStart);
  REQUIRE_MESSAGE(s.exam, s.error);
  TimedExam& exam = *s.exam;
  for (size_t i = 0; i < exam.size(); ++i)
    REQUIRE(exam.answer(p, i, quiz::correct_response(exam.question(i)), kStart + kMinute) ==
            Status::Accepted);
  const practice::ExamReport& report = exam.finish(p, kStart + 20 * kMinute);
  CHECK(report.right == 20);
  CHECK(report.percent() == 100);
  CHECK(report.mistakes.empty());
  CHECK(p.questions.size() == 20);
}
