// Generated questions: parameterized templates whose right answers,
// per-option feedback and explanations come from running the engines (the
// simulated host, the NAT network, the port tables) at generation time, so
// a question can never disagree with the simulator the learner just used.
//
// A template draws a scenario from a seed with sim::Random, asks the engine
// what happens, and writes the question around the engine's answer. The
// same seed always gives the same question, on every platform, and its id is
// "<template id>/<seed>" so progress and spaced repetition can key it.
//
// Templates never generate on anything the reference marks [?] (Windows
// allocation and TIME_WAIT, macOS port allocation, NAT-PMP/PCP naming).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/quiz/question.h"

namespace portlab::quiz {

// One fact of the scenario a question states, e.g. {"port", "8080"}.
struct ScenarioValue {
  std::string key;
  std::string value;
  // The prompt shows the value verbatim. False for what the prompt only
  // implies (a simulation seed, a yes/no the prompt words differently).
  bool stated = true;
};

struct Generated {
  Question question;
  // The scenario the prompt states, in the order it states it, so a test
  // (or a view that replays the question in a simulator) can run the engine
  // on it again.
  std::vector<ScenarioValue> scenario;
  // The engine's answer in a canonical form: an errno ("EACCES"), a range
  // key ("system"), a number ("60"), "true"/"false". Multiple right options
  // are joined with '|' in option order.
  std::string answer;
  // Choice questions: the canonical form of each option, parallel to
  // question.options (empty for other types).
  std::vector<std::string> option_keys;

  // The value of a scenario key; empty when absent.
  std::string value(std::string_view key) const;
};

struct Template {
  const char* id;  // "classify-port"
  const char* title;
  Topic topic;
  QuestionType type;
  std::vector<const char*> exam_tags;  // "network-plus:1.4", "ccna:1.5"
  int difficulty;                      // 1 easy .. 3 hard
  // The reference rules its explanations cite; every explanation names at
  // least one of them and no other.
  std::vector<const char*> rules;
  Generated (*generate)(uint64_t seed);
  // Beyond both exams (Question::advanced): such a template has no exam tags.
  bool advanced = false;
};

// Every template, in the order the course meets their topics.
const std::vector<const Template*>& templates();
// nullptr when no template has this id.
const Template* find_template(std::string_view id);

}  // namespace portlab::quiz
