// libFuzzer target: the lesson loader (front matter, steps, Markdown,
// ```sim / ```quiz directives) and the course checks on what it accepts.
//
// Any bytes must load without a crash, a sanitizer report or a slow run,
// and the result must keep the promises the app and `lessons check` rely
// on: every issue names a line of the file, a lesson without issues has an
// id, a title and steps whose lines increase, and every block and directive
// of a step lies between its step's heading and the next one. A broken
// promise aborts, so libFuzzer keeps the input.
//
// Run: tools/fuzz.sh lesson [seconds]  (or make fuzz FUZZ_TARGET=lesson)
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/course/course.h"
#include "require.h"

using namespace portlab::course;

using portlab::fuzz::require;

namespace {

int count_lines(const std::string& text) {
  int lines = 1;
  for (char c : text) lines += c == '\n';
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const int lines = count_lines(text);
  LessonParse parsed = parse_lesson("fuzz.md", text);
  for (const Issue& issue : parsed.issues) {
    require(issue.line >= 1 && issue.line <= lines);
    require(!issue.message.empty());
  }
  if (parsed.ok()) {
    const Lesson& lesson = parsed.lesson;
    require(!lesson.id.empty() && !lesson.title.empty() && !lesson.steps.empty());
    int previous = 0;
    for (size_t i = 0; i < lesson.steps.size(); ++i) {
      const Step& step = lesson.steps[i];
      require(step.line > previous && step.line <= lines);
      const int next = i + 1 < lesson.steps.size() ? lesson.steps[i + 1].line : lines + 1;
      for (const Block& block : step.blocks) require(block.line > step.line && block.line < next);
      for (const Directive& d : step.directives) {
        require(d.line > step.line && d.line < next);
        require(d.after_block >= 0 && d.after_block <= static_cast<int>(step.blocks.size()));
      }
      previous = step.line;
    }
    for (const Issue& issue : check_lesson_shape(lesson)) require(issue.file == "fuzz.md");
  }
  // The course loader over the same file twice: the second is a duplicate id.
  Course course = load_course({{"a.md", text}, {"b.md", text}});
  require(course.lessons.size() <= 1);
  require(!parsed.ok() || course.issues.size() == 1);
  return 0;
}
