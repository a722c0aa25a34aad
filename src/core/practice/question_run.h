// A fixed list of questions answered one after another: the shape shared by
// a lesson checkpoint and a review session. Each answer is graded with
// quiz::grade and applied to progress at once (Leitner box, due time).
#pragma once

#include <string>
#include <vector>

#include "core/progress/progress.h"
#include "core/quiz/question.h"

namespace portlab::practice {

struct Attempt {
  std::string question_id;
  quiz::Response response;
  quiz::Grade grade;
};

class QuestionRun {
 public:
  QuestionRun() = default;
  explicit QuestionRun(std::vector<quiz::Question> questions) : questions_(std::move(questions)) {}

  size_t size() const { return questions_.size(); }
  size_t position() const { return attempts_.size(); }  // questions answered so far
  bool finished() const { return position() >= size(); }
  const quiz::Question* current() const;  // nullptr once finished
  const std::vector<quiz::Question>& questions() const { return questions_; }
  const std::vector<Attempt>& attempts() const { return attempts_; }
  int right() const;  // answers with full credit

  // Grades the current question, records the answer in `progress` and moves
  // on. A response that does not fit the question (Grade::error) is neither
  // recorded nor counted: the UI should not send one, and a slip there must
  // not cost the learner a Leitner box. After the last question the grade
  // carries the error "the session is over".
  quiz::Grade answer(progress::Progress& progress, const quiz::Response& response,
                     progress::Millis now_ms);

 private:
  std::vector<quiz::Question> questions_;
  std::vector<Attempt> attempts_;
};

}  // namespace portlab::practice
