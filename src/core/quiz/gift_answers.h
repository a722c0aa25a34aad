// The answer block of one GIFT question, the text between { and } without
// its general feedback (internal to the GIFT parser).
#pragma once

#include <string>
#include <vector>

#include "core/quiz/gift_text.h"
#include "core/quiz/question.h"

namespace portlab::quiz::gift {

struct LineError {
  int line = 0;
  std::string message;
};

// Decides the question type the way Moodle does (a leading # is numeric, a ~
// makes it a choice, = with -> is matching, T/TRUE/F/FALSE is true/false,
// anything else short answer) and fills the type and answers of `question`.
// `answers` is trimmed and not empty. Appends an error for each problem;
// the question is usable only when none was added. `line` is used for
// problems that have no better place.
void parse_answers(const MarkedText& answers, int line, Question& question,
                   std::vector<LineError>& errors);

}  // namespace portlab::quiz::gift
