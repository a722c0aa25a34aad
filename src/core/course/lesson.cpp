#include "core/course/lesson.h"

#include <algorithm>
#include <cstring>
#include <set>

#include "core/net/address.h"
#include "core/ports/os_profile.h"
#include "core/text.h"

namespace portlab::course {
namespace {

using text::trim;


std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::vector<std::string> split_list(std::string_view value) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= value.size()) {
    size_t comma = value.find(',', start);
    if (comma == std::string_view::npos) comma = value.size();
    std::string_view item = trim(value.substr(start, comma - start));
    if (!item.empty()) items.emplace_back(item);
    start = comma + 1;
  }
  return items;
}

bool is_id(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return s.front() != '-' && s.back() != '-';
}

// "network-plus:1.4" or "ccna:1.5": the two exams the course prepares for,
// each objective written as its domain.objective number.
bool is_exam_tag(std::string_view tag) {
  size_t colon = tag.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view exam = tag.substr(0, colon), objective = tag.substr(colon + 1);
  if (exam != "network-plus" && exam != "ccna") return false;
  size_t dot = objective.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == objective.size()) return false;
  for (size_t i = 0; i < objective.size(); ++i)
    if (i != dot && (objective[i] < '0' || objective[i] > '9')) return false;
  return true;
}

// How a directive's value is checked when the lesson loads. Values the
// engines interpret further (sysctl settings, existing sockets, scenario
// files) are checked by `portlab-cli lessons check`, which runs them.
enum class ValueKind : unsigned char { Text, Os, Port, Address, Endpoint, Transport, Count, Range, Id, IdList };

struct KeySpec {
  const char* key;
  ValueKind kind;
  bool repeatable;
};

struct DirectiveSpec {
  const char* name;  // lab name for sims, "quiz" for checkpoints
  std::vector<KeySpec> keys;
};

const std::vector<DirectiveSpec>& directive_specs() {
  // The keys mirror portlab-cli's options, so a teacher can try a preset on
  // the command line first.
  static const std::vector<DirectiveSpec> specs = {
      {"port-explorer", {{"port", ValueKind::Port, false}, {"query", ValueKind::Text, false},
                         {"proto", ValueKind::Transport, false}}},
      {"port-map", {{"os", ValueKind::Os, false}, {"range", ValueKind::Range, false},
                    {"sysctl", ValueKind::Text, true}}},
      {"bind", {{"os", ValueKind::Os, false}, {"port", ValueKind::Port, false},
                {"addr", ValueKind::Address, false}, {"proto", ValueKind::Transport, false},
                {"uid", ValueKind::Count, false}, {"cap", ValueKind::Text, true},
                {"sysctl", ValueKind::Text, true}, {"existing", ValueKind::Text, true}}},
      {"ephemeral", {{"os", ValueKind::Os, false}, {"range", ValueKind::Range, false},
                     {"mode", ValueKind::Text, false}, {"dest", ValueKind::Endpoint, true},
                     {"count", ValueKind::Count, false}, {"seed", ValueKind::Count, false},
                     {"algorithm", ValueKind::Text, false}, {"sysctl", ValueKind::Text, true}}},
      {"nat", {{"scenario", ValueKind::Text, false}, {"challenge", ValueKind::Id, false},
               {"profile", ValueKind::Text, false}}},
      {"quiz", {{"questions", ValueKind::IdList, false}, {"category", ValueKind::Text, false},
                {"count", ValueKind::Count, false}, {"pass", ValueKind::Count, false}}},
  };
  return specs;
}

const DirectiveSpec* find_spec(std::string_view name) {
  for (const DirectiveSpec& s : directive_specs())
    if (name == s.name) return &s;
  return nullptr;
}

// The activity keys (kActivityKeys) every lab's ```sim block accepts; their
// values are checked against the lab by core/activity when the course's
// activities are read, so only their shape is checked here.
const KeySpec* find_activity_key(std::string_view key) {
  static const std::vector<KeySpec> keys = [] {
    std::vector<KeySpec> list;
    for (const char* k : kActivityKeys) {
      const std::string_view name = k;
      const bool repeatable = name == "goal" || name == "hint" || name == "solution" || name == "run";
      list.push_back({k, name == "id" ? ValueKind::Id : ValueKind::Text, repeatable});
    }
    return list;
  }();
  for (const KeySpec& k : keys)
    if (key == k.key) return &k;
  return nullptr;
}

// Returns "" when the value is acceptable, else what is wrong with it.
std::string check_value(ValueKind kind, const std::string& value) {
  switch (kind) {
    case ValueKind::Text:
      return value.empty() ? "needs a value" : "";
    case ValueKind::Os:
      if (ports::find_os_profile(value)) return "";
      return "'" + value + "' is not an OS profile (" + ports::os_profile_keys() + ")";
    case ValueKind::Port: return net::parse_port(value).error;
    case ValueKind::Address: return net::parse_ipv4(value).error;
    case ValueKind::Endpoint: return net::parse_endpoint(value).error;
    case ValueKind::Transport: return net::parse_transport(value).error;
    case ValueKind::Count: return net::parse_integer(value, 0, 1000000).error;
    case ValueKind::Range: {
      size_t dash = value.find('-');
      if (dash == std::string::npos) return "'" + value + "' is not a port range like 40000-40003";
      auto lo = net::parse_port(value.substr(0, dash)), hi = net::parse_port(value.substr(dash + 1));
      if (!lo.ok()) return lo.error;
      if (!hi.ok()) return hi.error;
      return *lo.value <= *hi.value ? "" : "range '" + value + "' ends below where it starts";
    }
    case ValueKind::Id:
      return is_id(value) ? "" : "'" + value + "' is not an id (lower-case letters, digits, '-')";
    case ValueKind::IdList:
      for (const std::string& id : split_list(value))
        if (id.empty() || id.find_first_of(" \t") != std::string::npos)
          return "'" + value + "' is not a comma-separated list of question ids";
      return value.empty() ? "needs at least one question id" : "";
  }
  return "";
}

class Parser {
 public:
  Parser(std::string_view file, std::string_view text) : lines_(split_lines(text)) {
    result_.lesson.file = std::string(file);
  }

  LessonParse run() {
    size_t next = front_matter();
    // Without readable front matter the rest would only produce echoes of
    // the same mistake.
    if (next == 0) return std::move(result_);
    steps(next);
    if (result_.lesson.steps.empty() && result_.issues.empty())
      error(static_cast<int>(lines_.size()), "a lesson needs at least one step ('## Step title')");
    return std::move(result_);
  }

 private:
  void error(int line, std::string message) {
    result_.issues.push_back({result_.lesson.file, line, std::move(message)});
  }

  // Returns the index of the first line after the front matter.
  size_t front_matter() {
    Lesson& lesson = result_.lesson;
    if (lines_.empty() || trim(lines_[0]) != "---") {
      error(1, "a lesson starts with front matter: a line '---', then 'id:', 'title:' ...");
      return 0;
    }
    std::set<std::string> seen;  // a set: hostile files may hold thousands of keys
    std::string list_key;  // the key whose "- item" lines follow
    size_t i = 1;
    for (; i < lines_.size(); ++i) {
      const int line_no = static_cast<int>(i) + 1;
      std::string_view line = trim(lines_[i]);
      if (line == "---") break;
      if (lines_[i].substr(0, 3) == "## ") {
        i = lines_.size();  // a step began: the closing '---' is missing
        break;
      }
      if (line.empty() || line[0] == '#') continue;
      if (line[0] == '-') {
        if (list_key != "objectives") {
          error(line_no, "a '- ' item must follow 'objectives:'");
          continue;
        }
        std::string_view item = trim(line.substr(1));
        if (item.empty()) error(line_no, "empty objective");
        else lesson.objectives.emplace_back(item);
        continue;
      }
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) {
        error(line_no, "expected 'key: value' in the front matter, got '" + std::string(line) + "'");
        continue;
      }
      std::string key(trim(line.substr(0, colon)));
      std::string value(trim(line.substr(colon + 1)));
      list_key.clear();
      if (seen.count(key)) {
        error(line_no, "'" + key + "' is given twice");
        continue;
      }
      seen.insert(key);
      if (key == "id") {
        if (!is_id(value)) error(line_no, "id '" + value + "' must be lower-case letters, digits and '-'");
        lesson.id = value;
      } else if (key == "title") {
        if (value.empty()) error(line_no, "title is empty");
        lesson.title = value;
      } else if (key == "summary") {
        lesson.summary = value;
      } else if (key == "order") {
        auto n = net::parse_integer(value, 0, 999);
        if (!n.ok()) error(line_no, "order: " + n.error);
        else lesson.order = static_cast<int>(*n.value);
      } else if (key == "objectives") {
        list_key = key;
        if (!value.empty()) error(line_no, "list the objectives on the lines below, each starting with '- '");
      } else if (key == "exam") {
        for (const std::string& tag : split_list(value)) {
          if (is_exam_tag(tag)) lesson.exam.push_back(tag);
          else error(line_no, "exam tag '" + tag + "' is not like network-plus:1.4 or ccna:1.5");
        }
      } else {
        error(line_no, "unknown front matter key '" + key +
                           "' (known: id, title, summary, order, objectives, exam)");
      }
    }
    if (i == lines_.size()) {
      error(1, "the front matter opened here is never closed with '---'");
      return 0;
    }
    if (lesson.id.empty() && !seen.count("id")) error(1, "the front matter has no 'id:'");
    if (lesson.title.empty() && !seen.count("title")) error(1, "the front matter has no 'title:'");
    return i + 1;
  }

  void steps(size_t first) {
    std::vector<Step>& steps = result_.lesson.steps;
    // Fences follow the Markdown parser: "```lang" opens, a bare "```"
    // closes. A ```sim or ```quiz block holds only key: value lines, so a
    // "## " line ends it (and the parser reports it as never closed) instead
    // of swallowing the next steps.
    bool in_fence = false, in_directive = false;
    size_t body_start = first;
    for (size_t i = first; i <= lines_.size(); ++i) {
      const bool at_end = i == lines_.size();
      const bool step_line = !at_end && lines_[i].substr(0, 3) == "## ";
      if (!at_end) {
        std::string_view line = trim(lines_[i]);
        if (in_fence && (line == "```" || (in_directive && step_line))) {
          in_fence = false;
        } else if (!in_fence && line.substr(0, 3) == "```") {
          in_fence = true;
          in_directive = line == "```sim" || line == "```quiz";
        }
      }
      const bool starts_step = step_line && !in_fence;
      if (!at_end && !starts_step) {
        if (steps.empty() && !trim(lines_[i]).empty()) {
          error(static_cast<int>(i) + 1, "text before the first step; start a step with '## Title'");
          return;
        }
        continue;
      }
      if (!steps.empty()) finish_step(steps.back(), body_start, i);
      if (at_end) break;
      steps.push_back({});
      steps.back().title = std::string(trim(lines_[i].substr(3)));
      steps.back().line = static_cast<int>(i) + 1;
      if (steps.back().title.empty()) error(steps.back().line, "a step needs a title after '## '");
      body_start = i + 1;
    }
  }

  void finish_step(Step& step, size_t begin, size_t end) {
    std::string body;
    for (size_t i = begin; i < end; ++i) body += std::string(lines_[i]) + "\n";
    MarkdownDocument doc = parse_markdown(body, static_cast<int>(begin) + 1);
    for (const MarkdownIssue& issue : doc.issues) error(issue.line, issue.message);
    for (Block& block : doc.blocks) {
      if (block.kind == Block::Kind::Code && (block.language == "sim" || block.language == "quiz")) {
        step.directives.push_back(directive(block, static_cast<int>(step.blocks.size())));
        continue;
      }
      if (block.kind == Block::Kind::Heading && block.level < 3)
        error(block.line, "use '###' for a heading inside a step ('#' and '##' are taken by the "
                          "lesson title and the steps)");
      step.blocks.push_back(std::move(block));
    }
    bool has_content = !step.blocks.empty() || !step.directives.empty();
    if (!has_content) error(step.line, "step '" + step.title + "' has no text");
  }

  Directive directive(const Block& block, int after_block) {
    Directive d;
    d.kind = block.language == "sim" ? Directive::Kind::Sim : Directive::Kind::Quiz;
    d.line = block.line;
    d.after_block = after_block;
    int line_no = block.line;
    size_t start = 0;
    while (start < block.code.size()) {
      size_t end = block.code.find('\n', start);
      std::string_view line = trim(std::string_view(block.code).substr(start, end - start));
      start = end + 1;
      ++line_no;
      if (line.empty() || line[0] == '#') continue;
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) {
        error(line_no, "expected 'key: value' in a ```" + block.language + " block");
        continue;
      }
      d.params.push_back({std::string(trim(line.substr(0, colon))),
                          std::string(trim(line.substr(colon + 1))), line_no});
    }
    check_directive(d, block.language);
    return d;
  }

  void check_directive(const Directive& d, const std::string& language) {
    const DirectiveSpec* spec = nullptr;
    if (language == "quiz") {
      spec = find_spec("quiz");
      if (d.get("questions").empty() && d.get("category").empty())
        error(d.line, "a ```quiz block needs 'questions:' or 'category:'");
    } else {
      std::string lab = d.get("lab");
      spec = lab.empty() ? nullptr : find_spec(lab);
      if (!spec || lab == "quiz") {
        std::string known;
        for (const char* l : kLabs) known += std::string(known.empty() ? "" : ", ") + l;
        error(d.line, lab.empty() ? "a ```sim block needs 'lab:' (" + known + ")"
                                  : "'" + lab + "' is not a lab (" + known + ")");
        return;
      }
    }
    std::set<std::string> seen;
    for (const Param& p : d.params) {
      if (language == "sim" && p.key == "lab") continue;
      const KeySpec* key = nullptr;
      for (const KeySpec& k : spec->keys)
        if (p.key == k.key) key = &k;
      if (!key && language == "sim") key = find_activity_key(p.key);
      if (!key) {
        std::string known;
        for (const KeySpec& k : spec->keys) known += std::string(known.empty() ? "" : ", ") + k.key;
        error(p.line, "unknown key '" + p.key + "' for " + spec->name + " (known: " + known + ")");
        continue;
      }
      if (!key->repeatable && seen.count(p.key)) error(p.line, "'" + p.key + "' is given twice");
      seen.insert(p.key);
      std::string problem = check_value(key->kind, p.value);
      if (!problem.empty()) error(p.line, p.key + ": " + problem);
    }
  }

  std::vector<std::string_view> lines_;
  LessonParse result_;
};

}  // namespace

std::string Directive::get(std::string_view key) const {
  for (const Param& p : params)
    if (p.key == key) return p.value;
  return {};
}

std::vector<std::string> Directive::all(std::string_view key) const {
  std::vector<std::string> values;
  for (const Param& p : params)
    if (p.key == key) values.push_back(p.value);
  return values;
}

std::vector<std::string> Directive::list(std::string_view key) const { return split_list(get(key)); }

int Step::count(Directive::Kind kind) const {
  return static_cast<int>(std::count_if(directives.begin(), directives.end(),
                                        [&](const Directive& d) { return d.kind == kind; }));
}

LessonParse parse_lesson(std::string_view file, std::string_view text) {
  return Parser(file, text).run();
}

}  // namespace portlab::course
