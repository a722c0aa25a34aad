#include "core/practice/answer_text.h"

#include <cstdio>

#include "core/text.h"

namespace portlab::practice {

namespace {

using text::join;

using namespace quiz;

std::string number_text(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", d);
  return buf;
}


std::string choices_text(const Question& q, const ChoiceResponse& r) {
  std::vector<std::string> texts;
  for (size_t index : r.selected)
    texts.push_back(index < q.options.size() ? q.options[index].text
                                             : "(option " + std::to_string(index + 1) + ")");
  return texts.empty() ? "(nothing chosen)" : join(texts, "; ");
}

std::string matching_text(const Question& q, const std::vector<std::string>& chosen) {
  std::vector<std::string> prompts = matching_prompts(q);
  std::vector<std::string> rows;
  for (size_t i = 0; i < prompts.size(); ++i)
    rows.push_back(prompts[i] + " -> " + (i < chosen.size() ? chosen[i] : "(none)"));
  return join(rows, "; ");
}

}  // namespace

std::string describe_response(const Question& q, const Response& response) {
  if (const auto* r = std::get_if<ChoiceResponse>(&response)) return choices_text(q, *r);
  if (const auto* r = std::get_if<TrueFalseResponse>(&response)) return r->value ? "True" : "False";
  if (const auto* r = std::get_if<NumericResponse>(&response)) return number_text(r->value);
  if (const auto* r = std::get_if<TextResponse>(&response)) return r->text;
  if (const auto* r = std::get_if<MatchingResponse>(&response)) return matching_text(q, r->chosen);
  if (const auto* r = std::get_if<SimulationResponse>(&response)) {
    std::string verdict = r->passed ? "Task done" : "Task not done";
    return r->detail.empty() ? verdict : verdict + ": " + r->detail;
  }
  return "";
}

std::string describe_correct_answer(const Question& q) {
  std::vector<std::string> right;
  switch (q.type) {
    case QuestionType::SingleChoice:
      // Several options may each be fully right; any one of them is.
      for (const ChoiceOption& o : q.options)
        if (o.fraction >= 1) right.push_back(o.text);
      break;
    case QuestionType::Numeric:
      for (const NumericAnswer& a : q.numeric_answers)
        if (a.fraction >= 1)
          right.push_back(a.low == a.high ? number_text(a.low)
                                          : number_text(a.low) + " to " + number_text(a.high));
      break;
    case QuestionType::ShortAnswer:
      for (const TextAnswer& a : q.text_answers)
        if (a.fraction >= 1) right.push_back(a.text);
      break;
    case QuestionType::Simulation: return "The task done as the simulation checks it";
    case QuestionType::MultipleChoice:
    case QuestionType::TrueFalse:
    case QuestionType::Matching: break;
  }
  // One response earns full credit for the other types (and for a bank
  // whose best answer is only partly right).
  return right.empty() ? describe_response(q, correct_response(q)) : join(right, " or ");
}

}  // namespace portlab::practice
