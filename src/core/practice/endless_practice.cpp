#include "core/practice/endless_practice.h"

#include <map>
#include <set>

#include "core/progress/leitner.h"
#include "core/progress/mastery.h"

namespace portlab::practice {

std::vector<uint64_t> practice_weights(const Pool& pool, const progress::Progress& progress,
                                       progress::Millis now_ms, const std::string& last_id) {
  std::map<quiz::Topic, uint64_t> topic_factor;
  for (const progress::TopicMastery& m : progress::mastery_by_topic(progress, pool))
    topic_factor[m.topic] = 5 - static_cast<uint64_t>(m.percent() / 25);

  std::vector<uint64_t> weights;
  weights.reserve(pool.size());
  for (const quiz::Question& q : pool) {
    if (q.id == last_id) {
      weights.push_back(0);
      continue;
    }
    const progress::QuestionRecord* record = progress.question(q.id);
    uint64_t base = !record                                  ? kWeightNew
                    : progress::is_due(record, now_ms) ? kWeightDue
                                                             : kWeightNotDue;
    weights.push_back(base * topic_factor[q.topic]);
  }
  return weights;
}

const quiz::Question& EndlessPractice::next(const progress::Progress& progress,
                                            progress::Millis now_ms) {
  const std::string last = current_ ? pool_[*current_].id : std::string();
  std::vector<uint64_t> weights = practice_weights(pool_, progress, now_ms, last);
  uint64_t total = 0;
  for (uint64_t w : weights) total += w;
  uint64_t ticket = random_.below(total);
  size_t pick = 0;
  while (ticket >= weights[pick]) ticket -= weights[pick++];
  current_ = pick;
  current_answered_ = false;
  return pool_[pick];
}

const quiz::Question* EndlessPractice::current() const {
  return current_ ? &pool_[*current_] : nullptr;
}

quiz::Grade EndlessPractice::answer(progress::Progress& progress, const quiz::Response& response,
                                    progress::Millis now_ms) {
  quiz::Grade refused;
  if (!current_) {
    refused.error = "no question has been asked yet";
    return refused;
  }
  if (current_answered_) {
    refused.error = "this question was already answered";
    return refused;
  }
  const quiz::Question& question = pool_[*current_];
  quiz::Grade grade = quiz::grade(question, response);
  if (!grade.error.empty()) return grade;
  progress::record_answer(progress, question.id, grade.correct, now_ms);
  current_answered_ = true;
  answered_ += 1;
  right_ += grade.correct;
  return grade;
}

EndlessStart start_endless(Pool pool, uint64_t seed) {
  // Two entries with one id are one question as far as repeating goes.
  std::set<std::string> ids;
  for (const quiz::Question& q : pool) ids.insert(q.id);
  if (ids.size() < 2)
    return {std::nullopt, "endless practice needs at least two different questions, so that no "
                          "question comes twice in a row"};
  return {EndlessPractice(std::move(pool), seed), ""};
}

}  // namespace portlab::practice
