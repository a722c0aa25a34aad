// The quiz screen's model: which mode is open (the menu, endless practice, a
// timed exam, the review queue, one generated or one bank question), its
// session, the last grade (for feedback) and the exam clock.
//
// The desk holds pointers to the question bank and the progress, set once
// with attach() (the app points them at its Model's content.bank and
// progress, which live as long as the desk). Every change to progress goes
// through the core session classes (EndlessPractice, TimedExam, QuestionRun),
// so the Leitner rules live in one place.
//
// Nothing here reads a clock: update(now_ms) tells the desk the time (the
// app passes wall-clock milliseconds every frame, tests any number), and the
// commands that need it use the last time given. The exam ends when update()
// sees its limit pass.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/practice/endless_practice.h"
#include "core/practice/question_pick.h"
#include "core/practice/question_run.h"
#include "core/practice/timed_exam.h"
#include "core/progress/mastery.h"
#include "core/progress/review_queue.h"

namespace portlab::practice {

enum class QuizMode {
  Menu,       // #/quiz
  Practice,   // #/quiz/practice
  Exam,       // #/quiz/exam[/network-plus|ccna]
  Review,     // #/quiz/review
  Generated,  // #/quiz/generated/<template>/<seed>
  Bank,       // #/quiz/question/<bank id>
};

// What the menu's exam form chose; the next exam is drawn with it.
struct ExamChoice {
  int questions = 10;
  progress::Millis time_limit_ms = 15 * 60 * 1000;
  // "" for any question, "network-plus" or "ccna" for that exam's objectives.
  std::string exam = "";
  // Draw advanced questions (beyond both exams) too.
  bool include_advanced = false;
};

// Seeds 1..kGeneratedSeeds of every template join the practice pool, so the
// engines' questions come up beside the bank's.
inline constexpr uint64_t kGeneratedSeeds = 4;

// The question a generated id names ("<template>/<seed>"), or nullopt when
// the template is unknown or the seed is not a whole number in range.
std::optional<quiz::Question> generated_question(const std::string& id);

class QuizDesk {
 public:
  // Where the questions and the progress are. A link opened before attach()
  // and the first update() is kept and opened once both have happened.
  void attach(const Pool* bank, progress::Progress* progress);
  bool attached() const { return bank_ != nullptr && progress_ != nullptr; }

  // Opens what a link names (#/quiz/<mode>/...); "" or a problem for the
  // learner, in which case nothing changed. The link of the mode already
  // open keeps its session (the browser's back button re-opens links).
  std::string open_link(const std::vector<std::string>& args);
  // Why a link accepted before the first update() could not open after all
  // (handed out once), or "".
  std::string take_link_problem();
  // The link of what is open now, for the address bar.
  std::vector<std::string> link() const;

  // The time, in milliseconds; ends a timed exam whose limit has passed.
  void update(progress::Millis now_ms);
  progress::Millis now_ms() const { return now_ms_; }

  // Every question the desk offers: the bank, kGeneratedSeeds seeds of each
  // template, and every generated question the progress has seen (so its
  // reviews come back). Rebuilt only when the bank or progress grows.
  const Pool& pool();

  // ------------------------------------------------------------ commands
  void open_menu();
  std::string start_practice();
  void set_exam_choice(const ExamChoice& choice) { exam_choice_ = choice; }
  const ExamChoice& exam_choice() const { return exam_choice_; }
  std::string start_exam();
  std::string start_review();
  std::string open_generated(const std::string& template_id, uint64_t seed);
  std::string open_bank_question(const std::string& id);

  // Grades the current question and records it (in an exam: stores the
  // answer, shows no grade, and moves to the next unanswered question).
  // A response that does not fit returns a Grade with an error; nothing
  // is recorded then.
  quiz::Grade answer(const quiz::Response& response);
  // After the feedback: the next question (practice, review, the next seed
  // of a generated question); the menu after a single bank question.
  void next();

  // ------------------------------------------------------------- state
  QuizMode mode() const { return mode_; }
  // The question on show; nullptr in the menu, after a review's last
  // question and once an exam has ended.
  const quiz::Question* question() const;
  // The id of the question on show, "" if none.
  std::string id() const;
  // Answers given in this session, and how many earned full credit (an exam
  // says how many were right only once it has ended).
  int answered() const;
  int correct() const;
  // The grade of the question on show, once answered (never during an exam).
  const std::optional<quiz::Grade>& last_grade() const { return last_grade_; }
  // Review: how many questions the session has and which is on show (0-based).
  size_t review_size() const { return review_.size(); }
  size_t review_position() const { return review_.position(); }

  // Exam.
  const TimedExam* exam() const { return exam_ ? &*exam_ : nullptr; }
  size_t exam_index() const { return exam_index_; }
  void exam_go_to(size_t index);
  progress::Millis exam_remaining_ms() const;
  const ExamReport& finish_exam();

  // Menu.
  size_t due_now() const;
  std::optional<progress::NextReview> next_review() const;
  std::vector<progress::TopicMastery> mastery();
  // Questions an exam may draw with this choice's filter.
  size_t exam_pool_size(const std::string& exam, bool include_advanced);

 private:
  std::string open_args(const std::vector<std::string>& args);
  void reset_session();
  void open_pending_link();
  bool is_open(const std::vector<std::string>& args) const;

  const Pool* bank_ = nullptr;
  progress::Progress* progress_ = nullptr;
  std::optional<std::vector<std::string>> pending_link_;
  std::string link_problem_;
  progress::Millis now_ms_ = 0;
  bool has_time_ = false;
  uint64_t sessions_ = 0;  // seeds each new session differently, yet reproducibly

  Pool pool_;
  size_t pool_bank_size_ = 0;
  size_t pool_records_ = static_cast<size_t>(-1);

  QuizMode mode_ = QuizMode::Menu;
  ExamChoice exam_choice_;
  std::optional<EndlessPractice> practice_;
  std::optional<TimedExam> exam_;
  size_t exam_index_ = 0;
  QuestionRun review_;
  // A single generated or bank question, run as a one-question session.
  QuestionRun single_;
  // Which question of review_ / single_ is on show: it stays after its
  // answer (for the feedback) until next().
  size_t shown_ = 0;
  std::string single_template_;
  uint64_t single_seed_ = 0;
  std::optional<quiz::Grade> last_grade_;
};

}  // namespace portlab::practice
