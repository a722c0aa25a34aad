#include "core/quiz/gift_answers.h"

#include <cmath>
#include <cstdio>
#include <optional>
#include <set>

#include "core/quiz/gift_parser.h"

namespace portlab::quiz::gift {
namespace {

// Weights such as 3 x 33.333% are accepted as 100%.
constexpr double kWeightSlackPercent = 0.05;
// "%-33.33333%" is the longest weight a bank should need; a '%' without a
// closing one this close is ordinary text ("~%5 of hosts").
constexpr size_t kMaxWeightChars = 12;
constexpr double kFull = 1 - 1e-9;

// 50 -> "50", 33.3333 -> "33.333".
std::string number_text(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", value);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string percent_text(double percent) { return number_text(percent) + "%"; }

// One answer of the block: the marker that opened it (= or ~; 0 for text
// before the first marker) and what follows up to the next marker.
struct Piece {
  char marker = 0;
  MarkedText body;
  int line = 0;
};

class AnswerParser {
 public:
  AnswerParser(Question& q, std::vector<LineError>& errors, int line)
      : q_(q), errors_(errors), line_(line) {}

  void parse(const MarkedText& a) {
    if (a.is(0, '#')) return parse_numeric(a.slice(1));
    if (a.find('~') != MarkedText::npos) return parse_choice(a);
    if (a.find('=') != MarkedText::npos && a.find("->") != MarkedText::npos)
      return parse_matching(a);
    std::string key = a.slice(0, a.find('#')).text();
    if (key == "T" || key == "TRUE" || key == "F" || key == "FALSE") return parse_true_false(a);
    if (lower(key) == "t" || lower(key) == "true" || lower(key) == "f" || lower(key) == "false")
      return error(a.first_line(line_),
                   "write a true/false answer as T, TRUE, F or FALSE in capitals ('{" + key +
                       "}' would be a short-answer question whose answer is the word " +
                       quoted(key) + ")");
    parse_short_answer(a);
  }

 private:
  Question& q_;
  std::vector<LineError>& errors_;
  int line_;

  void error(int line, std::string message) { errors_.push_back({line, std::move(message)}); }

  static std::string lower(std::string s) {
    for (char& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
  }

  // Splits at every unescaped marker character. Returns nothing (after an
  // error) when there are more answers than any question needs.
  std::optional<std::vector<Piece>> split(const MarkedText& a, std::string_view markers) {
    std::vector<Piece> pieces;
    size_t start = 0;
    char marker = 0;
    for (size_t i = 0; i <= a.size(); ++i) {
      bool is_marker = false;
      for (char m : markers) is_marker = is_marker || a.is(i, m);
      if (i < a.size() && !is_marker) continue;
      int line = a.line_at(start == 0 ? 0 : start - 1, line_);
      pieces.push_back({marker, a.slice(start, i).trimmed(), line});
      if (pieces.size() > kMaxAnswersPerQuestion + 1) {
        error(a.line_at(i, line_),
              "more than " + std::to_string(kMaxAnswersPerQuestion) + " answers in one question");
        return std::nullopt;
      }
      if (i < a.size()) marker = a.raw()[i];
      start = i + 1;
    }
    return pieces;
  }

  // Text before the first = or ~ is a mistake (Moodle would quietly make it
  // an answer).
  bool leading_text_ok(const Piece& first) {
    if (first.body.blank()) return true;
    error(first.body.first_line(line_), quoted(first.body.text()) +
                                            " comes before the first answer; start each answer "
                                            "with = (right) or ~ (wrong)");
    return false;
  }

  struct Weighted {
    std::optional<double> percent;  // when the text started with a weight
    MarkedText rest;
    bool bad = false;
    // An accepted answer without a weight is worth 100%.
    double credit() const { return percent ? *percent / 100 : 1; }
  };

  // "%50%text" -> 50 and "text".
  Weighted take_weight(const MarkedText& body) {
    Weighted w{std::nullopt, body, false};
    if (!body.is(0, '%')) return w;
    size_t close = body.find('%', 1);
    if (close == MarkedText::npos || close > kMaxWeightChars) return w;
    std::string spec(body.slice(1, close).raw());
    std::optional<double> value = parse_number(spec);
    int line = body.first_line(line_);
    if (!value) {
      error(line, "'%" + spec + "%' is not a weight; write a percentage such as %50% or %-100%");
      w.bad = true;
    } else if (std::fabs(*value) > 100) {
      error(line, "weight " + percent_text(*value) + " is outside -100%..100%");
      w.bad = true;
    }
    w.percent = value;
    w.rest = body.slice(close + 1).trimmed();
    return w;
  }

  // The weight of an accepted short or numeric answer, 0%..100%: only a
  // choice option can cost credit.
  std::optional<Weighted> take_credit(const Piece& p, const char* what) {
    Weighted w = take_weight(p.body);
    if (w.bad) return std::nullopt;
    if (w.percent && *w.percent < 0) {
      error(p.line, std::string("a ") + what + "'s weight must be 0%..100%");
      return std::nullopt;
    }
    return w;
  }

  // "text # feedback" -> both parts, as a learner sees them.
  static std::pair<MarkedText, std::string> take_feedback(const MarkedText& body) {
    size_t hash = body.find('#');
    if (hash == MarkedText::npos) return {body.trimmed(), ""};
    return {body.slice(0, hash).trimmed(), body.slice(hash + 1).text()};
  }

  void parse_choice(const MarkedText& a) {
    auto pieces = split(a, "=~");
    if (!pieces || !leading_text_ok(pieces->front())) return;
    bool single = false;
    for (const Piece& p : *pieces) single = single || p.marker == '=';
    q_.type = single ? QuestionType::SingleChoice : QuestionType::MultipleChoice;
    std::set<std::string> seen;
    size_t before = errors_.size();
    for (size_t i = 1; i < pieces->size(); ++i) {
      const Piece& p = (*pieces)[i];
      Weighted w = take_weight(p.body);
      if (w.bad) continue;
      double fraction = w.percent ? *w.percent / 100 : 0;
      if (p.marker == '=') {
        if (w.percent) {
          error(p.line, "'=' already means 100%; write a weighted option as ~%" +
                            number_text(*w.percent) + "%option");
          continue;
        }
        fraction = 1;
      }
      auto [text_part, feedback] = take_feedback(w.rest);
      std::string text = text_part.text();
      if (text.empty()) {
        error(p.line, "an option with no text");
        continue;
      }
      if (!seen.insert(text).second) {
        error(p.line, "option " + quoted(text) + " is listed twice");
        continue;
      }
      q_.options.push_back({text, fraction, feedback});
    }
    if (errors_.size() != before) return;
    if (q_.options.size() < 2)
      return error(line_, "a choice question needs at least two options");
    check_choice_credit(single);
  }

  void check_choice_credit(bool single) {
    double positive = 0;
    bool full = false;
    for (const ChoiceOption& o : q_.options) {
      positive += std::max(0.0, o.fraction) * 100;
      full = full || o.fraction >= kFull;
    }
    if (single && !full)
      return error(line_, "no option is right: mark the right option with '='");
    if (!single && positive <= 0)
      return error(line_,
                   "no option is right: mark the right option with '=', or give the right "
                   "options weights such as ~%50% that add up to 100%");
    if (!single && std::fabs(positive - 100) > kWeightSlackPercent)
      error(line_, "the positive weights add up to " + percent_text(positive) +
                       ", not 100%: the right options of a multiple-answer question must "
                       "together be worth 100%");
  }

  void parse_true_false(const MarkedText& a) {
    q_.type = QuestionType::TrueFalse;
    size_t first = a.find('#');
    std::string key = a.slice(0, first).text();
    q_.truth = key == "T" || key == "TRUE";
    std::string if_wrong, if_right;
    if (first != MarkedText::npos) {
      MarkedText rest = a.slice(first + 1);
      size_t second = rest.find('#');
      if_wrong = rest.slice(0, second).text();
      if (second != MarkedText::npos) if_right = rest.slice(second + 1).text();
    }
    q_.feedback_if_true = q_.truth ? if_right : if_wrong;
    q_.feedback_if_false = q_.truth ? if_wrong : if_right;
  }

  void parse_short_answer(const MarkedText& a) {
    q_.type = QuestionType::ShortAnswer;
    auto pieces = split(a, "=");
    if (!pieces) return;
    // "{no one}" with no '=' at all is one accepted answer, as in Moodle.
    size_t first = pieces->size() == 1 ? 0 : 1;
    if (first == 1 && !leading_text_ok(pieces->front())) return;
    std::set<std::string> seen;
    size_t before = errors_.size();
    for (size_t i = first; i < pieces->size(); ++i) {
      const Piece& p = (*pieces)[i];
      std::optional<Weighted> w = take_credit(p, "short answer");
      if (!w) continue;
      auto [text_part, feedback] = take_feedback(w->rest);
      std::string text = text_part.text();
      if (text.empty()) {
        error(p.line, "an accepted answer with no text");
        continue;
      }
      if (!seen.insert(normalize_answer(text)).second) {
        error(p.line,
              "answer " + quoted(text) + " is accepted twice (case and spaces are ignored)");
        continue;
      }
      q_.text_answers.push_back({text, w->credit(), feedback});
    }
    if (errors_.size() != before) return;
    bool full = false;
    for (const TextAnswer& t : q_.text_answers) full = full || t.fraction >= kFull;
    if (!full) error(line_, "no accepted answer is worth 100%");
  }

  void parse_numeric(const MarkedText& body_and_fallback) {
    q_.type = QuestionType::Numeric;
    MarkedText body = body_and_fallback;
    size_t tilde = body.find('~');
    if (tilde != MarkedText::npos) {
      MarkedText fallback = body.slice(tilde + 1).trimmed();
      if (!fallback.is(0, '#'))
        return error(body.line_at(tilde, line_),
                     "after '~' a numeric question takes only '#feedback' for any other number");
      q_.numeric_fallback_feedback = fallback.slice(1).text();
      body = body.slice(0, tilde);
    }
    auto pieces = split(body, "=");
    if (!pieces) return;
    size_t before = errors_.size();
    for (size_t i = 0; i < pieces->size(); ++i) {
      const Piece& p = (*pieces)[i];
      if (i == 0 && p.body.blank()) continue;  // "{# =80 ...}"
      std::optional<Weighted> w = take_credit(p, "numeric answer");
      if (!w) continue;
      auto [spec, feedback] = take_feedback(w->rest);
      std::optional<NumericAnswer> answer = interval(spec, p.line);
      if (!answer) continue;
      answer->fraction = w->credit();
      answer->feedback = feedback;
      q_.numeric_answers.push_back(*answer);
    }
    if (errors_.size() != before) return;
    if (q_.numeric_answers.empty())
      return error(line_, "a numeric question needs an answer, e.g. {#80}");
    bool full = false;
    for (const NumericAnswer& n : q_.numeric_answers) full = full || n.fraction >= kFull;
    if (!full) error(line_, "no numeric answer is worth 100%");
  }

  std::optional<double> number(const MarkedText& text, int line) {
    std::string s = text.text();
    std::optional<double> value = parse_number(s);
    if (!value)
      error(line, s.empty() ? "a numeric answer is missing its number"
                            : quoted(s) + " is not a number (digits, an optional sign and "
                                          "decimal point)");
    return value;
  }

  // 80 -> [80, 80]; 80:2 -> [78, 82]; 70..90 -> [70, 90].
  std::optional<NumericAnswer> interval(const MarkedText& spec, int line) {
    NumericAnswer a;
    size_t dots = spec.find("..");
    if (dots != MarkedText::npos && dots > 0) {
      auto lo = number(spec.slice(0, dots), line);
      auto hi = number(spec.slice(dots + 2), line);
      if (!lo || !hi) return std::nullopt;
      if (*lo > *hi) {
        error(line, "the range " + spec.text() + " runs backwards; write the lower bound first");
        return std::nullopt;
      }
      a.low = *lo;
      a.high = *hi;
      return a;
    }
    size_t colon = spec.find(':');
    auto value = number(spec.slice(0, colon), line);
    std::optional<double> tolerance = 0.0;
    if (colon != MarkedText::npos) tolerance = number(spec.slice(colon + 1), line);
    if (!value || !tolerance) return std::nullopt;
    if (*tolerance < 0) {
      error(line, "the tolerance in " + spec.text() + " is negative");
      return std::nullopt;
    }
    a.low = *value - *tolerance;
    a.high = *value + *tolerance;
    return a;
  }

  void parse_matching(const MarkedText& a) {
    q_.type = QuestionType::Matching;
    auto pieces = split(a, "=");
    if (!pieces || !leading_text_ok(pieces->front())) return;
    std::set<std::string> prompts;
    size_t before = errors_.size();
    for (size_t i = 1; i < pieces->size(); ++i) {
      const Piece& p = (*pieces)[i];
      if (p.body.find('#') != MarkedText::npos) {
        error(p.line, "a matching pair cannot have its own feedback ('#'); explain the pairs "
                      "in the general feedback after ####");
        continue;
      }
      size_t arrow = p.body.find("->");
      if (arrow == MarkedText::npos) {
        error(p.line, quoted(p.body.text()) + " is not a pair; write =prompt -> answer");
        continue;
      }
      MatchPair pair{p.body.slice(0, arrow).text(), p.body.slice(arrow + 2).text()};
      if (pair.answer.empty()) {
        error(p.line, "the pair " + quoted(pair.prompt) + " has no answer after '->'");
        continue;
      }
      if (!pair.prompt.empty() && !prompts.insert(pair.prompt).second) {
        error(p.line, "the prompt " + quoted(pair.prompt) + " appears twice");
        continue;
      }
      q_.pairs.push_back(pair);
    }
    if (errors_.size() == before && prompts.size() < 2)
      error(line_, "a matching question needs at least two pairs");
  }
};

}  // namespace

void parse_answers(const MarkedText& answers, int line, Question& question,
                   std::vector<LineError>& errors) {
  AnswerParser(question, errors, line).parse(answers);
}

}  // namespace portlab::quiz::gift
