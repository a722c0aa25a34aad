// The card of a goal-checked activity (core/activity/activity.h): its goal
// lines, hints revealed one at a time, an answer field for an `answer`
// goal, the prediction form ("predict, then run") and, after the run, the
// prediction beside the engine's answer; when the goal is met, a "Goal met"
// banner with the engine's own explanation.
//
// Usage:
//   ActivityCard card_;  // a member of the view, like QuestionCard
//   card_.draw(ctx_);                 // the open activity (model.activity_run),
//                                     // e.g. above a lab screen
//   card_.draw(ctx_, &activity);      // a lesson step's staged activity: live
//                                     // when it is the open one, else its goal
//                                     // and a "Start" button (open_activity)
// draw() judges the open activity first (model.update_activity(), cheap), so
// the caller does not. ChallengeList draws one above a lab screen for you.
//
// The card grades nothing itself: it calls the model's commands
// (set_activity_answer, reveal_hint, predict) and shows the model's verdict.
#pragma once

#include <string>
#include <vector>

#include "core/activity/activity.h"
#include "ui/a11y/semantics.h"
#include "ui/theme.h"
#include "ui/view_context.h"

namespace portlab::ui {

// A button at least a line and a half tall, as the quiz's are, so a finger
// finds it (used by the activity card, the challenge list and the setup link).
bool activity_button(const char* label);

// The goal lines as written, joined with "; " (the app's state().activities).
std::string goal_text(const activity::Activity& activity);
// What the learner is shown of a goal line: one plain sentence
// (activity::goal_in_words), which says an `answer` goal without its values.
std::string shown_goal(const activity::Line& goal);
std::string shown_goal_text(const activity::Activity& activity);  // joined with "; "


class ActivityCard {
 public:
  // Draws `activity`, or the open one (model.activity_run) when null;
  // nothing when there is none. Returns true when it drew a card.
  bool draw(const ViewContext& ctx, const activity::Activity* activity = nullptr);

  // The texts the last draw() showed (goal lines, hints, verdict, the
  // prediction beside the engine's answer, explanations), for tests.
  const std::vector<std::string>& shown() const { return shown_; }
  bool shows(const std::string& text) const;

 private:
  void start(const std::string& key);
  void draw_open(const ViewContext& ctx, model::ActivityRun& run);
  void draw_goals(const ViewContext& ctx, const activity::Activity& activity);
  void draw_prediction(const ViewContext& ctx, model::ActivityRun& run);
  void draw_answer(const ViewContext& ctx, model::ActivityRun& run);
  void draw_hints(const ViewContext& ctx, model::ActivityRun& run);
  void draw_verdict(const ViewContext& ctx, const model::ActivityRun& run);
  // A paragraph, kept in shown_; `result` (Status or Alert) for what an
  // action brought about, read out when it appears.
  void say(const std::string& text, Tone role = Tone::Text, a11y::Role result = a11y::Role::Text);

  std::string key_;  // the activity the typed fields belong to
  bool started_ = false;
  char answer_[128] = {};
  bool answer_checked_ = false;  // "Check" pressed since the text last changed
  char prediction_[128] = {};
  int choice_ = -1;
  std::string start_problem_;  // why "Start" could not open the activity
  float height_ = 0;           // the card's content height in the last frame
  std::vector<std::string> shown_;
};

}  // namespace portlab::ui
