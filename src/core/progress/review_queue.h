// What to review, decided from the Leitner schedule alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/progress/progress.h"

namespace portlab::progress {

struct DueQuestion {
  std::string id;
  Millis due_ms = 0;
  bool operator==(const DueQuestion& o) const { return id == o.id && due_ms == o.due_ms; }
};

// Every answered question due at `now_ms`, most overdue first, ties by id.
// Questions never answered are not listed: they are new, not due for review;
// nor are predictions (is_prediction_id): the quiz cannot ask them.
std::vector<DueQuestion> due_questions(const Progress& progress, Millis now_ms);

struct NextReview {
  std::string id;
  Millis due_ms = 0;
  Millis wait_ms = 0;  // 0 when due now, else how long until it is
};

// The question to review next: the most overdue one if any is due, else the
// one that falls due soonest (ties by id), so the app can say "next review
// in 3 hours". Empty when nothing has been answered yet. Predictions are
// left out, as in due_questions().
std::optional<NextReview> next_review(const Progress& progress, Millis now_ms);

}  // namespace portlab::progress
