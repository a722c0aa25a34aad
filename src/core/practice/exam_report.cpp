#include "core/practice/exam_report.h"

#include "core/practice/answer_text.h"

namespace portlab::practice {

ExamReport score_exam(const std::vector<quiz::Question>& questions,
                      const std::vector<std::optional<quiz::Response>>& responses) {
  ExamReport report;
  for (size_t i = 0; i < questions.size(); ++i) {
    const quiz::Question& q = questions[i];
    const std::optional<quiz::Response>& response =
        i < responses.size() ? responses[i] : std::optional<quiz::Response>();
    quiz::Grade grade;
    if (response) grade = quiz::grade(q, *response);
    progress::TopicScore& score = report.by_topic[q.topic];
    score.total += 1;
    report.total += 1;
    if (grade.correct) {
      score.right += 1;
      report.right += 1;
      continue;
    }
    Mistake m;
    m.question_id = q.id;
    m.prompt = q.prompt;
    m.answered = response.has_value();
    m.your_answer = response ? describe_response(q, *response) : "(not answered)";
    m.correct_answer = describe_correct_answer(q);
    m.explanation = q.explanation;
    m.feedback = grade.feedback;
    report.mistakes.push_back(std::move(m));
  }
  return report;
}

}  // namespace portlab::practice
