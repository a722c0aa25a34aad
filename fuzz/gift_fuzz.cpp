// libFuzzer target: the GIFT parser and the grading of what it accepts.
//
// Any bytes must parse without a crash, a sanitizer report or a slow run,
// and every result must keep the promises the rest of PortLab relies on:
// errors point at a line of the file, accepted questions have an id, a
// prompt and a difficulty, their correct_response() earns full credit, and
// no response, however wrong, grades outside 0..1 or as correct with an
// error. A broken promise aborts, so libFuzzer keeps the input.
//
// Run: tools/fuzz.sh gift [seconds]  (or make fuzz FUZZ_TARGET=gift)
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/quiz/gift_parser.h"
#include "require.h"

using namespace portlab::quiz;

using portlab::fuzz::require;

namespace {

void check_grade(const Grade& g) {
  require(g.credit >= 0 && g.credit <= 1);
  require(!g.correct || g.credit > 0.999);
  require(g.error.empty() || (!g.correct && g.credit == 0));
}

void grade_choices(const Question& q) {
  size_t n = q.options.size();
  for (size_t i = 0; i < n; ++i) check_grade(grade(q, ChoiceResponse{{i}}));
  ChoiceResponse all;
  for (size_t i = 0; i < n; ++i) all.selected.push_back(i);
  check_grade(grade(q, all));
  check_grade(grade(q, ChoiceResponse{}));
  require(!grade(q, ChoiceResponse{{n}}).error.empty());
}

void grade_numbers(const Question& q) {
  for (const NumericAnswer& a : q.numeric_answers) {
    require(std::isfinite(a.low) && std::isfinite(a.high) && a.low <= a.high);
    for (double v : {a.low, a.high, a.low - 1, a.high + 0.5})
      check_grade(grade(q, NumericResponse{v}));
  }
  require(!grade(q, NumericResponse{std::nan("")}).error.empty());
}

void grade_texts(const Question& q, std::string_view input) {
  for (const TextAnswer& a : q.text_answers) {
    check_grade(grade(q, TextResponse{a.text}));
    check_grade(grade(q, TextResponse{" " + a.text + "  x"}));
  }
  check_grade(grade(q, TextResponse{std::string(input.substr(0, 64))}));
}

void grade_matching(const Question& q) {
  std::vector<std::string> prompts = matching_prompts(q);
  std::vector<std::string> choices = matching_choices(q);
  MatchingResponse shifted;
  for (size_t i = 0; i < prompts.size(); ++i)
    shifted.chosen.push_back(choices.empty() ? "" : choices[(i + 1) % choices.size()]);
  check_grade(grade(q, shifted));
  shifted.chosen.push_back("extra");
  require(!grade(q, shifted).error.empty());
}

void exercise(const Question& q, std::string_view input) {
  require(!q.id.empty());
  require(!q.prompt.empty());
  require(q.difficulty >= 1 && q.difficulty <= 3);
  for (const std::string& tag : q.exam_tags) require(valid_exam_tag(tag));

  Grade right = grade(q, correct_response(q));
  require(right.error.empty() && right.correct);

  switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice: grade_choices(q); break;
    case QuestionType::TrueFalse:
      check_grade(grade(q, TrueFalseResponse{true}));
      check_grade(grade(q, TrueFalseResponse{false}));
      break;
    case QuestionType::Numeric: grade_numbers(q); break;
    case QuestionType::ShortAnswer: grade_texts(q, input); break;
    case QuestionType::Matching: grade_matching(q); break;
    case QuestionType::Simulation:
      require(!q.task.task_id.empty());
      check_grade(grade(q, SimulationResponse{false, "no"}));
      break;
  }
  // A response of the wrong shape is refused, never graded.
  Response other = q.type == QuestionType::TrueFalse ? Response{TextResponse{"T"}}
                                                     : Response{TrueFalseResponse{true}};
  require(!grade(q, other).error.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  GiftParse parsed = parse_gift(text, "fuzz.gift");

  int lines = 1;
  for (char c : text) lines += c == '\n';
  require(parsed.errors.size() <= kMaxErrorsPerFile);
  int previous = 0;
  for (const GiftError& e : parsed.errors) {
    require(e.file == "fuzz.gift" && !e.message.empty());
    require(e.line >= 1 && e.line <= lines);
    require(e.line >= previous);  // reported in line order
    previous = e.line;
  }
  for (const Question& q : parsed.questions) {
    require(q.source_line >= 1 && q.source_line <= lines);
    exercise(q, text);
  }

  // The learner-facing helpers take raw text too.
  if (std::optional<double> n = parse_number(text.substr(0, 32))) require(std::isfinite(*n));
  normalize_answer(text.substr(0, 256));
  return 0;
}
