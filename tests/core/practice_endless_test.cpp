#include <doctest/doctest.h>

#include <map>

#include "core/practice/endless_practice.h"
#include "core/progress/leitner.h"
#include "practice_fixture.h"

using namespace portlab;
using namespace practice_test;
using practice::EndlessPractice;
using progress::Progress;

namespace {

practice::Pool ports_pool(int n, Topic topic = Topic::Ports, const std::string& prefix = "q") {
  practice::Pool pool;
  for (int i = 0; i < n; ++i)
    pool.push_back(port_question(prefix + std::to_string(i), topic, 80 + i));
  return pool;
}

EndlessPractice start(practice::Pool pool, uint64_t seed) {
  practice::EndlessStart s = practice::start_endless(std::move(pool), seed);
  REQUIRE_MESSAGE(s.session, s.error);
  return std::move(*s.session);
}

}  // namespace

TEST_CASE("endless practice: never the same question twice in a row, right or wrong") {
  for (int size : {2, 3, 7}) {
    CAPTURE(size);
    practice::Pool pool = ports_pool(size);
    EndlessPractice session = start(pool, 42);
    Progress p = progress::fresh_progress(kStart);
    std::string last;
    for (int i = 0; i < 400; ++i) {
      progress::Millis now = kStart + i * kMinute;
      const quiz::Question& q = session.next(p, now);
      CHECK(q.id != last);
      last = q.id;
      // Every third answer wrong, so box-1 questions fall due again soon.
      quiz::Response r = i % 3 == 0 ? wrong_response(q) : quiz::correct_response(q);
      CHECK(session.answer(p, r, now).error.empty());
    }
    CHECK(session.answered() == 400);
  }
}

TEST_CASE("endless practice: due questions are picked far more often than ones not due") {
  practice::Pool pool = ports_pool(10);
  Progress p = progress::fresh_progress(kStart);
  const progress::Millis now = kStart + 2 * kDay;
  for (const quiz::Question& q : pool)
    p.questions[q.id] = {2, now + kDay, 1, 1, kStart};  // not due
  p.questions["q3"].due_ms = now - kHour;               // due
  p.questions["q7"].due_ms = now;                        // due

  std::vector<uint64_t> weights = practice::practice_weights(pool, p, now, "");
  CHECK(weights[3] == 12 * weights[0]);
  CHECK(weights[7] == weights[3]);
  CHECK(practice::practice_weights(pool, p, now, "q3")[3] == 0);

  EndlessPractice session = start(pool, 7);
  int due_picks = 0;
  const int picks = 2000;
  for (int i = 0; i < picks; ++i) {
    const std::string& id = session.next(p, now).id;
    due_picks += id == "q3" || id == "q7";
  }
  // Two due questions out of ten: 20 % by chance; their weight makes it
  // about 70 % (fewer than 75 % since one cannot follow itself).
  CHECK(due_picks > picks * 6 / 10);
}

TEST_CASE("endless practice: a weak topic comes up more often than a mastered one") {
  practice::Pool pool = ports_pool(4, Topic::Ports, "ports");
  for (const quiz::Question& q : ports_pool(4, Topic::Nat, "nat")) pool.push_back(q);
  Progress p = progress::fresh_progress(kStart);
  const progress::Millis now = kStart + kDay;
  // Nothing is due: ports questions mastered (box 4), nat ones in box 2.
  for (const quiz::Question& q : pool)
    p.questions[q.id] = {q.topic == Topic::Ports ? 4 : 2, now + kDay, 3, 3, kStart};

  std::vector<uint64_t> weights = practice::practice_weights(pool, p, now, "");
  CHECK(weights[0] == 1);  // ports: 100 % mastered
  CHECK(weights[4] == 5);  // nat: 0 % mastered

  EndlessPractice session = start(pool, 11);
  int nat = 0;
  for (int i = 0; i < 2000; ++i) nat += session.next(p, now).topic == Topic::Nat;
  CHECK(nat > 2000 * 7 / 10);
}

TEST_CASE("endless practice: new questions are preferred to ones answered and not due") {
  practice::Pool pool = ports_pool(3);
  Progress p = progress::fresh_progress(kStart);
  p.questions["q0"] = {2, kStart + kDay, 1, 1, kStart};
  std::vector<uint64_t> weights = practice::practice_weights(pool, p, kStart, "");
  CHECK(weights[1] == 6 * weights[0]);
  CHECK(weights[2] == weights[1]);
}

TEST_CASE("endless practice: the same seed and answers replay the same questions") {
  auto run = [](uint64_t seed) {
    EndlessPractice session = start(ports_pool(6), seed);
    Progress p = progress::fresh_progress(kStart);
    std::vector<std::string> ids;
    for (int i = 0; i < 50; ++i) {
      const quiz::Question& q = session.next(p, kStart + i * kHour);
      ids.push_back(q.id);
      session.answer(p, quiz::correct_response(q), kStart + i * kHour);
    }
    return ids;
  };
  CHECK(run(5) == run(5));
  CHECK(run(5) != run(6));
}

TEST_CASE("endless practice: every answer updates progress; a second answer is refused") {
  EndlessPractice session = start(ports_pool(2), 1);
  Progress p = progress::fresh_progress(kStart);
  CHECK(session.answer(p, quiz::NumericResponse{80}, kStart).error ==
        "no question has been asked yet");
  const quiz::Question& q = session.next(p, kStart);
  CHECK(session.answer(p, quiz::correct_response(q), kStart).correct);
  CHECK(p.questions.at(q.id).box == 2);
  CHECK(session.answer(p, quiz::correct_response(q), kStart).error ==
        "this question was already answered");
  CHECK(p.questions.at(q.id).attempts == 1);
  // A response of the wrong kind is not recorded.
  const quiz::Question& other = session.next(p, kStart);
  CHECK_FALSE(session.answer(p, quiz::TrueFalseResponse{true}, kStart).error.empty());
  CHECK(p.questions.count(other.id) == 0);
  CHECK(session.right() == 1);
}

TEST_CASE("endless practice: fewer than two different questions is refused") {
  CHECK_FALSE(practice::start_endless(ports_pool(1), 1).session);
  practice::Pool twins = {port_question("same", Topic::Ports, 22),
                          port_question("same", Topic::Ports, 22)};
  practice::EndlessStart s = practice::start_endless(twins, 1);
  CHECK_FALSE(s.session);
  CHECK(s.error.find("at least two different questions") != std::string::npos);
}
