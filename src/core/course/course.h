// The course: every lesson file of a folder, checked together.
#pragma once

#include <string>
#include <vector>

#include "core/course/lesson.h"
#include "core/source_file.h"

namespace portlab::course {

struct Course {
  std::vector<Lesson> lessons;  // the lessons without errors, by order then id
  std::vector<Issue> issues;    // every problem found, by file then line
  const Lesson* find(const std::string& id) const;
  int step_count() const;
};

// Parses every file; a file with problems is left out and its problems
// reported, the others still load. Ids must be unique across the course.
Course load_course(const std::vector<SourceFile>& files);

// Orders issues by file, then line, keeping the order of those on one line.
void sort_issues(std::vector<Issue>& issues);

// What the shipped course promises of every lesson (objectives, 5-12 steps,
// at least two simulation steps, a checkpoint quiz). `portlab-cli lessons
// check` applies it; the app still shows a shorter lesson a teacher is
// drafting.
std::vector<Issue> check_lesson_shape(const Lesson& lesson);

}  // namespace portlab::course
