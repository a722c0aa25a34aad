#include "core/quiz/question.h"

#include <algorithm>
#include <cmath>

#include "core/text.h"

namespace portlab::quiz {
namespace {

using text::is_space;

// Fractions come from percentages such as 33.333, so "full credit" allows
// for rounding in the last digits.
constexpr double kFullCredit = 1 - 1e-6;

double clamp01(double x) { return std::min(1.0, std::max(0.0, x)); }

// The Response alternative each question type expects.
size_t response_index(QuestionType type) {
  switch (type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice: return 0;
    case QuestionType::TrueFalse: return 1;
    case QuestionType::Numeric: return 2;
    case QuestionType::ShortAnswer: return 3;
    case QuestionType::Matching: return 4;
    case QuestionType::Simulation: return 5;
  }
  return 0;
}

void add_feedback(Grade& g, const std::string& text) {
  if (!text.empty()) g.feedback.push_back(text);
}

Grade invalid(std::string message) {
  Grade g;
  g.error = std::move(message);
  return g;
}

// Checks indices are in range and not repeated.
std::string choice_error(const Question& q, const ChoiceResponse& r) {
  std::vector<bool> seen(q.options.size(), false);
  for (size_t i : r.selected) {
    if (i >= q.options.size())
      return "option " + std::to_string(i) + " does not exist (the question has " +
             std::to_string(q.options.size()) + ")";
    if (seen[i]) return "option " + std::to_string(i) + " was chosen twice";
    seen[i] = true;
  }
  return "";
}

Grade grade_single(const Question& q, const ChoiceResponse& r) {
  if (r.selected.size() != 1) return invalid("a single-choice question takes exactly one option");
  if (std::string e = choice_error(q, r); !e.empty()) return invalid(e);
  const ChoiceOption& chosen = q.options[r.selected.front()];
  Grade g;
  g.credit = clamp01(chosen.fraction);
  g.correct = chosen.fraction >= kFullCredit;
  add_feedback(g, chosen.feedback);
  return g;
}

// GIFT multiple answer: the weights of the chosen options add up; the
// positive weights of a well-formed question total 1, and dividing by their
// sum absorbs rounding such as 3 x 33.333%.
Grade grade_multiple(const Question& q, const ChoiceResponse& r) {
  if (std::string e = choice_error(q, r); !e.empty()) return invalid(e);
  double positive = 0;
  for (const ChoiceOption& o : q.options) positive += std::max(0.0, o.fraction);
  double sum = 0;
  Grade g;
  for (size_t i : r.selected) {
    sum += q.options[i].fraction;
    add_feedback(g, q.options[i].feedback);
  }
  g.credit = positive > 0 ? clamp01(sum / positive) : 0;
  g.correct = g.credit >= kFullCredit;
  return g;
}

Grade grade_true_false(const Question& q, const TrueFalseResponse& r) {
  Grade g;
  g.correct = r.value == q.truth;
  g.credit = g.correct ? 1 : 0;
  add_feedback(g, r.value ? q.feedback_if_true : q.feedback_if_false);
  return g;
}

// Among the answers that accept the value, the one worth most counts (the
// first of equals), so a 100% answer is never hidden by an earlier partial
// one that overlaps it.
Grade grade_numeric(const Question& q, const NumericResponse& r) {
  if (!std::isfinite(r.value)) return invalid("the response is not a finite number");
  const NumericAnswer* best = nullptr;
  for (const NumericAnswer& a : q.numeric_answers)
    if (r.value >= a.low && r.value <= a.high && (!best || a.fraction > best->fraction))
      best = &a;
  Grade g;
  if (!best) {
    add_feedback(g, q.numeric_fallback_feedback);
    return g;
  }
  g.credit = clamp01(best->fraction);
  g.correct = best->fraction >= kFullCredit;
  add_feedback(g, best->feedback);
  return g;
}

Grade grade_text(const Question& q, const TextResponse& r) {
  std::string typed = normalize_answer(r.text);
  const TextAnswer* best = nullptr;
  for (const TextAnswer& a : q.text_answers)
    if (normalize_answer(a.text) == typed && (!best || a.fraction > best->fraction)) best = &a;
  Grade g;
  if (!best) return g;
  g.credit = clamp01(best->fraction);
  g.correct = best->fraction >= kFullCredit;
  add_feedback(g, best->feedback);
  return g;
}

// Each pair is worth the same share; a wrong pair says what it goes with,
// since GIFT matching has no feedback of its own per pair.
Grade grade_matching(const Question& q, const MatchingResponse& r) {
  std::vector<const MatchPair*> rows;
  for (const MatchPair& p : q.pairs)
    if (!p.prompt.empty()) rows.push_back(&p);
  if (r.chosen.size() != rows.size())
    return invalid("a matching response needs one answer for each of the " +
                   std::to_string(rows.size()) + " prompts, got " +
                   std::to_string(r.chosen.size()));
  if (rows.empty()) return invalid("the question has no pairs to match");
  Grade g;
  size_t right = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (r.chosen[i] == rows[i]->answer) {
      ++right;
    } else if (r.chosen[i].empty()) {
      g.feedback.push_back("'" + rows[i]->prompt + "' was left unmatched; it goes with '" +
                           rows[i]->answer + "'.");
    } else {
      g.feedback.push_back("'" + rows[i]->prompt + "' goes with '" + rows[i]->answer +
                           "', not '" + r.chosen[i] + "'.");
    }
  }
  g.credit = static_cast<double>(right) / static_cast<double>(rows.size());
  g.correct = right == rows.size();
  return g;
}

Grade grade_simulation(const SimulationResponse& r) {
  Grade g;
  g.correct = r.passed;
  g.credit = r.passed ? 1 : 0;
  add_feedback(g, r.detail);
  return g;
}


}  // namespace

const char* to_string(QuestionType type) {
  switch (type) {
    case QuestionType::SingleChoice: return "single_choice";
    case QuestionType::MultipleChoice: return "multiple_choice";
    case QuestionType::TrueFalse: return "true_false";
    case QuestionType::Numeric: return "numeric";
    case QuestionType::ShortAnswer: return "short_answer";
    case QuestionType::Matching: return "matching";
    case QuestionType::Simulation: return "simulation";
  }
  return "?";
}

const char* to_string(Topic topic) {
  switch (topic) {
    case Topic::Ports: return "ports";
    case Topic::Ranges: return "ranges";
    case Topic::Privileged: return "privileged";
    case Topic::Ephemeral: return "ephemeral";
    case Topic::Nat: return "nat";
    case Topic::Tools: return "tools";
    case Topic::Protocols: return "protocols";
  }
  return "?";
}

std::optional<Topic> parse_topic(std::string_view key) {
  for (Topic t : kTopics)
    if (key == to_string(t)) return t;
  return std::nullopt;
}

Grade grade(const Question& q, const Response& response) {
  if (response.index() != response_index(q.type))
    return invalid(std::string("that response does not answer a ") + to_string(q.type) +
                   " question");
  switch (q.type) {
    case QuestionType::SingleChoice: return grade_single(q, std::get<ChoiceResponse>(response));
    case QuestionType::MultipleChoice:
      return grade_multiple(q, std::get<ChoiceResponse>(response));
    case QuestionType::TrueFalse:
      return grade_true_false(q, std::get<TrueFalseResponse>(response));
    case QuestionType::Numeric: return grade_numeric(q, std::get<NumericResponse>(response));
    case QuestionType::ShortAnswer: return grade_text(q, std::get<TextResponse>(response));
    case QuestionType::Matching: return grade_matching(q, std::get<MatchingResponse>(response));
    case QuestionType::Simulation: return grade_simulation(std::get<SimulationResponse>(response));
  }
  return invalid("unknown question type");
}

Response correct_response(const Question& q) {
  switch (q.type) {
    case QuestionType::SingleChoice: {
      ChoiceResponse r;
      for (size_t i = 0; i < q.options.size(); ++i)
        if (r.selected.empty() || q.options[i].fraction > q.options[r.selected[0]].fraction)
          r.selected = {i};
      return r;
    }
    case QuestionType::MultipleChoice: {
      ChoiceResponse r;
      for (size_t i = 0; i < q.options.size(); ++i)
        if (q.options[i].fraction > 0) r.selected.push_back(i);
      return r;
    }
    case QuestionType::TrueFalse: return TrueFalseResponse{q.truth};
    case QuestionType::Numeric: {
      const NumericAnswer* best = nullptr;
      for (const NumericAnswer& a : q.numeric_answers)
        if (!best || a.fraction > best->fraction) best = &a;
      // Halving first keeps the midpoint finite even for huge bounds.
      return NumericResponse{best ? best->low / 2 + best->high / 2 : 0};
    }
    case QuestionType::ShortAnswer: {
      const TextAnswer* best = nullptr;
      for (const TextAnswer& a : q.text_answers)
        if (!best || a.fraction > best->fraction) best = &a;
      return TextResponse{best ? best->text : ""};
    }
    case QuestionType::Matching: {
      MatchingResponse r;
      for (const MatchPair& p : q.pairs)
        if (!p.prompt.empty()) r.chosen.push_back(p.answer);
      return r;
    }
    case QuestionType::Simulation: return SimulationResponse{true, ""};
  }
  return ChoiceResponse{};
}

std::vector<std::string> matching_prompts(const Question& q) {
  std::vector<std::string> prompts;
  for (const MatchPair& p : q.pairs)
    if (!p.prompt.empty()) prompts.push_back(p.prompt);
  return prompts;
}

std::vector<std::string> matching_choices(const Question& q) {
  std::vector<std::string> choices;
  for (const MatchPair& p : q.pairs)
    if (std::find(choices.begin(), choices.end(), p.answer) == choices.end())
      choices.push_back(p.answer);
  return choices;
}

std::optional<double> parse_number(std::string_view text) {
  constexpr int kMaxDigits = 15;  // integers this long are exact in a double
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  double mantissa = 0;
  int digits = 0, fraction_digits = 0;
  bool seen_point = false, digit_before_point = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (++digits > kMaxDigits) return std::nullopt;
    mantissa = mantissa * 10 + (c - '0');
    if (seen_point) ++fraction_digits;
    else digit_before_point = true;
  }
  if (!digit_before_point || (seen_point && fraction_digits == 0)) return std::nullopt;
  // One division by an exact power of ten rounds correctly, so "0.1" here
  // equals the literal 0.1 and bank answers compare equal to typed ones.
  static constexpr double kPowersOfTen[kMaxDigits + 1] = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  double value = mantissa / kPowersOfTen[fraction_digits];
  return negative ? -value : value;
}

std::string normalize_answer(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace portlab::quiz
