// Endless practice: one question after another for as long as the learner
// likes, leaning towards what is due for review and towards weak topics,
// never the same question twice in a row.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/practice/question_pick.h"
#include "core/progress/progress.h"
#include "core/sim/random.h"

namespace portlab::practice {

// How much more likely a question is picked, by its Leitner state.
inline constexpr uint64_t kWeightDue = 12;     // answered before and due now
inline constexpr uint64_t kWeightNew = 6;      // never answered
inline constexpr uint64_t kWeightNotDue = 1;   // answered and not due yet

// The chance of being picked next, per question of `pool`: the Leitner
// weight above times a topic factor from 5 (topic mastery below 25 %) down
// to 1 (100 %), so a weak topic comes up up to five times as often. The
// question asked last gets 0.
std::vector<uint64_t> practice_weights(const Pool& pool, const progress::Progress& progress,
                                       progress::Millis now_ms, const std::string& last_id);

class EndlessPractice {
 public:
  EndlessPractice(Pool pool, uint64_t seed) : pool_(std::move(pool)), random_(seed) {}

  // Picks the next question (a weighted draw with practice_weights) and
  // makes it current. Progress is read, not changed.
  const quiz::Question& next(const progress::Progress& progress, progress::Millis now_ms);
  const quiz::Question* current() const;

  // Grades the current question and records it in progress. The current
  // question stays on show (for its explanation) until next(); answering it
  // again, answering before next(), or a response that does not fit returns
  // a Grade with an error and records nothing.
  quiz::Grade answer(progress::Progress& progress, const quiz::Response& response,
                     progress::Millis now_ms);

  int answered() const { return answered_; }
  int right() const { return right_; }

 private:
  Pool pool_;
  sim::Random random_;
  std::optional<size_t> current_;
  bool current_answered_ = false;
  int answered_ = 0;
  int right_ = 0;
};

struct EndlessStart {
  std::optional<EndlessPractice> session;
  std::string error;
};

// Needs at least two different question ids, or the next question would
// repeat the last.
EndlessStart start_endless(Pool pool, uint64_t seed);

}  // namespace portlab::practice
