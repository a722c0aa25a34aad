#include "core/practice/review_session.h"

#include "core/progress/review_queue.h"

namespace portlab::practice {

QuestionRun start_review(const Pool& pool, const progress::Progress& progress,
                         progress::Millis now_ms, size_t limit) {
  std::vector<quiz::Question> queue;
  for (const progress::DueQuestion& due : progress::due_questions(progress, now_ms)) {
    if (limit > 0 && queue.size() >= limit) break;
    if (const quiz::Question* q = find_question(pool, due.id)) queue.push_back(*q);
  }
  return QuestionRun(std::move(queue));
}

}  // namespace portlab::practice
