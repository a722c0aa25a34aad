// Spaced repetition with Leitner boxes: what one answer does to a question's
// schedule.
//
// Why Leitner and not SM-2: a box number is something a learner can see and
// understand ("box 4: you will see this again in a week"), one right answer
// moves a question one box up and a miss sends it back to box 1. SM-2 keeps
// a per-question ease factor learners cannot see and asks them to rate their
// own recall 0-5, which a multiple-choice grader cannot supply.
//
// The rules (Leitner, "So lernt man lernen", 1972, with review times instead
// of physical box sizes):
//   - a question never answered is due now and counts as box 1;
//   - a right answer (full credit) given when the question is due moves it
//     one box up (box 5 stays 5) and schedules it after that box's interval;
//   - a right answer given before it is due (endless practice, an exam)
//     changes neither box nor due time: only spaced successes count, so
//     answering one question five times in a minute cannot reach box 5;
//   - a wrong or partly right answer sends it to box 1, due in 10 minutes.
#pragma once

#include <string>

#include "core/progress/progress.h"

namespace portlab::progress {

inline constexpr Millis kMinute = 60 * sim::kSecond;
inline constexpr Millis kDay = 24 * 60 * kMinute;

// Review interval after landing in box 1..5: 10 minutes, 1, 3, 7, 21 days.
// Each gap is about three times the previous one. Expanding gaps beat equal
// ones for long-term recall (Landauer & Bjork 1978; Cepeda et al. 2008 found
// the best gap grows with how long the knowledge must last); a week and three
// weeks cover a course taken over a month before an exam. Box 1's 10 minutes
// brings a missed question back later in the same sitting, not at once.
inline constexpr Millis kBoxIntervals[kLastBox] = {10 * kMinute, 1 * kDay, 3 * kDay, 7 * kDay,
                                                   21 * kDay};

// The interval for a box; boxes outside 1..5 are clamped.
Millis box_interval(int box);

// True when a question with this record (nullptr: never answered) should be
// reviewed at `now_ms`.
bool is_due(const QuestionRecord* record, Millis now_ms);

// The record after one answer; `before` is nullptr for a first answer.
QuestionRecord after_answer(const QuestionRecord* before, bool correct, Millis now_ms);

// Applies one answer to `progress` (the question's record and updated_ms).
void record_answer(Progress& progress, const std::string& question_id, bool correct,
                   Millis now_ms);

}  // namespace portlab::progress
