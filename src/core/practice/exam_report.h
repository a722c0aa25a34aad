// Scoring a finished exam: right/total overall and per topic, and the review
// of mistakes (the question, what the learner answered, the right answer and
// why).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/progress/progress.h"
#include "core/quiz/question.h"

namespace portlab::practice {

struct Mistake {
  std::string question_id;
  std::string prompt;
  bool answered = false;
  std::string your_answer;     // "(not answered)" when left blank
  std::string correct_answer;  // every fully right answer, in words
  std::string explanation;     // why the right answer is right
  std::vector<std::string> feedback;  // on what the learner chose
};

struct ExamReport {
  int right = 0;  // answers with full credit; partial credit counts as wrong
  int total = 0;
  std::map<quiz::Topic, progress::TopicScore> by_topic;  // topics that had questions
  std::vector<Mistake> mistakes;                          // in exam order
  progress::Millis started_ms = 0;
  progress::Millis finished_ms = 0;
  bool timed_out = false;
  int percent() const { return total == 0 ? 0 : right * 100 / total; }  // rounded down
};

// Grades every question against its response (nullopt: not answered, which
// counts as wrong). Times are left for the caller to fill in.
ExamReport score_exam(const std::vector<quiz::Question>& questions,
                      const std::vector<std::optional<quiz::Response>>& responses);

}  // namespace portlab::practice
