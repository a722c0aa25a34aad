// Progress as JSON: the "data" member of a versioned "portlab-progress"
// document (progress_store.h adds the envelope).
//
//   {"created_ms": 0, "updated_ms": 0,
//    "questions": {"<id>": {"box": 2, "due_ms": 0, "attempts": 1, "correct": 1,
//                           "last_answered_ms": 0}},
//    "lessons": {"<id>": {"current_step": 3, "completed_steps": [0, 1, 2],
//                         "checkpoint_passed": false,
//                         "activities_met": {"<activity id>": 0}}},
//    "exams": [{"started_ms": 0, "finished_ms": 0, "time_limit_ms": 0,
//               "timed_out": false, "selection": "network-plus:*",
//               "by_topic": {"ports": {"right": 3, "total": 4}}}]},
//    "lab_challenges_solved": {"nat/game-server": 0}}
//
// Reading is strict because a save is only ever written by PortLab: every
// field is required, unknown fields and wrong types are errors naming the
// JSON path, and values that cannot happen (box 7, more right answers than
// attempts) are refused rather than repaired. Writing then reading gives the
// same Progress, and reading then writing gives the same text. The one
// exception to "every field is required" is "lab_challenges_solved": it
// came later within version 2 and is written only when it holds something,
// so a save without it (all saves before it, and every learner who has not
// solved a built-in challenge) stays as it was.
//
// Versions (the envelope's "version"; every older one still opens):
//   1  the first save format
//   2  lessons gained "activities_met" (activity id -> when first met); a
//      version-1 lesson has none and must not carry the field; the top
//      level may hold "lab_challenges_solved" ("<lab>/<challenge id>" ->
//      when first solved), which a version-1 save must not carry
#pragma once

#include <optional>
#include <string>

#include "core/json.h"
#include "core/progress/progress.h"

namespace portlab::progress {

// The largest time or count accepted: every integer up to 2^53 - 1 is exact
// in a JSON number (a double), so reading never rounds.
inline constexpr long long kMaxExactInteger = 9007199254740991LL;

// The version to_json() writes.
inline constexpr int kFormatVersion = 2;

json::Value to_json(const Progress& progress);

struct ProgressParse {
  std::optional<Progress> progress;
  std::string error;  // "$.questions[\"q1\"].box: number 7 is out of range 1-5"
  bool ok() const { return progress.has_value(); }
};

// Reads "data" as written by a document of `version` (1..kFormatVersion).
ProgressParse from_json(const json::Value& data, int version = kFormatVersion);

}  // namespace portlab::progress
