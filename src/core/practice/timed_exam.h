// A timed exam: N questions drawn by exam tag or by a mix of topics, a time
// limit, answers in any order and changeable until the end, then a score
// report by topic and a review of mistakes.
//
// The exam runs on the times the caller passes in. An answer given at or
// after the deadline is refused and ends the exam; update() ends it when the
// UI notices the time is up. Progress changes only when the exam ends: each
// question's final answer is then recorded (Leitner box, due time) at the
// time it was given, unanswered questions are left as they were, and the
// exam joins the history.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/practice/exam_report.h"
#include "core/practice/question_pick.h"

namespace portlab::practice {

struct TopicCount {
  quiz::Topic topic = quiz::Topic::Ports;
  int count = 0;
};

struct ExamSpec {
  // Which questions may be drawn (matches_exam_tag): "network-plus:*",
  // "ccna:1.5"; empty for every question of the pool.
  std::string exam_tag;
  // Advanced questions (beyond both exams) are left out unless asked for.
  bool include_advanced = false;
  int question_count = 0;             // drawn from every matching question, or
  std::vector<TopicCount> topic_mix;  // when not empty, this many per topic
  progress::Millis time_limit_ms = 0;
};

class TimedExam {
 public:
  enum class AnswerStatus {
    Accepted,
    TimeUp,           // at or after the deadline: not counted, and the exam has ended
    Finished,         // the exam had already ended
    NoSuchQuestion,   // index out of range
    DoesNotFit,       // the response is not one this question takes
  };

  TimedExam(std::string selection, std::vector<quiz::Question> questions,
            progress::Millis started_ms, progress::Millis time_limit_ms);

  size_t size() const { return questions_.size(); }
  const quiz::Question& question(size_t index) const { return questions_.at(index); }
  const std::optional<quiz::Response>& response(size_t index) const {
    return slots_.at(index).response;
  }
  int answered() const;

  progress::Millis started_ms() const { return started_ms_; }
  progress::Millis deadline_ms() const { return started_ms_ + time_limit_ms_; }
  progress::Millis remaining_ms(progress::Millis now_ms) const;

  // Sets (or replaces) the answer to question `index`.
  AnswerStatus answer(progress::Progress& progress, size_t index, const quiz::Response& response,
                      progress::Millis now_ms);
  // Ends the exam if its time is up; true once the exam has ended.
  bool update(progress::Progress& progress, progress::Millis now_ms);
  // Ends the exam now (or at the deadline, if that came first). Calling it
  // again returns the same report and changes nothing.
  const ExamReport& finish(progress::Progress& progress, progress::Millis now_ms);

  bool finished() const { return report_.has_value(); }
  const ExamReport* report() const { return report_ ? &*report_ : nullptr; }

 private:
  struct Slot {
    std::optional<quiz::Response> response;
    progress::Millis answered_ms = 0;
  };
  std::string selection_;
  std::vector<quiz::Question> questions_;
  std::vector<Slot> slots_;
  progress::Millis started_ms_ = 0;
  progress::Millis time_limit_ms_ = 0;
  std::optional<ExamReport> report_;
};

struct ExamStart {
  std::optional<TimedExam> exam;
  std::string error;  // e.g. too few questions carry the tag
};

// Draws the questions with `seed` (the same seed, pool and spec give the
// same exam) and starts the clock at `now_ms`.
ExamStart start_exam(const Pool& pool, const ExamSpec& spec, uint64_t seed,
                     progress::Millis now_ms);

}  // namespace portlab::practice
