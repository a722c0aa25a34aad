// A review session: the questions the Leitner schedule says are due, most
// overdue first (progress/review_queue.h), asked one after another.
#pragma once

#include <cstddef>

#include "core/practice/question_pick.h"
#include "core/practice/question_run.h"
#include "core/progress/progress.h"

namespace portlab::practice {

// The due questions found in `pool`, at most `limit` of them (0: all).
// Due ids no longer in the pool (a question removed from a bank) are
// skipped. The queue is fixed at the start: a question missed during the
// session is due again 10 minutes later, in the next review.
QuestionRun start_review(const Pool& pool, const progress::Progress& progress,
                         progress::Millis now_ms, size_t limit = 0);

}  // namespace portlab::practice
