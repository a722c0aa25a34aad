#include "core/practice/quiz_desk.h"

#include <set>

#include "core/net/address.h"
#include "core/practice/review_session.h"
#include "core/quiz/templates/template.h"

namespace portlab::practice {

namespace {

// JSON (the CLI's and the saved progress's) keeps integers exact up to
// 2^53 - 1, so generated seeds in links stay below it too.
constexpr long long kMaxSeed = 9007199254740991LL;

const char* kExamFilters[] = {"network-plus", "ccna"};

bool known_exam_filter(const std::string& exam) {
  if (exam.empty()) return true;
  for (const char* f : kExamFilters)
    if (exam == f) return true;
  return false;
}

std::string exam_tag_pattern(const std::string& exam) {
  return exam.empty() ? std::string() : exam + ":*";
}

// Splits "<template>/<seed>"; false when the id has no '/'.
bool split_generated_id(const std::string& id, std::string& template_id, std::string& seed) {
  const size_t slash = id.rfind('/');
  if (slash == std::string::npos) return false;
  template_id = id.substr(0, slash);
  seed = id.substr(slash + 1);
  return true;
}

}  // namespace

std::optional<quiz::Question> generated_question(const std::string& id) {
  std::string template_id, seed_text;
  if (!split_generated_id(id, template_id, seed_text)) return std::nullopt;
  const quiz::Template* t = quiz::find_template(template_id);
  const net::Parsed<long long> seed = net::parse_integer(seed_text, 0, kMaxSeed);
  if (!t || !seed.ok()) return std::nullopt;
  return t->generate(static_cast<uint64_t>(*seed.value)).question;
}

void QuizDesk::attach(const Pool* bank, progress::Progress* progress) {
  bank_ = bank;
  progress_ = progress;
  pool_records_ = static_cast<size_t>(-1);  // a new bank or progress: rebuild the pool
  open_pending_link();
}

void QuizDesk::open_pending_link() {
  // Sessions start at the time given, so a link waits for the first
  // update() too: an exam started at time 0 would be over at once.
  if (!pending_link_ || !attached() || !has_time_) return;
  std::vector<std::string> args = std::move(*pending_link_);
  pending_link_.reset();
  // A link that cannot open now (too few questions for an exam) leaves the
  // menu open; the app already took the link, so the view says why.
  const std::string problem = open_args(args);
  if (!problem.empty()) {
    open_menu();
    link_problem_ = problem;
  }
}

std::string QuizDesk::take_link_problem() {
  std::string problem;
  problem.swap(link_problem_);
  return problem;
}

const Pool& QuizDesk::pool() {
  const size_t bank_size = bank_ ? bank_->size() : 0;
  const size_t records = progress_ ? progress_->questions.size() : 0;
  if (bank_size == pool_bank_size_ && records == pool_records_) return pool_;
  pool_.clear();
  std::set<std::string> ids;
  if (bank_)
    for (const quiz::Question& q : *bank_)
      if (ids.insert(q.id).second) pool_.push_back(q);
  for (const quiz::Template* t : quiz::templates())
    for (uint64_t seed = 1; seed <= kGeneratedSeeds; ++seed) {
      quiz::Question q = t->generate(seed).question;
      if (ids.insert(q.id).second) pool_.push_back(std::move(q));
    }
  if (progress_)
    for (const auto& entry : progress_->questions) {
      if (ids.count(entry.first)) continue;
      if (std::optional<quiz::Question> q = generated_question(entry.first)) {
        ids.insert(q->id);
        pool_.push_back(std::move(*q));
      }
    }
  pool_bank_size_ = bank_size;
  pool_records_ = records;
  return pool_;
}

// ---------------------------------------------------------------- links

// What is wrong with a link's shape (mode, exam name, template, seed), or
// "" when it could be opened; whether a bank id exists is checked on opening.
static std::string link_problem(const std::vector<std::string>& args) {
  if (args.empty()) return "";
  const std::string& mode = args[0];
  if ((mode == "practice" || mode == "review") && args.size() == 1) return "";
  if (mode == "question" && args.size() == 2) return "";
  if (mode == "exam" && args.size() <= 2) {
    const std::string exam = args.size() == 2 ? args[1] : "";
    if (known_exam_filter(exam)) return "";
    return "There is no exam called \"" + exam +
           "\"; exam links end in /network-plus, /ccna or nothing.";
  }
  if (mode == "generated" && args.size() == 3) {
    if (!quiz::find_template(args[1]))
      return "There is no question template called \"" + args[1] + "\".";
    if (!net::parse_integer(args[2], 0, kMaxSeed).ok())
      return "The seed \"" + args[2] + "\" is not a whole number from 0 to " +
             std::to_string(kMaxSeed) + ".";
    return "";
  }
  return "PortLab has no quiz page \"#/quiz/" + mode +
         "\"; quiz links are #/quiz, /practice, /exam, /review, /generated/<template>/<seed> "
         "and /question/<id>.";
}

std::string QuizDesk::open_link(const std::vector<std::string>& args) {
  if (is_open(args)) return "";
  const std::string problem = link_problem(args);
  if (!problem.empty()) return problem;
  if (attached() && args.size() == 2 && args[0] == "question" && !find_question(*bank_, args[1]))
    return "There is no question \"" + args[1] + "\" in the question bank.";
  if (!attached() || !has_time_) {
    // The app may follow the start-up link before it attaches the bank or
    // tells the time: the link is opened once it has done both.
    pending_link_ = args;
    return "";
  }
  return open_args(args);
}

bool QuizDesk::is_open(const std::vector<std::string>& args) const {
  if (pending_link_) return *pending_link_ == args;
  if (args != link()) return false;
  // "#/quiz/practice" with no session yet (it could not start) is not open.
  switch (mode_) {
    case QuizMode::Practice: return practice_.has_value();
    case QuizMode::Exam: return exam_.has_value();
    default: return true;
  }
}

std::string QuizDesk::open_args(const std::vector<std::string>& args) {
  const std::string problem = link_problem(args);
  if (!problem.empty()) return problem;
  if (args.empty()) {
    open_menu();
    return "";
  }
  const std::string& mode = args[0];
  if (mode == "practice") return start_practice();
  if (mode == "review") return start_review();
  if (mode == "question") return open_bank_question(args[1]);
  if (mode == "generated")
    return open_generated(args[1],
                          static_cast<uint64_t>(*net::parse_integer(args[2], 0, kMaxSeed).value));
  // An exam.
  const ExamChoice before = exam_choice_;
  exam_choice_.exam = args.size() == 2 ? args[1] : "";
  std::string started = start_exam();
  if (!started.empty()) exam_choice_ = before;
  return started;
}

std::vector<std::string> QuizDesk::link() const {
  if (pending_link_) return *pending_link_;
  switch (mode_) {
    case QuizMode::Menu: return {};
    case QuizMode::Practice: return {"practice"};
    case QuizMode::Exam:
      if (exam_choice_.exam.empty()) return {"exam"};
      return {"exam", exam_choice_.exam};
    case QuizMode::Review: return {"review"};
    case QuizMode::Generated:
      return {"generated", single_template_, std::to_string(single_seed_)};
    case QuizMode::Bank: {
      const quiz::Question* q = single_.questions().empty() ? nullptr : &single_.questions()[0];
      return {"question", q ? q->id : std::string()};
    }
  }
  return {};
}

// ------------------------------------------------------------- commands

void QuizDesk::update(progress::Millis now_ms) {
  now_ms_ = now_ms;
  has_time_ = true;
  open_pending_link();
  if (exam_ && progress_ && !exam_->finished()) exam_->update(*progress_, now_ms);
}

void QuizDesk::reset_session() {
  practice_.reset();
  exam_.reset();
  exam_index_ = 0;
  review_ = QuestionRun();
  single_ = QuestionRun();
  shown_ = 0;
  single_template_.clear();
  single_seed_ = 0;
  last_grade_.reset();
}

void QuizDesk::open_menu() {
  // An exam left for the menu ends here, so its answers count in progress.
  if (exam_ && progress_ && !exam_->finished()) exam_->finish(*progress_, now_ms_);
  reset_session();
  mode_ = QuizMode::Menu;
}

std::string QuizDesk::start_practice() {
  if (!attached()) return "The questions have not loaded yet.";
  // Different sessions draw differently; the same time and count, alike.
  const uint64_t seed = static_cast<uint64_t>(now_ms_) ^ (++sessions_ * 0x9E3779B97F4A7C15ULL);
  EndlessStart start = start_endless(pool(), seed);
  if (!start.session) return "Endless practice cannot start: " + start.error;
  open_menu();
  practice_ = std::move(start.session);
  practice_->next(*progress_, now_ms_);
  mode_ = QuizMode::Practice;
  return "";
}

std::string QuizDesk::start_exam() {
  if (!attached()) return "The questions have not loaded yet.";
  if (!known_exam_filter(exam_choice_.exam))
    return "There is no exam called \"" + exam_choice_.exam + "\".";
  ExamSpec spec;
  spec.exam_tag = exam_tag_pattern(exam_choice_.exam);
  spec.question_count = exam_choice_.questions;
  spec.time_limit_ms = exam_choice_.time_limit_ms;
  spec.include_advanced = exam_choice_.include_advanced;
  const uint64_t seed = static_cast<uint64_t>(now_ms_) ^ (++sessions_ * 0x9E3779B97F4A7C15ULL);
  ExamStart start = practice::start_exam(pool(), spec, seed, now_ms_);
  if (!start.exam) return "The exam cannot start: " + start.error;
  open_menu();
  exam_ = std::move(start.exam);
  mode_ = QuizMode::Exam;
  return "";
}

std::string QuizDesk::start_review() {
  if (!attached()) return "The questions have not loaded yet.";
  QuestionRun run = practice::start_review(pool(), *progress_, now_ms_);
  open_menu();
  review_ = std::move(run);
  mode_ = QuizMode::Review;
  return "";
}

std::string QuizDesk::open_generated(const std::string& template_id, uint64_t seed) {
  const quiz::Template* t = quiz::find_template(template_id);
  if (!t) return "There is no question template called \"" + template_id + "\".";
  if (seed > static_cast<uint64_t>(kMaxSeed))
    return "The seed " + std::to_string(seed) + " is larger than " + std::to_string(kMaxSeed) +
           ".";
  std::vector<quiz::Question> one{t->generate(seed).question};
  open_menu();
  single_ = QuestionRun(std::move(one));
  single_template_ = template_id;
  single_seed_ = seed;
  mode_ = QuizMode::Generated;
  return "";
}

std::string QuizDesk::open_bank_question(const std::string& id) {
  if (!attached()) return "The questions have not loaded yet.";
  const quiz::Question* q = find_question(*bank_, id);
  if (!q) return "There is no question \"" + id + "\" in the question bank.";
  std::vector<quiz::Question> one{*q};
  open_menu();
  single_ = QuestionRun(std::move(one));
  mode_ = QuizMode::Bank;
  return "";
}

quiz::Grade QuizDesk::answer(const quiz::Response& response) {
  quiz::Grade refused;
  const quiz::Question* q = question();
  if (!q || !progress_) {
    refused.error = "there is no question to answer";
    return refused;
  }
  if (last_grade_) {
    refused.error = "this question was already answered";
    return refused;
  }
  quiz::Grade g;
  switch (mode_) {
    case QuizMode::Practice: g = practice_->answer(*progress_, response, now_ms_); break;
    case QuizMode::Review: g = review_.answer(*progress_, response, now_ms_); break;
    case QuizMode::Generated:
    case QuizMode::Bank: g = single_.answer(*progress_, response, now_ms_); break;
    case QuizMode::Exam: {
      using Status = TimedExam::AnswerStatus;
      switch (exam_->answer(*progress_, exam_index_, response, now_ms_)) {
        case Status::Accepted: break;
        case Status::TimeUp:
        case Status::Finished: refused.error = "the exam has ended"; return refused;
        case Status::NoSuchQuestion: refused.error = "no such exam question"; return refused;
        case Status::DoesNotFit:
          refused.error = "that answer does not fit this question";
          return refused;
      }
      // No feedback during an exam: on to the next question left blank.
      for (size_t step = 1; step <= exam_->size(); ++step) {
        const size_t i = (exam_index_ + step) % exam_->size();
        if (!exam_->response(i)) {
          exam_index_ = i;
          break;
        }
      }
      return quiz::Grade{};
    }
    case QuizMode::Menu: break;
  }
  if (g.error.empty()) last_grade_ = g;
  return g;
}

void QuizDesk::next() {
  if (!progress_) return;
  switch (mode_) {
    case QuizMode::Practice:
      practice_->next(*progress_, now_ms_);
      last_grade_.reset();
      break;
    case QuizMode::Review:
      shown_ = review_.position();
      last_grade_.reset();
      break;
    case QuizMode::Generated:
      open_generated(single_template_, single_seed_ + 1);
      break;
    case QuizMode::Bank: open_menu(); break;
    case QuizMode::Exam:
      if (exam_ && !exam_->finished()) exam_go_to((exam_index_ + 1) % exam_->size());
      break;
    case QuizMode::Menu: break;
  }
}

// ---------------------------------------------------------------- state

const quiz::Question* QuizDesk::question() const {
  switch (mode_) {
    case QuizMode::Practice: return practice_ ? practice_->current() : nullptr;
    case QuizMode::Exam:
      return exam_ && !exam_->finished() ? &exam_->question(exam_index_) : nullptr;
    case QuizMode::Review:
      return shown_ < review_.size() ? &review_.questions()[shown_] : nullptr;
    case QuizMode::Generated:
    case QuizMode::Bank:
      return shown_ < single_.size() ? &single_.questions()[shown_] : nullptr;
    case QuizMode::Menu: return nullptr;
  }
  return nullptr;
}

std::string QuizDesk::id() const {
  const quiz::Question* q = question();
  return q ? q->id : std::string();
}

int QuizDesk::answered() const {
  switch (mode_) {
    case QuizMode::Practice: return practice_ ? practice_->answered() : 0;
    case QuizMode::Exam: return exam_ ? exam_->answered() : 0;
    case QuizMode::Review: return static_cast<int>(review_.position());
    case QuizMode::Generated:
    case QuizMode::Bank: return static_cast<int>(single_.position());
    case QuizMode::Menu: return 0;
  }
  return 0;
}

int QuizDesk::correct() const {
  switch (mode_) {
    case QuizMode::Practice: return practice_ ? practice_->right() : 0;
    case QuizMode::Exam: return exam_ && exam_->report() ? exam_->report()->right : 0;
    case QuizMode::Review: return review_.right();
    case QuizMode::Generated:
    case QuizMode::Bank: return single_.right();
    case QuizMode::Menu: return 0;
  }
  return 0;
}

void QuizDesk::exam_go_to(size_t index) {
  if (exam_ && index < exam_->size()) exam_index_ = index;
}

progress::Millis QuizDesk::exam_remaining_ms() const {
  if (!exam_) return 0;
  if (exam_->finished()) return 0;
  return exam_->remaining_ms(now_ms_);
}

const ExamReport& QuizDesk::finish_exam() {
  static const ExamReport kNone;
  if (!exam_ || !progress_) return kNone;
  return exam_->finish(*progress_, now_ms_);
}

size_t QuizDesk::due_now() const {
  return progress_ ? progress::due_questions(*progress_, now_ms_).size() : 0;
}

std::optional<progress::NextReview> QuizDesk::next_review() const {
  if (!progress_) return std::nullopt;
  return progress::next_review(*progress_, now_ms_);
}

std::vector<progress::TopicMastery> QuizDesk::mastery() {
  if (!progress_) return {};
  return progress::mastery_by_topic(*progress_, pool());
}

size_t QuizDesk::exam_pool_size(const std::string& exam, bool include_advanced) {
  const std::string pattern = exam_tag_pattern(exam);
  size_t n = 0;
  for (const quiz::Question& q : pool())
    if (may_draw(q, pattern, include_advanced)) ++n;
  return n;
}

}  // namespace portlab::practice
