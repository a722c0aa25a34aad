// Reads question banks in GIFT, Moodle's text format, so a teacher can bring
// an existing bank and PortLab's banks stay importable into Moodle.
//
// Supported: // comments, $CATEGORY:, ::title::, [html]/[moodle]/[plain]/
// [markdown] tags (accepted and removed), escapes \~ \= \# \{ \} \: \n \\,
// single choice {=right ~wrong#feedback}, weighted multiple answers
// {~%50%a ~%50%b ~%-100%c}, general feedback ####, true/false {T} {TRUE}
// {F#shown if wrong#shown if right}, short answer {=a =%50%b}, numeric
// {#80} {#80:2} {#70..90} {# =80 =%50%81 ~#other numbers}, matching
// {=ssh -> 22 =dns -> 53}, and missing word (the answer block inside the
// sentence). Essays ({}) and descriptions (no {}) cannot be graded and are
// reported as errors.
//
// PortLab metadata stays valid GIFT, because Moodle ignores comments and
// only files questions under a category:
//   $CATEGORY: portlab/ephemeral      the topic is the segment after "portlab"
//   // @exam network-plus:1.4 ccna:1.5 @difficulty 2
//   ::linux-default-range:: Which range ... {=32768-60999 ~49152-65535}
// Metadata comments belong to the question in the same block (no blank line
// between them). Keys: @topic T (overrides the category), @exam TAG...,
// @difficulty 1|2|3, @simulation TASK key=value... (on a question with an
// empty answer block {}, which Moodle imports as an essay).
//
// Questions are separated by blank lines. A broken question is reported as
// "file:line: message" and skipped; parsing goes on with the next question.
// Hostile input is bounded: file and question sizes and the number of
// answers are limited, and every step is linear in the text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/quiz/question.h"

namespace portlab::quiz {

inline constexpr size_t kMaxGiftBytes = 4 * 1024 * 1024;
inline constexpr size_t kMaxQuestionBytes = 64 * 1024;
inline constexpr size_t kMaxAnswersPerQuestion = 100;
inline constexpr size_t kMaxErrorsPerFile = 200;

// The exams questions may be tagged with: "network-plus" (CompTIA Network+
// N10-009, domains 1-5) and "ccna" (Cisco CCNA 200-301, domains 1-6).
bool valid_exam_tag(std::string_view tag);  // "network-plus:1.4"

struct GiftError {
  std::string file;
  int line = 0;  // 1-based
  std::string message;
};

struct GiftParse {
  std::vector<Question> questions;  // in file order
  std::vector<GiftError> errors;    // in line order
  bool ok() const { return errors.empty(); }
};

// `file` is used in messages and Question::source_file only.
GiftParse parse_gift(std::string_view text, std::string_view file);

// Adds one file's result to a bank of several files. Ids must be unique
// across the bank: a repeated id is an error at the repeat, which is dropped.
void merge_into(GiftParse& bank, GiftParse file);

}  // namespace portlab::quiz
