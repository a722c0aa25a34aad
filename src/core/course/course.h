// The course: every lesson file of a folder, checked together.
#pragma once

#include <string>
#include <vector>

#include "core/course/lesson.h"

namespace portlab::course {

struct SourceFile {
  std::string name;  // as shown in messages, e.g. "lessons/02-port-ranges.md"
  std::string text;
};

struct Course {
  std::vector<Lesson> lessons;  // the lessons without errors, by order then id
  std::vector<Issue> issues;    // every problem found, by file then line
  const Lesson* find(const std::string& id) const;
  int step_count() const;
};

// Parses every file; a file with problems is left out and its problems
// reported, the others still load. Ids must be unique across the course.
Course load_course(const std::vector<SourceFile>& files);

}  // namespace portlab::course
