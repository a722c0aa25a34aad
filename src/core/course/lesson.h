// A lesson: front matter, then steps, each step Markdown text with embedded
// simulations and quiz checkpoints. Lessons are plain-text files in lessons/
// that a teacher edits; docs/lesson-format.md describes the format.
//
//   ---
//   id: port-ranges
//   title: Port ranges
//   summary: One sentence for the course home.
//   order: 2
//   objectives:
//     - Name the three IANA ranges and their bounds
//   exam: network-plus:1.4, ccna:1.5
//   ---
//
//   ## First step's title
//   Text ...
//
//   ```sim
//   lab: ephemeral
//   os: linux
//   ```
//
// Parsing reports every problem as file:line: message and never throws; a
// lesson with errors is not shown, the others still are.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/course/markdown.h"

namespace portlab::course {

struct Issue {
  std::string file;
  int line = 0;
  std::string message;
  std::string where() const { return file + ":" + std::to_string(line); }
};

struct Param {
  std::string key;
  std::string value;
  int line = 0;
};

// A ```sim or ```quiz block: what to embed, with its settings.
struct Directive {
  enum class Kind : unsigned char { Sim, Quiz };
  Kind kind = Kind::Sim;
  int line = 0;
  int after_block = 0;  // shown after this many of the step's text blocks
  std::vector<Param> params;
  // The first value of a key, or "" when absent.
  std::string get(std::string_view key) const;
  std::vector<std::string> all(std::string_view key) const;
  // The first value split at commas, items trimmed, empty ones left out
  // ("questions: a, b" -> {"a", "b"}).
  std::vector<std::string> list(std::string_view key) const;
};

struct Step {
  std::string title;
  int line = 0;
  std::vector<Block> blocks;
  std::vector<Directive> directives;
  int count(Directive::Kind kind) const;
};

struct Lesson {
  std::string file;
  std::string id;
  std::string title;
  std::string summary;
  int order = 0;
  std::vector<std::string> objectives;
  std::vector<std::string> exam;  // "network-plus:1.4", "ccna:1.5"
  std::vector<Step> steps;
};

struct LessonParse {
  Lesson lesson;
  std::vector<Issue> issues;
  bool ok() const { return issues.empty(); }
};

LessonParse parse_lesson(std::string_view file, std::string_view text);

// The labs a ```sim block can open.
inline constexpr const char* kLabs[] = {"port-explorer", "port-map", "bind", "ephemeral", "nat"};

// The keys a ```sim block may carry on any lab to make it an activity
// (core/activity/activity.h gives them their meaning; the course only lets
// them through). `goal`, `hint`, `solution` and `run` may be repeated.
inline constexpr const char* kActivityKeys[] = {"id", "goal", "hint", "solution", "predict", "ask", "choices", "run"};

}  // namespace portlab::course
