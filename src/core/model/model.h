// Everything the app shows, in one place: the course and question bank it
// loaded, the learner's progress, and the state of every lab and quiz. The
// UI holds a pointer to this and calls its commands; the app loads it,
// saves progress when it changes, and ties links to it (check_route).
#pragma once

#include <string>
#include <vector>

#include "core/course/course.h"
#include "core/labs/bind_lab.h"
#include "core/labs/ephemeral_lab.h"
#include "core/labs/nat_lab.h"
#include "core/nav/route.h"
#include "core/practice/question_pick.h"
#include "core/practice/quiz_desk.h"
#include "core/progress/progress.h"
#include "core/source_file.h"

namespace portlab::model {

// The teacher-editable content: lessons and question banks, with every
// problem found in them (shown to the teacher, never fatal).
struct Content {
  course::Course course;
  practice::Pool bank;
  std::vector<course::Issue> problems;  // lesson and bank problems, file:line
};

// Parses lesson files (*.md) and GIFT banks (*.gift); a broken file is left
// out and reported, the rest load.
Content load_content(const std::vector<SourceFile>& lesson_files, const std::vector<SourceFile>& bank_files);

struct Model {
  Content content;
  progress::Progress progress;
  labs::BindLab bind;
  labs::EphemeralLab ephemeral;
  labs::NatLab nat;
  practice::QuizDesk quiz;

  // The Navigator's RouteCheck: a lesson link must name a lesson and a step
  // that exist (a link without a step opens where the learner left off);
  // lab and quiz links must name something their model can open.
  std::string check_route(nav::Route& route);

  // Opens a lesson's ```sim block in its lab; returns the screen that shows
  // it, and sets `problem` when the preset could not be applied.
  nav::Route open_preset(const course::Directive& preset, std::string& problem);
};

}  // namespace portlab::model
