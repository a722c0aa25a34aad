#include "core/quiz/gift_parser.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "core/quiz/exam_objectives.h"
#include "core/quiz/gift_answers.h"
#include "core/quiz/gift_text.h"
#include "core/text.h"

namespace portlab::quiz {
namespace {

using text::is_space;
using text::starts_with;
using text::trim;

using gift::LineError;
using gift::MarkedText;
using gift::quoted;
using gift::SourceLine;

constexpr std::string_view kCategoryKeyword = "$CATEGORY:";
constexpr std::string_view kPortlabCategory = "portlab";
constexpr std::string_view kMissingWordGap = "_____";
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr size_t kMaxTaskIdChars = 64;
constexpr size_t kMaxExamTags = 8;
const char* const kTopicList = "ports, ranges, privileged, ephemeral, nat, tools, protocols";



std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

// Takes the next line off `text`, without its "\n" or "\r\n".
std::string_view next_line(std::string_view& text) {
  size_t end = text.find('\n');
  std::string_view line = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool is_slug(std::string_view s, size_t max_chars) {
  if (s.empty() || s.size() > max_chars) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// The @key value... comments before a question.
struct Metadata {
  std::optional<Topic> topic;
  std::vector<std::string> exam_tags;
  std::optional<int> difficulty;
  std::vector<std::string> covers;
  std::optional<bool> advanced;  // @level advanced / @level exam
  bool reasoning = false;
  std::optional<SimulationTask> simulation;
  bool wants_simulation = false;  // even when the @simulation line is broken
  int first_line = 0;
  bool broken = false;
  bool any() const { return first_line != 0; }
};

class FileParser {
 public:
  FileParser(std::string_view text, std::string_view file) : text_(text), file_(file) {}

  GiftParse run() {
    if (text_.size() > kMaxGiftBytes) {
      error(1, "the file is larger than the " + std::to_string(kMaxGiftBytes) +
                   " bytes a bank file may have; split it into several files");
      return std::move(result_);
    }
    if (starts_with(text_, kUtf8Bom)) text_.remove_prefix(kUtf8Bom.size());
    // Lines are read one at a time and only the current block is kept, so a
    // file of empty lines costs no memory.
    std::vector<SourceLine> block;
    std::string_view rest = text_;
    for (int number = 1; !rest.empty() && !stopped_; ++number) {
      SourceLine line{next_line(rest), number};
      if (trim(line.text).empty()) {
        if (!block.empty()) parse_block(block);
        block.clear();
      } else {
        block.push_back(line);
      }
    }
    if (!block.empty() && !stopped_) parse_block(block);
    std::stable_sort(result_.errors.begin(), result_.errors.end(),
                     [](const GiftError& a, const GiftError& b) { return a.line < b.line; });
    return std::move(result_);
  }

 private:
  std::string_view text_;
  std::string file_;
  GiftParse result_;
  bool stopped_ = false;
  // The current $CATEGORY and what it says about the topic. After a broken
  // category line its questions are skipped without a "no topic" error each.
  std::string category_;
  std::optional<Topic> category_topic_;
  bool category_broken_ = false;
  std::map<std::string, int> count_per_category_;
  std::unordered_map<std::string, int> id_lines_;

  void error(int line, std::string message) {
    if (stopped_) return;
    if (result_.errors.size() + 1 >= kMaxErrorsPerFile) {
      result_.errors.push_back(
          {file_, line, "too many errors (" + std::to_string(kMaxErrorsPerFile) + "); stopping"});
      stopped_ = true;
      return;
    }
    result_.errors.push_back({file_, line, std::move(message)});
  }

  void parse_block(const std::vector<SourceLine>& block) {
    // Comment lines count too: they carry the metadata.
    size_t bytes = 0;
    for (const SourceLine& l : block) bytes += l.text.size() + 1;
    if (bytes > kMaxQuestionBytes) {
      ++count_per_category_[category_];  // later untitled questions keep their ids
      return error(block.front().number, "this question is longer than " +
                                             std::to_string(kMaxQuestionBytes) +
                                             " bytes; a question needs far less");
    }
    std::vector<SourceLine> content;
    Metadata meta;
    for (const SourceLine& line : block) {
      std::string_view t = trim(line.text);
      if (!starts_with(t, "//")) {
        content.push_back(line);
        continue;
      }
      std::string_view comment = trim(t.substr(2));
      if (starts_with(comment, "@")) parse_metadata(comment, line.number, meta);
    }
    if (content.empty()) {
      if (meta.any())
        error(meta.first_line, "this metadata comment is followed by no question; it must be "
                               "directly above the question, with no blank line between");
      return;
    }
    if (starts_with(trim(content.front().text), kCategoryKeyword))
      return parse_category(content, meta);
    parse_question(content, meta);
  }

  void parse_metadata(std::string_view comment, int line, Metadata& meta) {
    if (!meta.any()) meta.first_line = line;
    std::vector<std::string_view> tokens = words(comment);
    for (size_t i = 0; i < tokens.size();) {
      std::string_view key = tokens[i].substr(1);
      size_t end = i + 1;
      while (end < tokens.size() && !starts_with(tokens[end], "@")) ++end;
      std::vector<std::string_view> values(tokens.begin() + static_cast<std::ptrdiff_t>(i + 1),
                                           tokens.begin() + static_cast<std::ptrdiff_t>(end));
      if (!apply_metadata(key, values, line, meta)) meta.broken = true;
      i = end;
    }
  }

  bool meta_error(int line, std::string message) {
    error(line, std::move(message));
    return false;
  }

  bool apply_metadata(std::string_view key, const std::vector<std::string_view>& values,
                      int line, Metadata& meta) {
    std::string k = "@" + std::string(key);
    if (key == "topic") {
      if (meta.topic) return meta_error(line, "@topic is given twice");
      std::optional<Topic> topic = values.size() == 1 ? parse_topic(values[0]) : std::nullopt;
      if (!topic) return meta_error(line, std::string("@topic takes one of ") + kTopicList);
      meta.topic = topic;
      return true;
    }
    if (key == "exam") {
      if (values.empty()) return meta_error(line, "@exam needs at least one objective, e.g. "
                                                  "@exam network-plus:1.4 ccna:1.5");
      for (std::string_view v : values) {
        if (!valid_exam_tag(v))
          return meta_error(line, quoted(std::string(v)) +
                                      " is not an exam objective; write network-plus:D.N "
                                      "(domains 1-5) or ccna:D.N (domains 1-6)");
        std::string tag(v);
        if (std::find(meta.exam_tags.begin(), meta.exam_tags.end(), tag) != meta.exam_tags.end())
          continue;
        if (meta.exam_tags.size() == kMaxExamTags)
          return meta_error(line, "more than " + std::to_string(kMaxExamTags) +
                                      " exam objectives for one question");
        meta.exam_tags.push_back(tag);
      }
      return true;
    }
    if (key == "difficulty") {
      if (meta.difficulty) return meta_error(line, "@difficulty is given twice");
      if (values.size() != 1 || values[0].size() != 1 || values[0][0] < '1' || values[0][0] > '3')
        return meta_error(line, "@difficulty takes 1 (easy), 2 or 3 (hard)");
      meta.difficulty = values[0][0] - '0';
      return true;
    }
    if (key == "simulation") {
      meta.wants_simulation = true;
      return apply_simulation(values, line, meta);
    }
    if (key == "level") {
      if (meta.advanced) return meta_error(line, "@level is given twice");
      if (values.size() != 1 || (values[0] != "exam" && values[0] != "advanced"))
        return meta_error(line, "@level takes exam (the default) or advanced (beyond both exams)");
      meta.advanced = values[0] == "advanced";
      return true;
    }
    if (key == "reasoning") {
      if (!values.empty())
        return meta_error(line, "@reasoning takes no value: it marks a question that asks the "
                                "learner to apply a rule to a situation");
      meta.reasoning = true;
      return true;
    }
    if (key == "covers") return apply_covers(values, line, meta);
    return meta_error(line, "unknown metadata key " + quoted(k) +
                                "; PortLab knows @topic, @exam, @difficulty, @level, @reasoning, "
                                "@covers and @simulation");
  }

  bool apply_covers(const std::vector<std::string_view>& values, int line, Metadata& meta) {
    if (values.empty())
      return meta_error(line, "@covers needs the objective items the question tests, e.g. "
                              "@covers smtps");
    for (std::string_view v : values) {
      if (!objective_of_item(v))
        return meta_error(line, quoted(std::string(v)) +
                                    " is not an item of an exam objective PortLab tracks (see "
                                    "docs/question-bank.md)");
      std::string item(v);
      if (std::find(meta.covers.begin(), meta.covers.end(), item) == meta.covers.end())
        meta.covers.push_back(item);
    }
    return true;
  }

  bool apply_simulation(const std::vector<std::string_view>& values, int line, Metadata& meta) {
    if (meta.simulation) return meta_error(line, "@simulation is given twice");
    if (values.empty() || !is_slug(values[0], kMaxTaskIdChars))
      return meta_error(line, "@simulation needs a task id (lower-case letters, digits, - _ .) "
                              "followed by key=value parameters");
    SimulationTask task{std::string(values[0]), {}};
    for (size_t i = 1; i < values.size(); ++i) {
      size_t eq = values[i].find('=');
      std::string_view name = values[i].substr(0, eq);
      if (eq == std::string_view::npos || !is_slug(name, kMaxTaskIdChars) ||
          eq + 1 == values[i].size())
        return meta_error(line, quoted(std::string(values[i])) +
                                    " is not a task parameter; write key=value");
      task.params.emplace_back(std::string(name), std::string(values[i].substr(eq + 1)));
    }
    meta.simulation = task;
    return true;
  }

  void parse_category(const std::vector<SourceLine>& content, const Metadata& meta) {
    int line = content.front().number;
    std::string path(trim(trim(content.front().text).substr(kCategoryKeyword.size())));
    if (content.size() > 1)
      error(content[1].number, "a $CATEGORY line must be followed by a blank line; Moodle "
                               "would read this line as part of the category name");
    if (meta.any())
      error(meta.first_line, "metadata comments belong directly above a question, not above a "
                             "$CATEGORY line");
    category_ = path;
    category_topic_.reset();
    category_broken_ = false;
    if (path.empty()) {
      category_broken_ = true;
      return error(line, "$CATEGORY: needs a category path, e.g. $CATEGORY: portlab/nat");
    }
    // The topic is the segment after "portlab" (Moodle may prefix a context
    // such as $course$/).
    std::vector<std::string_view> segments;
    for (size_t start = 0;;) {
      size_t slash = path.find('/', start);
      segments.push_back(trim(std::string_view(path).substr(start, slash - start)));
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    for (size_t i = 0; i < segments.size(); ++i) {
      if (segments[i] != kPortlabCategory) continue;
      std::optional<Topic> topic =
          i + 1 < segments.size() ? parse_topic(segments[i + 1]) : std::nullopt;
      if (!topic) {
        category_broken_ = true;
        return error(line, "category " + quoted(path) + ": the segment after 'portlab/' must be " +
                               "a topic, one of " + kTopicList);
      }
      category_topic_ = topic;
      return;
    }
  }

  void parse_question(const std::vector<SourceLine>& content, const Metadata& meta) {
    int start = content.front().number;
    int index = ++count_per_category_[category_];

    std::vector<LineError> problems;
    Question q;
    q.category = category_;
    q.source_file = file_;
    q.source_line = start;
    MarkedText text = MarkedText::from_lines(content).trimmed();
    if (!take_title(text, start, q, problems)) return report(problems);
    if (q.id.empty())
      q.id = (category_.empty() ? std::string("uncategorized") : category_) + "#" +
             std::to_string(index);
    parse_body(text, start, meta, q, problems);
    bool filed = assign_metadata(meta, start, q, problems);
    if (!problems.empty() || meta.broken || !filed) return report(problems);
    auto [it, fresh] = id_lines_.emplace(q.id, start);
    if (!fresh)
      return error(start, "question id " + quoted(q.id) + " is already used on line " +
                              std::to_string(it->second) +
                              "; give each question its own ::title::");
    result_.questions.push_back(std::move(q));
  }

  void report(const std::vector<LineError>& problems) {
    for (const LineError& p : problems) error(p.line, p.message);
  }

  // "::title::" at the start names the question; the title is its id.
  static bool take_title(MarkedText& text, int start, Question& q,
                         std::vector<LineError>& problems) {
    if (!text.starts_with("::")) return true;
    size_t end = text.find("::", 2);
    if (end == MarkedText::npos) {
      problems.push_back({start, "the title opened with '::' is never closed with '::' (write "
                                 "\\: for a literal colon)"});
      return false;
    }
    q.id = text.slice(2, end).text();
    text = text.slice(end + 2).trimmed();
    return true;
  }

  void parse_body(const MarkedText& text, int start, const Metadata& meta, Question& q,
                  std::vector<LineError>& problems) {
    size_t open = text.find('{');
    size_t close = text.find('}');
    if (open == MarkedText::npos && close == MarkedText::npos) {
      problems.push_back({start, "no answer block {...}: text without answers is a Moodle "
                                 "description, not a question that can be graded"});
      return;
    }
    if (close == MarkedText::npos) {
      problems.push_back({text.line_at(open, start),
                          "the answer block opened with '{' here is never closed with '}'"});
      return;
    }
    if (open == MarkedText::npos || close < open) {
      problems.push_back({text.line_at(close, start),
                          "'}' without an opening '{' (write \\} for a literal brace)"});
      return;
    }
    size_t inner = text.find('{', open + 1);
    if (inner != MarkedText::npos && inner < close) {
      problems.push_back({text.line_at(inner, start),
                          "'{' inside the answer block (write \\{ for a literal brace)"});
      return;
    }
    size_t again = std::min(text.find('{', close + 1), text.find('}', close + 1));
    if (again != MarkedText::npos) {
      problems.push_back({text.line_at(again, start),
                          "a question has one answer block; this is a second one (write \\{ "
                          "and \\} for literal braces)"});
      return;
    }

    // Missing word: text after the block means the answer fills a gap.
    MarkedText after = text.slice(close + 1);
    q.missing_word = !after.blank();
    q.prompt = q.missing_word ? gift::without_format_tag(std::string(text.slice(0, open).raw()) +
                                                         std::string(kMissingWordGap) +
                                                         std::string(after.raw()))
                              : text.slice(0, open).text();
    if (q.prompt.empty()) problems.push_back({start, "the question has no text"});

    int block_line = text.line_at(open, start);
    MarkedText answers = text.slice(open + 1, close);
    size_t general = answers.rfind("####");
    if (general != MarkedText::npos) {
      q.explanation = answers.slice(general + 4).text();
      answers = answers.slice(0, general);
    }
    answers = answers.trimmed();
    if (answers.empty()) {
      if (meta.simulation) {
        q.type = QuestionType::Simulation;
        q.task = *meta.simulation;
        return;
      }
      if (meta.wants_simulation) return;  // its broken @simulation line is reported
      problems.push_back({block_line, "an empty answer block {} makes an essay question, which "
                                      "cannot be graded automatically"});
      return;
    }
    if (meta.simulation) {
      problems.push_back({meta.first_line, "@simulation needs an empty answer block {} (the "
                                           "engine checks the task)"});
      return;
    }
    gift::parse_answers(answers, block_line, q, problems);
  }

  // An advanced question is beyond both exams, so it claims no objective; an
  // item is only covered under its own objective's tag.
  static void check_levels(const Metadata& meta, int start, std::vector<LineError>& problems) {
    int line = meta.any() ? meta.first_line : start;
    if (meta.advanced.value_or(false) && !meta.exam_tags.empty())
      problems.push_back({line, "@level advanced marks material beyond both exams, so the "
                                "question cannot also carry @exam " + meta.exam_tags.front()});
    for (const std::string& item : meta.covers) {
      const Objective* objective = objective_of_item(item);
      if (std::find(meta.exam_tags.begin(), meta.exam_tags.end(), objective->tag) ==
          meta.exam_tags.end())
        problems.push_back({line, "@covers " + item + " needs @exam " + objective->tag +
                                      " on the same question"});
    }
  }

  // False when the question cannot be filed because a broken category
  // line, already reported, left it without a topic.
  bool assign_metadata(const Metadata& meta, int start, Question& q,
                       std::vector<LineError>& problems) {
    q.exam_tags = meta.exam_tags;
    q.covers = meta.covers;
    q.advanced = meta.advanced.value_or(false);
    q.reasoning = meta.reasoning;
    if (meta.difficulty) q.difficulty = *meta.difficulty;
    check_levels(meta, start, problems);
    std::optional<Topic> topic = meta.topic ? meta.topic : category_topic_;
    if (topic) {
      q.topic = *topic;
      return true;
    }
    if (category_broken_ || meta.broken) return false;
    problems.push_back({start, std::string("the question has no topic: put it under "
                                           "'$CATEGORY: portlab/<topic>' or add "
                                           "'// @topic <topic>' above it (topics: ") +
                                   kTopicList + ")"});
    return true;
  }
};

}  // namespace

bool valid_exam_tag(std::string_view tag) {
  struct Exam {
    std::string_view name;
    char last_domain;
  };
  static constexpr Exam kExams[] = {{"network-plus", '5'}, {"ccna", '6'}};
  size_t colon = tag.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view exam = tag.substr(0, colon), objective = tag.substr(colon + 1);
  for (const Exam& e : kExams) {
    if (exam != e.name) continue;
    // "D.N": one domain digit, then an objective number 1-99 without a
    // leading zero.
    if (objective.size() < 3 || objective.size() > 4 || objective[1] != '.') return false;
    if (objective[0] < '1' || objective[0] > e.last_domain) return false;
    std::string_view n = objective.substr(2);
    if (n[0] < '1' || n[0] > '9') return false;
    return n.size() == 1 || (n[1] >= '0' && n[1] <= '9');
  }
  return false;
}

GiftParse parse_gift(std::string_view text, std::string_view file) {
  return FileParser(text, file).run();
}

void merge_into(GiftParse& bank, GiftParse file) {
  // id -> the question that has it. Keys and pointers refer to questions in
  // place, which move only at the end; a place is written out only for a
  // clash (this runs for every file at start-up).
  std::unordered_map<std::string_view, const Question*> owners;
  for (const Question& q : bank.questions) owners.emplace(q.id, &q);
  auto place = [](const Question& q) {
    return q.source_file + ":" + std::to_string(q.source_line);
  };
  std::vector<size_t> accepted;
  size_t first_new_error = bank.errors.size();
  for (GiftError& e : file.errors) bank.errors.push_back(std::move(e));
  for (size_t i = 0; i < file.questions.size(); ++i) {
    const Question& q = file.questions[i];
    const auto [owner, first] = owners.emplace(q.id, &q);
    if (!first) {
      bank.errors.push_back({q.source_file, q.source_line,
                             "question id " + quoted(q.id) + " is already used in " +
                                 place(*owner->second)});
      continue;
    }
    accepted.push_back(i);
  }
  std::stable_sort(bank.errors.begin() + static_cast<std::ptrdiff_t>(first_new_error),
                   bank.errors.end(),
                   [](const GiftError& a, const GiftError& b) { return a.line < b.line; });
  for (size_t i : accepted) bank.questions.push_back(std::move(file.questions[i]));
}

}  // namespace portlab::quiz
