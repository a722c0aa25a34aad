// portlab-cli quiz <verb> ...
//
//   check FILE.gift|DIR [--json]   parse a GIFT bank (a file, or every *.gift
//                                  in a directory, sorted by name) and report
//                                  what it holds and every error as
//                                  file:line: message; exit 1 on errors.
//   templates [--json]             list the generated-question templates
//   generate --template ID --seed S [--json]
//                                  print one generated question with its
//                                  options, answer and explanation
//
// Each verb is one row in kVerbs; templates and generate live in
// command_quiz_templates.cpp. The parser is in core and takes text; reading
// the files is this layer's job.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/quiz_verbs.h"
#include "cli/source_files.h"
#include "core/json.h"
#include "core/model/simulation_tasks.h"
#include "core/quiz/exam_objectives.h"
#include "core/quiz/gift_parser.h"

namespace portlab::cli {
namespace {

using quiz::GiftError;
using quiz::GiftParse;

struct QuizVerb {
  const char* name;
  CommandFn run;  // argv[2] is the verb
};

// How many questions have each key (every key listed, zeros included, so
// the JSON always has the same fields).
template <typename Key, size_t N, typename KeyOf>
json::Value counts(const GiftParse& bank, const Key (&keys)[N], KeyOf key_of) {
  json::Value obj = json::Value::object();
  for (Key key : keys) {
    int n = 0;
    for (const quiz::Question& q : bank.questions) n += key_of(q) == key;
    obj[quiz::to_string(key)] = n;
  }
  return obj;
}

// "single_choice 12, numeric 3" (types with no question left out).
std::string counts_text(const json::Value& counts) {
  std::string text;
  for (const json::Member& m : counts.members()) {
    if (m.second.as_number() == 0) continue;
    text += (text.empty() ? "" : ", ") + m.first + " " +
            std::to_string(static_cast<long long>(m.second.as_number()));
  }
  return text.empty() ? "none" : text;
}

// How many questions are exam material or advanced, and how many ask the
// learner to apply a rule to a situation (@level, @reasoning).
json::Value level_counts(const GiftParse& bank) {
  int advanced = 0, reasoning = 0;
  for (const quiz::Question& q : bank.questions) {
    advanced += q.advanced ? 1 : 0;
    reasoning += q.reasoning ? 1 : 0;
  }
  json::Value out = json::Value::object();
  out["exam"] = static_cast<int>(bank.questions.size()) - advanced;
  out["advanced"] = advanced;
  out["reasoning"] = reasoning;
  out["recall"] = static_cast<int>(bank.questions.size()) - reasoning;
  return out;
}

// Per item of each objective PortLab tracks: questions and reasoning ones.
json::Value coverage_counts(const GiftParse& bank) {
  json::Value out = json::Value::object();
  for (const quiz::Objective& objective : quiz::itemised_objectives()) {
    json::Value items = json::Value::object();
    for (const quiz::ItemCoverage& c : quiz::coverage(objective, bank.questions)) {
      json::Value item = json::Value::object();
      item["questions"] = c.questions;
      item["reasoning"] = c.reasoning;
      items[c.item->key] = std::move(item);
    }
    out[objective.tag] = std::move(items);
  }
  return out;
}

std::string coverage_text(const GiftParse& bank) {
  std::string text;
  for (const quiz::Objective& objective : quiz::itemised_objectives()) {
    std::string thin;
    int covered = 0;
    for (const quiz::ItemCoverage& c : quiz::coverage(objective, bank.questions)) {
      if (c.questions > 0) ++covered;
      else thin += std::string(thin.empty() ? "" : ", ") + c.item->key;
    }
    text += std::string(text.empty() ? "" : "; ") + objective.tag + " " +
            std::to_string(covered) + "/" + std::to_string(objective.items.size()) + " items" +
            (thin.empty() ? "" : " (none for " + thin + ")");
  }
  return text;
}

int run_check(int argc, char** argv, Output io) {
  Args args(argc, argv, 3, {{"json"}}, 1);
  if (args.positionals().empty()) throw UsageError("check needs a .gift file or a directory");
  const std::string target = args.positionals().front();
  // A bank over the parser's own limit is read and reported by the parser.
  std::vector<SourceFile> files = read_sources(target, ".gift");

  GiftParse bank;
  for (const SourceFile& file : files) quiz::merge_into(bank, quiz::parse_gift(file.text, file.name));
  // A simulation task the app cannot run is an error too, as the app
  // reports it (model/simulation_tasks.h).
  for (const quiz::Question& q : bank.questions) {
    if (q.type != quiz::QuestionType::Simulation) continue;
    const std::string problem = model::task_problem(q.task);
    if (!problem.empty()) bank.errors.push_back({q.source_file, q.source_line, problem});
  }

  json::Value by_type =
      counts(bank, quiz::kQuestionTypes, [](const quiz::Question& q) { return q.type; });
  json::Value by_topic =
      counts(bank, quiz::kTopics, [](const quiz::Question& q) { return q.topic; });
  if (args.flag("json")) {
    json::Value out = json::Value::object();
    out["questions"] = bank.questions.size();
    out["files"] = files.size();
    out["by_type"] = by_type;
    out["by_topic"] = by_topic;
    out["by_level"] = level_counts(bank);
    out["coverage"] = coverage_counts(bank);
    json::Value errors = json::Value::array();
    for (const GiftError& e : bank.errors) {
      json::Value err = json::Value::object();
      err["file"] = e.file;
      err["line"] = e.line;
      err["message"] = e.message;
      errors.push_back(err);
    }
    out["errors"] = errors;
    io.out << json::write(out, 2) << "\n";
  } else {
    for (const GiftError& e : bank.errors)
      io.out << e.file << ":" << e.line << ": " << e.message << "\n";
    io.out << target << ": " << bank.questions.size() << " question"
           << (bank.questions.size() == 1 ? "" : "s") << " in " << files.size() << " file"
           << (files.size() == 1 ? "" : "s") << ", ";
    if (bank.errors.empty()) io.out << "no errors\n";
    else io.out << bank.errors.size() << " error" << (bank.errors.size() == 1 ? "" : "s") << "\n";
    json::Value levels = level_counts(bank);
    io.out << "  by type:  " << counts_text(by_type) << "\n"
           << "  by topic: " << counts_text(by_topic) << "\n"
           << "  by level: exam " << levels["exam"].as_number() << ", advanced "
           << levels["advanced"].as_number() << "; reasoning " << levels["reasoning"].as_number()
           << ", recall " << levels["recall"].as_number() << "\n"
           << "  covers:   " << coverage_text(bank) << "\n";
  }
  return bank.errors.empty() ? 0 : 1;
}

const QuizVerb kVerbs[] = {
    {"check", run_check},
    {"templates", run_quiz_templates},
    {"generate", run_quiz_generate},
};

}  // namespace

int run_quiz(int argc, char** argv, Output io) {
  std::string known;
  for (const QuizVerb& v : kVerbs) known += (known.empty() ? "" : ", ") + std::string(v.name);
  if (argc < 3) throw UsageError("needs a sub-command: " + known);
  const std::string verb = argv[2];
  for (const QuizVerb& v : kVerbs)
    if (verb == v.name) return v.run(argc, argv, io);
  throw UsageError("unknown sub-command '" + verb + "' (known: " + known + ")");
}

}  // namespace portlab::cli
