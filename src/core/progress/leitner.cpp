#include "core/progress/leitner.h"

#include <algorithm>

namespace portlab::progress {

Millis box_interval(int box) {
  return kBoxIntervals[std::clamp(box, kFirstBox, kLastBox) - kFirstBox];
}

bool is_due(const QuestionRecord* record, Millis now_ms) {
  return !record || record->due_ms <= now_ms;
}

QuestionRecord after_answer(const QuestionRecord* before, bool correct, Millis now_ms) {
  QuestionRecord r = before ? *before : QuestionRecord{};
  const bool due = is_due(before, now_ms);
  r.attempts += 1;
  r.last_answered_ms = now_ms;
  if (!correct) {
    r.box = kFirstBox;
    r.due_ms = now_ms + box_interval(kFirstBox);
    return r;
  }
  r.correct += 1;
  if (due) {
    r.box = std::min(r.box + 1, kLastBox);
    r.due_ms = now_ms + box_interval(r.box);
  }
  return r;
}

void record_answer(Progress& progress, const std::string& question_id, bool correct,
                   Millis now_ms) {
  QuestionRecord next = after_answer(progress.question(question_id), correct, now_ms);
  progress.questions[question_id] = next;
  progress.updated_ms = std::max(progress.updated_ms, now_ms);
}

}  // namespace portlab::progress
