#include "core/practice/question_run.h"

#include "core/progress/leitner.h"

namespace portlab::practice {

const quiz::Question* QuestionRun::current() const {
  return finished() ? nullptr : &questions_[position()];
}

int QuestionRun::right() const {
  int n = 0;
  for (const Attempt& a : attempts_) n += a.grade.correct;
  return n;
}

quiz::Grade QuestionRun::answer(progress::Progress& progress, const quiz::Response& response,
                                progress::Millis now_ms) {
  const quiz::Question* question = current();
  if (!question) {
    quiz::Grade over;
    over.error = "the session is over";
    return over;
  }
  quiz::Grade grade = quiz::grade(*question, response);
  if (!grade.error.empty()) return grade;
  progress::record_answer(progress, question->id, grade.correct, now_ms);
  attempts_.push_back({question->id, response, grade});
  return grade;
}

}  // namespace portlab::practice
