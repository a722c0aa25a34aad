// Everything the app shows, in one place: the course and question bank it
// loaded, the learner's progress, and the state of every lab and quiz. The
// UI holds a pointer to this and calls its commands; the app loads it,
// saves progress when it changes, and ties links to it (check_route).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/course/course.h"
#include "core/labs/bind_lab.h"
#include "core/labs/ephemeral_lab.h"
#include "core/labs/nat_lab.h"
#include "core/nav/route.h"
#include "core/practice/checkpoint_session.h"
#include "core/practice/question_pick.h"
#include "core/practice/quiz_desk.h"
#include "core/progress/progress.h"
#include "core/progress/progress_store.h"
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

// A lesson's checkpoint quiz while the learner answers it.
struct Checkpoint {
  std::string lesson_id;
  int step = 0;  // 0-based step holding the ```quiz block
  practice::CheckpointSession session;
  // After an answer: its grade stays on screen (with the explanation) until
  // the learner moves on.
  bool showing_feedback = false;
  const practice::Attempt* last_attempt() const;
  // The question on screen: the one just answered while its feedback shows.
  const quiz::Question* shown_question() const;
};

struct Model {
  Content content;
  progress::Progress progress;
  // The wall clock as of this frame (ms since the Unix epoch), set by the
  // app; everything in the model that needs "now" reads it from here.
  progress::Millis now_ms = 0;
  // Classroom presenter mode: large text, no top bar, keyboard stepping.
  bool presenter = false;
  std::optional<Checkpoint> checkpoint;
  // Where progress is saved; set by the app (imports replace the save).
  progress::ProgressStore* progress_store = nullptr;
  // A progress file the learner chose, checked and waiting for confirmation.
  std::optional<progress::ImportPreview> import_preview;
  std::string import_message;  // the outcome of the last import, for the learner
  labs::BindLab bind;
  labs::EphemeralLab ephemeral;
  practice::QuizDesk quiz;

  // The NAT Lab, built the first time anything asks for it: building it
  // opens its first challenge (parsing the scenario and running the
  // network), which is not needed to draw the course home and cost about
  // 40 ms of the page's start-up (WebAssembly compiles each function the
  // first time it runs).
  labs::NatLab& nat();
  const labs::NatLab& nat() const;
  // The teacher's NAT scenario files, handed to the lab whenever it exists.
  void set_nat_scenarios(std::vector<SourceFile> files);

  // The Navigator's RouteCheck: a lesson link must name a lesson and a step
  // that exist (a link without a step opens where the learner left off);
  // lab and quiz links must name something their model can open.
  std::string check_route(nav::Route& route);

  // Opens a lesson's ```sim block in its lab; returns the screen that shows
  // it, and sets `problem` when the preset could not be applied.
  nav::Route open_preset(const course::Directive& preset, std::string& problem);

  // Starts (or restarts, with another draw) the checkpoint of a lesson step;
  // "" or why it cannot start (a question id missing from the bank).
  std::string start_checkpoint(const std::string& lesson_id, int step, const course::Directive& quiz_block,
                               uint64_t seed);
  // Grades the current checkpoint question, records it in progress (and
  // the lesson's pass when this answer completes one) and shows feedback.
  void answer_checkpoint(const quiz::Response& response);
  // Leaves the feedback and shows the next question (or the result).
  void next_checkpoint_question();

  // The labs that simulate one host start on this OS (the learner's default
  // in Settings); a link or a lesson preset may still choose another.
  void use_default_os(const std::string& os_key);

  // Importing progress from a file: check it and say what it holds, then
  // replace the progress only when the learner confirms (the old progress
  // is kept aside, see progress_store.h).
  void preview_import(const std::string& file_text);
  void confirm_import();
  void cancel_import();

 private:
  std::vector<SourceFile> nat_scenarios_;
  // Mutable: built on first use, also by a const reader (the app's state()).
  mutable std::optional<labs::NatLab> nat_;
};

}  // namespace portlab::model
