#include "core/progress/progress.h"

namespace portlab::progress {

int ExamRecord::right() const {
  int sum = 0;
  for (const auto& [topic, score] : by_topic) sum += score.right;
  return sum;
}

int ExamRecord::total() const {
  int sum = 0;
  for (const auto& [topic, score] : by_topic) sum += score.total;
  return sum;
}

const QuestionRecord* Progress::question(const std::string& id) const {
  auto it = questions.find(id);
  return it == questions.end() ? nullptr : &it->second;
}

Progress fresh_progress(Millis now_ms) {
  Progress p;
  p.created_ms = now_ms;
  p.updated_ms = now_ms;
  return p;
}

}  // namespace portlab::progress
