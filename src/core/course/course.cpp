#include "core/course/course.h"

#include <algorithm>

namespace portlab::course {

const Lesson* Course::find(const std::string& id) const {
  for (const Lesson& l : lessons)
    if (l.id == id) return &l;
  return nullptr;
}

int Course::step_count() const {
  int n = 0;
  for (const Lesson& l : lessons) n += static_cast<int>(l.steps.size());
  return n;
}

Course load_course(const std::vector<SourceFile>& files) {
  Course course;
  for (const SourceFile& file : files) {
    LessonParse parsed = parse_lesson(file.name, file.text);
    if (!parsed.ok()) {
      course.issues.insert(course.issues.end(), parsed.issues.begin(), parsed.issues.end());
      continue;
    }
    if (const Lesson* other = course.find(parsed.lesson.id)) {
      course.issues.push_back({file.name, 1, "id '" + parsed.lesson.id + "' is already used by " +
                                                 other->file});
      continue;
    }
    course.lessons.push_back(std::move(parsed.lesson));
  }
  std::stable_sort(course.lessons.begin(), course.lessons.end(), [](const Lesson& a, const Lesson& b) {
    return a.order != b.order ? a.order < b.order : a.id < b.id;
  });
  sort_issues(course.issues);
  return course;
}

void sort_issues(std::vector<Issue>& issues) {
  std::stable_sort(issues.begin(), issues.end(), [](const Issue& a, const Issue& b) {
    return a.file != b.file ? a.file < b.file : a.line < b.line;
  });
}

std::vector<Issue> check_lesson_shape(const Lesson& lesson) {
  std::vector<Issue> issues;
  auto add = [&](std::string message) { issues.push_back({lesson.file, 1, std::move(message)}); };
  const int steps = static_cast<int>(lesson.steps.size());
  if (lesson.objectives.empty()) add("the lesson lists no objectives");
  if (steps < 5 || steps > 12) add("the lesson has " + std::to_string(steps) + " steps; a course lesson has 5-12");
  int sim_steps = 0, quiz_steps = 0;
  for (const Step& step : lesson.steps) {
    sim_steps += step.count(Directive::Kind::Sim) > 0;
    quiz_steps += step.count(Directive::Kind::Quiz) > 0;
  }
  if (sim_steps < 2)
    add("the lesson has " + std::to_string(sim_steps) + " simulation steps; a course lesson has at least 2");
  if (quiz_steps == 0) add("the lesson has no checkpoint quiz (a ```quiz block)");
  return issues;
}

}  // namespace portlab::course
