// Small hand-made question pools for the practice and progress tests, so
// each test states exactly which questions exist.
#pragma once

#include <string>
#include <vector>

#include "core/quiz/question.h"
#include "core/sim/clock.h"

namespace practice_test {

using portlab::quiz::Question;
using portlab::quiz::Topic;

inline constexpr portlab::sim::Millis kMinute = 60 * 1000;
inline constexpr portlab::sim::Millis kHour = 60 * kMinute;
inline constexpr portlab::sim::Millis kDay = 24 * kHour;
// An arbitrary wall-clock start (2025-01-01T00:00:00Z in Unix milliseconds),
// so times look like what the app passes in.
inline constexpr portlab::sim::Millis kStart = 1735689600000;

// A question filed under portlab/<topic>, as the banks file them.
inline Question question(const std::string& id, portlab::quiz::QuestionType type, Topic topic,
                         std::vector<std::string> exam_tags) {
  Question q;
  q.id = id;
  q.type = type;
  q.topic = topic;
  q.exam_tags = std::move(exam_tags);
  q.category = std::string("portlab/") + portlab::quiz::to_string(topic);
  return q;
}

// "Which port does <service> use?" with a numeric answer.
inline Question port_question(const std::string& id, Topic topic, int port,
                              std::vector<std::string> exam_tags = {}) {
  Question q = question(id, portlab::quiz::QuestionType::Numeric, topic, std::move(exam_tags));
  q.prompt = "Which port does " + id + " use?";
  q.explanation = id + " uses port " + std::to_string(port) + ".";
  q.numeric_answers.push_back({static_cast<double>(port), static_cast<double>(port), 1, ""});
  return q;
}

// A true/false question whose answer is `truth`.
inline Question tf_question(const std::string& id, Topic topic, bool truth,
                            std::vector<std::string> exam_tags = {}) {
  Question q = question(id, portlab::quiz::QuestionType::TrueFalse, topic, std::move(exam_tags));
  q.prompt = id + "?";
  q.truth = truth;
  q.explanation = "Because of " + id + ".";
  return q;
}

inline portlab::quiz::Response wrong_response(const Question& q) {
  if (q.type == portlab::quiz::QuestionType::TrueFalse)
    return portlab::quiz::TrueFalseResponse{!q.truth};
  return portlab::quiz::NumericResponse{q.numeric_answers.at(0).low + 1};
}

}  // namespace practice_test
