#include "core/progress/mastery.h"

namespace portlab::progress {

TopicMastery topic_mastery(const Progress& progress, const std::vector<quiz::Question>& pool,
                           quiz::Topic topic) {
  TopicMastery m;
  m.topic = topic;
  for (const quiz::Question& q : pool) {
    if (q.topic != topic) continue;
    m.questions += 1;
    const QuestionRecord* record = progress.question(q.id);
    if (!record) continue;
    m.seen += 1;
    if (record->box >= kMasteredBox) m.mastered += 1;
  }
  return m;
}

std::vector<TopicMastery> mastery_by_topic(const Progress& progress,
                                           const std::vector<quiz::Question>& pool) {
  std::vector<TopicMastery> all;
  for (quiz::Topic topic : quiz::kTopics) all.push_back(topic_mastery(progress, pool, topic));
  return all;
}

std::vector<TopicMastery> mastery_by_topic(const Progress& progress, const std::vector<quiz::Question>& pool,
                                           const std::vector<quiz::Question>& more) {
  std::vector<TopicMastery> all = mastery_by_topic(progress, pool);
  for (TopicMastery& m : all) {
    const TopicMastery extra = topic_mastery(progress, more, m.topic);
    m.questions += extra.questions;
    m.seen += extra.seen;
    m.mastered += extra.mastered;
  }
  return all;
}

}  // namespace portlab::progress
