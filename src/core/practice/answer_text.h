// Answers as one line of text, for the review of mistakes after an exam:
// what the learner answered and what the right answer was.
#pragma once

#include <string>

#include "core/quiz/question.h"

namespace portlab::practice {

// The learner's response in words: the chosen options' texts, "True", the
// number, the typed text, "ssh -> 22; dns -> 53", or the simulation's verdict.
std::string describe_response(const quiz::Question& question, const quiz::Response& response);

// Every answer that earns full credit, in words: "443", "78 to 82",
// "System ports (0-1023)", "https or http over tls".
std::string describe_correct_answer(const quiz::Question& question);

}  // namespace portlab::practice
