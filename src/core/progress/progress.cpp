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

std::string prediction_id(const std::string& lesson_id, const std::string& activity_id) {
  return kPredictionPrefix + lesson_id + "/" + activity_id;
}

bool is_prediction_id(const std::string& question_id) {
  return question_id.rfind(kPredictionPrefix, 0) == 0;
}

Progress fresh_progress(Millis now_ms) {
  Progress p;
  p.created_ms = now_ms;
  p.updated_ms = now_ms;
  return p;
}

}  // namespace portlab::progress
