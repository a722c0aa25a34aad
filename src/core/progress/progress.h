// A learner's progress: what the app saves so practice picks up where it
// left off. Plain data; the rules that change it live in leitner.h and
// lesson_progress.h, its JSON form in progress_json.h, saving in
// progress_store.h.
//
// Times are milliseconds the app passes in (wall-clock time since the Unix
// epoch in the real app, anything monotonic in tests). Nothing here reads a
// clock, so every schedule is reproducible.
//
// Mastery per topic is not stored: it is computed from the Leitner boxes
// (mastery.h), so it can never disagree with them.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/quiz/question.h"
#include "core/sim/clock.h"

namespace portlab::progress {

using sim::Millis;

// Leitner boxes: 1 (new or just missed) to 5 (known for weeks).
inline constexpr int kFirstBox = 1;
inline constexpr int kLastBox = 5;

// One question's review state, keyed by quiz::Question::id.
struct QuestionRecord {
  int box = kFirstBox;
  Millis due_ms = 0;  // review it at or after this time
  int attempts = 0;
  int correct = 0;  // attempts with full credit
  Millis last_answered_ms = 0;
  bool operator==(const QuestionRecord& o) const {
    return box == o.box && due_ms == o.due_ms && attempts == o.attempts &&
           correct == o.correct && last_answered_ms == o.last_answered_ms;
  }
};

// Where a learner is in one lesson, keyed by course::Lesson::id. Steps are
// 0-based indices into Lesson::steps.
struct LessonRecord {
  int current_step = 0;
  std::set<int> completed_steps;
  bool checkpoint_passed = false;
  // The lesson's activities (activity::Activity::id) whose goals the learner
  // met, with when they were first met.
  std::map<std::string, Millis> activities_met;
  bool operator==(const LessonRecord& o) const {
    return current_step == o.current_step && completed_steps == o.completed_steps &&
           checkpoint_passed == o.checkpoint_passed && activities_met == o.activities_met;
  }
};

struct TopicScore {
  int right = 0;
  int total = 0;
  bool operator==(const TopicScore& o) const { return right == o.right && total == o.total; }
};

// One finished timed exam.
struct ExamRecord {
  Millis started_ms = 0;
  Millis finished_ms = 0;
  Millis time_limit_ms = 0;
  bool timed_out = false;    // finished by the clock, not by the learner
  std::string selection;     // what was drawn, e.g. "network-plus:*"
  std::map<quiz::Topic, TopicScore> by_topic;  // topics that had questions
  int right() const;
  int total() const;
  bool operator==(const ExamRecord& o) const {
    return started_ms == o.started_ms && finished_ms == o.finished_ms &&
           time_limit_ms == o.time_limit_ms && timed_out == o.timed_out &&
           selection == o.selection && by_topic == o.by_topic;
  }
};

struct Progress {
  Millis created_ms = 0;
  Millis updated_ms = 0;  // the last change
  std::map<std::string, QuestionRecord> questions;
  std::map<std::string, LessonRecord> lessons;
  std::vector<ExamRecord> exams;  // oldest first
  // Challenges built into a lab (not written in a lesson, so no lesson
  // record can hold them) that the learner solved, with when they were
  // first solved, keyed "<lab>/<challenge id>" ("nat/game-server"): the lab
  // screen's challenge list keeps their done marks after the lab moves on
  // or the app restarts (lab_challenges.h).
  std::map<std::string, Millis> lab_challenges_solved;

  const QuestionRecord* question(const std::string& id) const;
  bool operator==(const Progress& o) const {
    return created_ms == o.created_ms && updated_ms == o.updated_ms && questions == o.questions &&
           lessons == o.lessons && exams == o.exams && lab_challenges_solved == o.lab_challenges_solved;
  }
  bool operator!=(const Progress& o) const { return !(*this == o); }
};

// A prediction an activity asked for is recorded like an answered question
// (leitner.h), so it counts towards mastery, under "predict:<lesson>/<id>".
// The review queue leaves these out: they are reviewed by predicting again
// in the lesson, which the quiz screen cannot show.
inline constexpr const char* kPredictionPrefix = "predict:";
std::string prediction_id(const std::string& lesson_id, const std::string& activity_id);
bool is_prediction_id(const std::string& question_id);

// Empty progress begun at `now_ms`.
Progress fresh_progress(Millis now_ms);

}  // namespace portlab::progress
