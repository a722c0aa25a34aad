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
  std::stable_sort(course.issues.begin(), course.issues.end(), [](const Issue& a, const Issue& b) {
    return a.file != b.file ? a.file < b.file : a.line < b.line;
  });
  return course;
}

}  // namespace portlab::course
