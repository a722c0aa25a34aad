// portlab-cli quiz templates [--json]
//   lists the generated-question templates: id, title, topic, type, exam
//   tags, difficulty and the rules their explanations cite.
// portlab-cli quiz generate --template ID --seed S [--json]
//   prints one generated question: the prompt, the options with their
//   feedback, the right answer (for numbers every accepted value and the
//   known mistakes) and the explanation. The same seed prints the same
//   question.
#include <algorithm>
#include <string>

#include "cli/args.h"
#include "cli/quiz_verbs.h"
#include "core/json.h"
#include "core/quiz/templates/template.h"

namespace portlab::cli {
namespace {

using quiz::Generated;
using quiz::Question;
using quiz::QuestionType;
using quiz::Template;

// JSON keeps integers exact up to 2^53 - 1, so seeds stay below it.
constexpr long long kMaxSeed = 9007199254740991LL;

json::Value strings(const std::vector<const char*>& list) {
  json::Value out = json::Value::array();
  for (const char* s : list) out.push_back(s);
  return out;
}

std::string joined(const std::vector<const char*>& list) {
  std::string out;
  for (const char* s : list) out += (out.empty() ? "" : ", ") + std::string(s);
  return out.empty() ? "none" : out;
}

std::string letter(size_t i) { return std::string(1, static_cast<char>('a' + i)); }

// "50" for 50, "0.5" for 0.5: numbers as a learner would type them.
std::string number(double v) {
  json::Value n(v);
  return json::write(n);
}

std::string percent(double fraction) {
  const long long p = static_cast<long long>(fraction * 100 + (fraction < 0 ? -0.5 : 0.5));
  return (p > 0 ? "+" : "") + std::to_string(p) + "%";
}

// The right answer in a line: "b) User Ports (1024-49151)", "42", "true".
std::string answer_text(const Question& q) {
  switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice: {
      std::string out;
      const auto r = std::get<quiz::ChoiceResponse>(quiz::correct_response(q));
      for (size_t i : r.selected)
        out += (out.empty() ? "" : "; ") + letter(i) + ") " + q.options[i].text;
      return out;
    }
    case QuestionType::TrueFalse:
      return q.truth ? "true" : "false";
    case QuestionType::Numeric:
      return number(std::get<quiz::NumericResponse>(quiz::correct_response(q)).value);
    default:
      return "";
  }
}

json::Value question_json(const Template& t, uint64_t seed, const Generated& g) {
  const Question& q = g.question;
  json::Value out = json::Value::object();
  out["id"] = q.id;
  out["template"] = t.id;
  out["seed"] = static_cast<unsigned long long>(seed);
  out["title"] = t.title;
  out["type"] = quiz::to_string(q.type);
  out["topic"] = quiz::to_string(q.topic);
  out["difficulty"] = q.difficulty;
  out["exam"] = strings(t.exam_tags);
  out["level"] = t.advanced ? "advanced" : "exam";
  out["rules"] = strings(t.rules);
  out["prompt"] = q.prompt;
  json::Value scenario = json::Value::object();
  for (const quiz::ScenarioValue& v : g.scenario) scenario[v.key] = v.value;
  out["scenario"] = scenario;
  if (q.type == QuestionType::SingleChoice || q.type == QuestionType::MultipleChoice) {
    json::Value options = json::Value::array();
    json::Value correct = json::Value::array();
    const auto r = std::get<quiz::ChoiceResponse>(quiz::correct_response(q));
    for (size_t i = 0; i < q.options.size(); ++i) {
      json::Value o = json::Value::object();
      o["text"] = q.options[i].text;
      o["fraction"] = q.options[i].fraction;
      o["correct"] = std::find(r.selected.begin(), r.selected.end(), i) != r.selected.end();
      o["feedback"] = q.options[i].feedback;
      options.push_back(o);
    }
    for (size_t i : r.selected) correct.push_back(i);
    out["options"] = options;
    out["correct"] = correct;
  } else if (q.type == QuestionType::TrueFalse) {
    out["truth"] = q.truth;
    out["feedback_if_true"] = q.feedback_if_true;
    out["feedback_if_false"] = q.feedback_if_false;
  } else if (q.type == QuestionType::Numeric) {
    json::Value accepted = json::Value::array();
    for (const quiz::NumericAnswer& a : q.numeric_answers) {
      json::Value v = json::Value::object();
      v["low"] = a.low;
      v["high"] = a.high;
      v["fraction"] = a.fraction;
      v["feedback"] = a.feedback;
      accepted.push_back(v);
    }
    out["accepted"] = accepted;
    out["otherwise"] = q.numeric_fallback_feedback;
  }
  out["answer"] = g.answer;
  out["answer_text"] = answer_text(q);
  out["explanation"] = q.explanation;
  return out;
}

void print_question(std::ostream& out, const Template& t, const Generated& g) {
  const Question& q = g.question;
  out << q.id << ": " << t.title << "\n"
      << "  " << quiz::to_string(q.type) << ", topic " << quiz::to_string(q.topic)
      << ", difficulty " << q.difficulty << ", exam " << joined(t.exam_tags) << "\n\n"
      << q.prompt << "\n\n";
  switch (q.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice:
      for (size_t i = 0; i < q.options.size(); ++i) {
        const quiz::ChoiceOption& o = q.options[i];
        out << (o.fraction > 0 ? "* " : "  ") << letter(i) << ") " << o.text;
        if (q.type == QuestionType::MultipleChoice) out << "  [" << percent(o.fraction) << "]";
        out << "\n      " << o.feedback << "\n";
      }
      break;
    case QuestionType::TrueFalse:
      out << "  if answered true:  " << q.feedback_if_true << "\n"
          << "  if answered false: " << q.feedback_if_false << "\n";
      break;
    case QuestionType::Numeric:
      for (const quiz::NumericAnswer& a : q.numeric_answers) {
        const std::string value =
            a.low == a.high ? number(a.low) : number(a.low) + ".." + number(a.high);
        out << (a.fraction > 0 ? "* " : "  ") << value << "  [" << percent(a.fraction) << "]"
            << "\n      " << a.feedback << "\n";
      }
      if (!q.numeric_fallback_feedback.empty())
        out << "  any other number\n      " << q.numeric_fallback_feedback << "\n";
      break;
    default:
      break;
  }
  out << "\nanswer: " << answer_text(q) << "\n"
      << "explanation: " << q.explanation << "\n";
}

}  // namespace

int run_quiz_templates(int argc, char** argv, Output io) {
  Args args(argc, argv, 3, {{"json"}}, 0);
  if (args.flag("json")) {
    json::Value list = json::Value::array();
    for (const Template* t : quiz::templates()) {
      json::Value v = json::Value::object();
      v["id"] = t->id;
      v["title"] = t->title;
      v["topic"] = quiz::to_string(t->topic);
      v["type"] = quiz::to_string(t->type);
      v["exam"] = strings(t->exam_tags);
      v["level"] = t->advanced ? "advanced" : "exam";
      v["difficulty"] = t->difficulty;
      v["rules"] = strings(t->rules);
      list.push_back(v);
    }
    json::Value out = json::Value::object();
    out["templates"] = list;
    io.out << json::write(out, 2) << "\n";
    return 0;
  }
  for (const Template* t : quiz::templates())
    io.out << t->id << "\n  " << t->title << "\n  " << quiz::to_string(t->type) << ", topic "
           << quiz::to_string(t->topic) << ", difficulty " << t->difficulty << ", exam "
           << joined(t->exam_tags) << (t->advanced ? ", advanced" : "") << ", rules "
           << joined(t->rules) << "\n";
  io.out << quiz::templates().size() << " templates\n";
  return 0;
}

int run_quiz_generate(int argc, char** argv, Output io) {
  Args args(argc, argv, 3, {{"template", true}, {"seed", true}, {"json"}}, 0);
  const std::string id = args.required("template");
  const Template* t = quiz::find_template(id);
  if (!t) {
    std::string known;
    for (const Template* k : quiz::templates())
      known += (known.empty() ? "" : ", ") + std::string(k->id);
    throw UsageError("--template: no template '" + id + "' (known: " + known + ")");
  }
  const auto seed = static_cast<uint64_t>(
      checked(net::parse_integer(args.required("seed"), 0, kMaxSeed), "seed"));
  const Generated g = t->generate(seed);
  if (args.flag("json"))
    io.out << json::write(question_json(*t, seed, g), 2) << "\n";
  else
    print_question(io.out, *t, g);
  return 0;
}

}  // namespace portlab::cli
