// Mastery per topic, derived from the Leitner boxes.
//
// Definition: a question is mastered when it sits in box 3 or higher, i.e.
// it was answered right on two separate visits at least a day apart and not
// missed since. A topic's mastery is the share of its questions (in the pool
// the app offers: bank plus generated) that are mastered. It is easy to say
// to a learner ("7 of 12 ranges questions known"), it cannot be raised by
// answering one easy question many times, and a miss lowers it at once.
#pragma once

#include <vector>

#include "core/progress/progress.h"
#include "core/quiz/question.h"

namespace portlab::progress {

inline constexpr int kMasteredBox = 3;

struct TopicMastery {
  quiz::Topic topic = quiz::Topic::Ports;
  int questions = 0;  // in the pool
  int seen = 0;       // answered at least once
  int mastered = 0;   // in box kMasteredBox or higher
  // mastered / questions as a whole percent, rounded down; 0 for no questions.
  int percent() const { return questions == 0 ? 0 : mastered * 100 / questions; }
};

TopicMastery topic_mastery(const Progress& progress, const std::vector<quiz::Question>& pool,
                           quiz::Topic topic);

// One entry per topic, in kTopics order.
std::vector<TopicMastery> mastery_by_topic(const Progress& progress,
                                           const std::vector<quiz::Question>& pool);
// The same over two pools counted as one (the practice pool and the course's
// predictions, model/prediction_questions.h), without copying either.
std::vector<TopicMastery> mastery_by_topic(const Progress& progress, const std::vector<quiz::Question>& pool,
                                           const std::vector<quiz::Question>& more);

}  // namespace portlab::progress
