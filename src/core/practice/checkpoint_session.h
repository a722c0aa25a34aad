// A lesson checkpoint: a few questions at the end of a lesson, passed with
// enough right answers. Passing is recorded in progress under the lesson.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/course/lesson.h"
#include "core/practice/question_pick.h"
#include "core/practice/question_run.h"

namespace portlab::practice {

struct CheckpointSpec {
  std::string lesson_id;                  // where a pass is recorded; may be empty
  std::vector<std::string> question_ids;  // these questions, in this order, or
  std::string category;                   // `count` drawn from this bank category
  int count = 0;                          // 0: every question of the category
  int pass = 0;                           // right answers needed; 0: the default
  // A lesson that claims an exam objective draws exam material only: a
  // category draw leaves out advanced questions.
  bool exam_only = false;
};

// The default pass mark: 70 % of the questions, rounded up (2 of 2, 3 of 3,
// 4 of 5, 7 of 10), strict enough that guessing rarely passes yet one slip
// in a longer checkpoint is forgiven.
int default_pass_mark(int questions);

// What a lesson's ```quiz block asks for (keys questions, category, count,
// pass; docs/lesson-format.md). The loader has already checked the values.
// `lesson_claims_exam`: the lesson's front matter names an exam objective.
CheckpointSpec checkpoint_spec(const std::string& lesson_id, const course::Directive& quiz_block,
                               bool lesson_claims_exam = false);

class CheckpointSession {
 public:
  CheckpointSession(std::string lesson_id, std::vector<quiz::Question> questions, int needed)
      : lesson_id_(std::move(lesson_id)), run_(std::move(questions)), needed_(needed) {}

  const QuestionRun& run() const { return run_; }
  const quiz::Question* current() const { return run_.current(); }
  bool finished() const { return run_.finished(); }
  int right() const { return run_.right(); }
  int needed() const { return needed_; }
  bool passed() const { return finished() && right() >= needed_; }

  // Grades and records the answer; the answer that completes a passing
  // checkpoint also marks the lesson's checkpoint passed.
  quiz::Grade answer(progress::Progress& progress, const quiz::Response& response,
                     progress::Millis now_ms);

 private:
  std::string lesson_id_;
  QuestionRun run_;
  int needed_ = 0;
};

struct CheckpointStart {
  std::optional<CheckpointSession> session;
  std::string error;  // why the checkpoint cannot be built from this pool
};

// Ids must all be in the pool; a category must hold at least `count`
// questions (drawn with `seed`, so a retry with another seed asks others).
CheckpointStart start_checkpoint(const Pool& pool, const CheckpointSpec& spec, uint64_t seed);

}  // namespace portlab::practice
