// One quiz question on screen: the prompt, the answer input its type takes
// (radio rows, check boxes, True/False buttons, a number or text box, a
// drop-down per matching prompt), "Check answer", then the feedback the
// caller's grade carries (right or wrong, what was wrong with the choice,
// the right answer, the explanation) and "Next".
//
// The card keeps only the response being built. It grades nothing: it
// reports Submit with the learner's response() and the caller sends that to
// its model (QuizDesk, a lesson checkpoint), then passes the model's grade
// back in as `feedback`. Used by the quiz screen and the lesson reader.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/quiz/question.h"
#include "ui/theme.h"
#include "ui/view_context.h"

namespace portlab::ui {

class QuestionCard {
 public:
  enum class Action {
    None,
    Submit,  // the learner checked an answer: read response()
    Next,    // the learner asked for the next question (after feedback, or skipped one)
    // Simulation tasks (model/simulation_tasks.h): go to the lab where the
    // task is done, or have the lab's engine check the work there.
    OpenTask,
    CheckTask,
  };

  struct Options {
    const char* submit_label = "Check answer";
    const char* next_label = "Next";
    // "Reveal answer": shows the right answer and the explanation without
    // grading, for a teacher presenting the question to a class.
    bool allow_reveal = true;
    // Offer Next before answering (e.g. to move on in an exam).
    bool allow_skip = false;
  };

  // Draws `question`; `feedback` is the grade of the learner's answer, once
  // the caller has one. The response being built is forgotten when the
  // question's id changes.
  Action draw(const ViewContext& ctx, const quiz::Question& question,
              const std::optional<quiz::Grade>& feedback, const Options& options);
  Action draw(const ViewContext& ctx, const quiz::Question& question,
              const std::optional<quiz::Grade>& feedback) {
    return draw(ctx, question, feedback, Options{});
  }

  // The learner's answer, valid after draw() returned Submit.
  const quiz::Response& response() const { return response_; }
  bool revealed() const { return revealed_; }
  // The feedback texts the last draw() showed (verdict, per-choice feedback,
  // the right answer, the explanation), for tests and the app's state().
  const std::vector<std::string>& shown() const { return shown_; }
  // Forgets the response being built (also done when the question changes).
  void reset();

 private:
  void start(const quiz::Question& question);
  void draw_input(const ViewContext& ctx, const quiz::Question& question, bool locked);
  bool complete(const quiz::Question& question) const;
  // Builds response_ from the inputs; false (with problem_ set) when the
  // typed text is not an answer yet, e.g. "eighty" for a port.
  bool build_response(const quiz::Question& question);
  void draw_feedback(const ViewContext& ctx, const quiz::Question& question,
                     const quiz::Grade& grade);
  void draw_answer(const ViewContext& ctx, const quiz::Question& question);
  void say(const std::string& text, Tone role = Tone::Text);  // a paragraph, kept in shown_

  std::string question_id_;
  bool started_ = false;
  int single_ = -1;
  std::vector<bool> multiple_;
  std::optional<bool> truth_;
  char text_[160] = {};
  bool enter_pressed_ = false;  // in the text box, this frame
  std::vector<int> matches_;  // index into matching choices, -1 unchosen
  std::vector<std::string> match_prompts_;
  std::vector<std::string> match_choices_;
  bool revealed_ = false;
  std::string problem_;
  quiz::Response response_;
  std::vector<std::string> shown_;
};

}  // namespace portlab::ui
