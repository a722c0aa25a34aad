#include "core/progress/review_queue.h"

#include <algorithm>

namespace portlab::progress {

namespace {

bool earlier(const DueQuestion& a, const DueQuestion& b) {
  return a.due_ms != b.due_ms ? a.due_ms < b.due_ms : a.id < b.id;
}

}  // namespace

std::vector<DueQuestion> due_questions(const Progress& progress, Millis now_ms) {
  std::vector<DueQuestion> due;
  for (const auto& [id, record] : progress.questions)
    if (record.due_ms <= now_ms && !is_prediction_id(id)) due.push_back({id, record.due_ms});
  std::sort(due.begin(), due.end(), earlier);
  return due;
}

std::optional<NextReview> next_review(const Progress& progress, Millis now_ms) {
  // Whether due or not, the earliest due time is the next review: when some
  // are due it is the most overdue one, otherwise the soonest to fall due.
  std::optional<DueQuestion> best;
  for (const auto& [id, record] : progress.questions) {
    if (is_prediction_id(id)) continue;
    DueQuestion candidate{id, record.due_ms};
    if (!best || earlier(candidate, *best)) best = candidate;
  }
  if (!best) return std::nullopt;
  return NextReview{best->id, best->due_ms, std::max<Millis>(0, best->due_ms - now_ms)};
}

}  // namespace portlab::progress
