// Everything the app shows, in one place: the course and question bank it
// loaded, the learner's progress, and the state of every lab and quiz. The
// UI holds a pointer to this and calls its commands; the app loads it,
// saves progress when it changes, and ties links to it (check_route).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/activity/activity.h"
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
  // Every goal-checked activity of the course (activity.h), in course order;
  // a broken one is left out and reported in `problems`.
  std::vector<activity::Activity> activities;
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

// The activity open in a lab (a lesson step's, a lab challenge, or the goal
// of a teacher's setup link), with what the learner has done towards it.
struct ActivityRun {
  activity::Activity activity;  // a copy: a setup link's goal has no other home
  activity::Inputs inputs;      // the typed answer
  int hints_shown = 0;
  std::optional<activity::PredictionOutcome> prediction;  // once predicted and run
  activity::Verdict verdict;  // as of the last update_activity()
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
  // Whether the NAT Lab has been built yet; asks without building it.
  bool nat_built() const { return nat_.has_value(); }
  // The teacher's NAT scenario files, handed to the lab whenever it exists.
  void set_nat_scenarios(std::vector<SourceFile> files);

  // The Navigator's RouteCheck: a lesson link must name a lesson and a step
  // that exist (a link without a step opens where the learner left off);
  // lab and quiz links must name something their model can open.
  std::string check_route(nav::Route& route);

  // Opens a lesson's ```sim block in its lab; returns the screen that shows
  // it, and sets `problem` when the preset could not be applied.
  nav::Route open_preset(const course::Directive& preset, std::string& problem);

  // --- activities (see core/activity/activity.h)
  std::optional<ActivityRun> activity_run;
  // Sets a lesson step's ```sim block up in its lab (once: the same block
  // again keeps the lab as the learner left it) and opens its activity, if
  // it is one; "" or why the preset could not be applied.
  std::string stage_step_sim(const std::string& lesson_id, int step, const course::Directive& sim);
  // Opens an activity in its lab afresh (a lab screen's challenge list).
  std::string open_activity(const activity::Activity& activity);
  // Judges the open activity against the labs as they are now; the first
  // time its goals are met, progress records it (lesson activities only).
  void update_activity();
  void set_activity_answer(const std::string& text);
  void reveal_hint();
  // Opens one of the NAT Lab's built-in challenges (its list, a #/nat/<id>
  // link); an open NAT activity gives way to it, since the lab can hold
  // one task at a time. "" or why not.
  std::string open_nat_challenge(const std::string& challenge_id);
  // Grades a prediction by running the activity's run lines in its lab;
  // the result counts towards mastery like an answered question
  // (progress id "predict:<lesson>/<id>").
  void predict(const std::string& value);
  // The activity done in progress (by Activity::key()).
  bool activity_done(const std::string& key) const;
  // The course's activities that use this lab ("bind", "ephemeral" also
  // takes port-map ones, "nat"), as the lab screen's challenge list.
  std::vector<const activity::Activity*> lab_challenges(const std::string& lab) const;
  // The lab's built-in challenge (the NAT Lab's game-server, ...) is done:
  // recorded in progress, or open and solved in the lab right now. Never
  // builds the NAT Lab.
  bool lab_challenge_done(const std::string& lab, const std::string& challenge_id) const;
  // Records the NAT Lab's open built-in challenge in progress once it is
  // solved (progress/lab_challenges.h). The lab judges its challenge when
  // the learner presses Check or changes a rule, which is the view's
  // business, so this is called every frame (by update_activity() and the
  // NAT Lab's view): cheap, and never builds the lab. A challenge that a
  // setup link's replayed actions solved is not the learner's work: it is
  // recorded only once the learner solves it again after it came undone.
  void note_lab_challenges();
  // The activity of a lesson step's ```sim block (by the block's line).
  const activity::Activity* find_activity(const std::string& lesson_id, int step, int line) const;

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
  // The labs an activity of `lab` drives; the NAT Lab only when it is the
  // activity's (building it costs start-up time, see nat()).
  activity::Labs labs_for(const std::string& lab);
  // Opens a #/<lab>/setup/... link (check_route).
  std::string open_setup_route(const nav::Route& route);
  // The ```sim block stage_step_sim() last set up, so the same block again
  // keeps the learner's work; forgotten when anything else sets its lab up.
  struct StagedSim {
    std::string lesson_id;
    int step = 0;
    int line = 0;
    std::string lab;  // the lab family: "bind", "ephemeral", "nat", ""
  };
  std::optional<StagedSim> staged_;
  void forget_staged(const std::string& lab);
  // The setup link applied last: the Navigator checks a route again on the
  // browser's back button, which must not undo the learner's work.
  std::optional<nav::Route> applied_setup_;
  // The NAT Lab challenge a setup link opened already solved (see
  // note_lab_challenges); "" once it is unsolved or another one is open.
  std::string nat_solved_by_link_;
  std::vector<SourceFile> nat_scenarios_;
  // Mutable: built on first use, also by a const reader (the app's state()).
  mutable std::optional<labs::NatLab> nat_;
};

}  // namespace portlab::model
