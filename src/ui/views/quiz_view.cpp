#include "ui/views/quiz_view.h"

#include <chrono>
#include <cstdio>
#include <iterator>

#include <imgui.h>

#include "core/model/prediction_questions.h"
#include "core/model/simulation_tasks.h"
#include "core/practice/answer_text.h"
#include "core/quiz/templates/template.h"
#include "ui/a11y/semantics.h"
#include "ui/widgets.h"
#include "ui/widgets/result_paragraph.h"

namespace portlab::ui {

namespace {

using practice::QuizMode;
using sim::Millis;

constexpr int kExamSizes[] = {5, 10, 20, 30};
constexpr int kExamMinutes[] = {5, 10, 15, 30, 60};
struct ExamFilter {
  const char* key;
  const char* label;
};
constexpr ExamFilter kExamFilters[] = {
    {"", "Any question"}, {"network-plus", "CompTIA Network+"}, {"ccna", "Cisco CCNA"}};

const char* topic_title(quiz::Topic topic) {
  switch (topic) {
    case quiz::Topic::Ports: return "What a port is";
    case quiz::Topic::Ranges: return "Port ranges";
    case quiz::Topic::Privileged: return "Privileged binding";
    case quiz::Topic::Ephemeral: return "Ephemeral ports";
    case quiz::Topic::Nat: return "NAT and port forwarding";
    case quiz::Topic::Tools: return "Ports on your own machine";
    case quiz::Topic::Protocols: return "Beyond TCP and UDP";
  }
  return "";
}

// "in 3 hours", "in 12 minutes", "in 2 days": when the next review falls.
std::string wait_text(Millis ms) {
  const Millis minute = 60 * sim::kSecond, hour = 60 * minute, day = 24 * hour;
  auto count = [](Millis n, const char* unit) {
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
  };
  if (ms >= 2 * day) return "in " + count(ms / day, "day");
  if (ms >= 2 * hour) return "in " + count(ms / hour, "hour");
  if (ms >= minute) return "in " + count((ms + minute - 1) / minute, "minute");
  return "in under a minute";
}

// "12:05" for a countdown.
std::string clock_text(Millis ms) {
  const long long seconds = (ms + 999) / 1000;
  char text[32];
  std::snprintf(text, sizeof text, "%lld:%02lld", seconds / 60, seconds % 60);
  return text;
}

bool button(const char* label) {
  return ImGui::Button(label, ImVec2(0, ImGui::GetFrameHeight() * 1.4f));
}

// As tall as button(), but it takes the learner somewhere.
bool link_button(const char* label) {
  a11y::next_item(a11y::Role::Link);
  return button(label);
}

// A drop-down over a fixed list of labels; true when the choice changed.
template <typename Labels>
bool choice_combo(const char* label, int& index, const Labels& labels, int count, float width) {
  ImGui::SetNextItemWidth(width);
  bool changed = false;
  if (begin_combo(label, labels(index).c_str())) {
    for (int i = 0; i < count; ++i)
      if (option(labels(i).c_str(), i == index)) {
        index = i;
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

}  // namespace

void QuizView::init(const ViewContext& ctx) {
  View::init(ctx);
  if (ctx_.model && !ctx_.model->quiz.attached())
    ctx_.model->quiz.attach(&ctx_.model->content.bank, &ctx_.model->progress);
}

void QuizView::follow_route() {
  if (!ctx_.navigator) return;
  const nav::Route& route = ctx_.navigator->current();
  if (route.screen != nav::Screen::Quiz) return;
  if (followed_any_ && route.args == followed_) return;
  // The address bar changed without the desk (native back and forward, a
  // link): open what it names. The app checked it already, so a problem
  // here means the desk could not start it (too few questions).
  problem_ = ctx_.model->quiz.open_link(route.args);
  followed_ = route.args;
  followed_any_ = true;
}

void QuizView::moved() {
  followed_ = ctx_.model->quiz.link();
  followed_any_ = true;
  if (ctx_.navigator) ctx_.navigator->go(nav::Route{nav::Screen::Quiz, followed_});
}

void QuizView::draw() {
  animating_ = false;
  wake_after_ms_ = -1;
  if (!ctx_.model) return;
  practice::QuizDesk& desk = ctx_.model->quiz;
  if (!desk.attached()) desk.attach(&ctx_.model->content.bank, &ctx_.model->progress);
  // The app's clock (model.now_ms, wall-clock time it sets every frame),
  // unless a test brings its own.
  Millis now = clock_ ? clock_() : ctx_.model->now_ms;
  if (now == 0)
    now = std::chrono::duration_cast<std::chrono::milliseconds>(
              std::chrono::system_clock::now().time_since_epoch())
              .count();
  desk.update(now);
  const std::string late_problem = desk.take_link_problem();
  if (!late_problem.empty()) problem_ = late_problem;
  follow_route();

  if (!problem_.empty()) result_paragraph(problem_.c_str(), Tone::Warning, true);
  switch (desk.mode()) {
    case QuizMode::Menu: draw_menu(); break;
    case QuizMode::Practice: draw_practice(); break;
    case QuizMode::Exam: draw_exam(); break;
    case QuizMode::Review: draw_review(); break;
    case QuizMode::Generated:
    case QuizMode::Bank: draw_single(); break;
  }
}

bool QuizView::back_to_menu_button() {
  if (!link_button("Back to the practice menu")) return false;
  ctx_.model->quiz.open_menu();
  problem_.clear();
  moved();
  return true;
}

void QuizView::handle(QuestionCard::Action action) {
  practice::QuizDesk& desk = ctx_.model->quiz;
  if (action == QuestionCard::Action::OpenTask || action == QuestionCard::Action::CheckTask) {
    const quiz::Question* q = desk.question();
    if (!q) return;
    if (action == QuestionCard::Action::OpenTask) {
      ctx_.navigator->go(model::task_route(q->task));
      return;
    }
    desk.answer(model::check_task(q->task, ctx_.model->nat()));
  } else if (action == QuestionCard::Action::Submit) {
    const quiz::Grade grade = desk.answer(card_.response());
    problem_ = grade.error.empty() ? "" : "That answer could not be taken: " + grade.error + ".";
  } else if (action == QuestionCard::Action::Next) {
    const std::vector<std::string> before = desk.link();
    desk.next();
    problem_.clear();
    if (desk.link() != before) moved();
  }
}

// ------------------------------------------------------------------ menu

void QuizView::draw_menu() {
  practice::QuizDesk& desk = ctx_.model->quiz;
  title(ctx_, "Practice");
  paragraph("Answer questions from the course's bank and questions the simulators generate. "
            "Every answer updates your review schedule.",
            Tone::Muted);
  const bool wide = ImGui::GetContentRegionAvail().x >= ImGui::GetFontSize() * 40;

  heading(ctx_, "Endless practice");
  paragraph("One question after another, leaning towards what is due and your weakest topics.");
  if (button("Start endless practice")) {
    problem_ = desk.start_practice();
    if (problem_.empty()) moved();
  }

  heading(ctx_, "Timed exam");
  const float combo_width = ImGui::GetFontSize() * (wide ? 10 : 14);
  choice_combo(
      "questions##exam size", exam_size_choice_,
      [](int i) { return std::to_string(kExamSizes[i]) + " questions"; },
      static_cast<int>(std::size(kExamSizes)), combo_width);
  if (wide) ImGui::SameLine();
  choice_combo(
      "time limit##exam time", exam_time_choice_,
      [](int i) { return std::to_string(kExamMinutes[i]) + " minutes"; },
      static_cast<int>(std::size(kExamMinutes)), combo_width);
  if (wide) ImGui::SameLine();
  choice_combo(
      "exam##exam filter", exam_filter_choice_,
      [](int i) { return std::string(kExamFilters[i].label); },
      static_cast<int>(std::size(kExamFilters)), combo_width);
  const char* filter = kExamFilters[exam_filter_choice_].key;
  ImGui::Checkbox("Include advanced questions", &exam_include_advanced_);
  // Said apart, so the box and its label fit a 320-pixel screen.
  same_line_if_fits(ImGui::CalcTextSize("(beyond both exams)").x);
  text(Tone::Muted, "(beyond both exams)");
  const size_t available = desk.exam_pool_size(filter, exam_include_advanced_);
  const std::string pool_line =
      std::to_string(available) + " questions can be drawn" +
      (*filter ? std::string(" for ") + kExamFilters[exam_filter_choice_].label : "") +
      ". No feedback until the end; then a score by topic and a review of every mistake.";
  paragraph(pool_line.c_str(), Tone::Muted);
  if (button("Start the exam")) {
    practice::ExamChoice choice;
    choice.questions = kExamSizes[exam_size_choice_];
    choice.time_limit_ms = kExamMinutes[exam_time_choice_] * 60 * sim::kSecond;
    choice.exam = filter;
    choice.include_advanced = exam_include_advanced_;
    desk.set_exam_choice(choice);
    problem_ = desk.start_exam();
    if (problem_.empty()) moved();
  }

  heading(ctx_, "Review queue");
  const size_t due = desk.due_now();
  const std::optional<progress::NextReview> next = desk.next_review();
  std::string review_line;
  if (due > 0)
    review_line = std::to_string(due) + (due == 1 ? " question is" : " questions are") +
                  " due for review now.";
  else if (next)
    review_line = "Nothing is due now; the next review comes " + wait_text(next->wait_ms) + ".";
  else
    review_line = "Nothing to review yet: questions join the queue once you answer them.";
  paragraph(review_line.c_str());
  ImGui::BeginDisabled(due == 0);
  if (button("Start review")) {
    problem_ = desk.start_review();
    if (problem_.empty()) moved();
  }
  ImGui::EndDisabled();

  heading(ctx_, "Mastery by topic");
  paragraph("A question is known once you have answered it right on two visits a day apart.",
            Tone::Muted);
  const float bar_width = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 24);
  // The course's predictions count too (model/prediction_questions.h).
  for (const progress::TopicMastery& m : progress::mastery_by_topic(
           ctx_.model->progress, desk.pool(), model::prediction_questions(ctx_.model->content))) {
    text(topic_title(m.topic));
    const std::string overlay = std::to_string(m.mastered) + " of " + std::to_string(m.questions) +
                                " known, " + std::to_string(m.seen) + " seen";
    progress_bar(m.questions ? static_cast<float>(m.mastered) / m.questions : 0.0f, ImVec2(bar_width, 0),
                 overlay.c_str(), topic_title(m.topic));
  }
}

// ------------------------------------------------------------- practice

void QuizView::draw_practice() {
  practice::QuizDesk& desk = ctx_.model->quiz;
  title(ctx_, "Endless practice");
  const std::string score = std::to_string(desk.correct()) + " of " +
                            std::to_string(desk.answered()) + " right so far";
  paragraph(score.c_str(), Tone::Muted);
  if (back_to_menu_button()) return;
  ImGui::Separator();
  if (const quiz::Question* q = desk.question())
    handle(card_.draw(ctx_, *q, desk.last_grade(), session_options()));
}

QuestionCard::Options QuizView::session_options() const {
  // Revealing before answering would let a learner collect a right answer
  // for their schedule, so practice and review reveal only in presenter mode.
  QuestionCard::Options options;
  options.allow_reveal = ctx_.model->presenter;
  return options;
}

// ----------------------------------------------------------------- exam

void QuizView::draw_exam() {
  practice::QuizDesk& desk = ctx_.model->quiz;
  const practice::TimedExam* exam = desk.exam();
  if (!exam) return;
  if (exam->finished()) {
    draw_exam_report();
    return;
  }
  title(ctx_, "Timed exam");
  // The countdown shows whole seconds: one frame when the next one starts
  // (the desk ends the exam itself when the time is up).
  wake_after_ms_ = static_cast<int>(desk.exam_remaining_ms() % 1000) + 1;
  const size_t index = desk.exam_index();
  const std::string status = "Question " + std::to_string(index + 1) + " of " +
                             std::to_string(exam->size()) + "   Time left " +
                             clock_text(desk.exam_remaining_ms()) + "   Answered " +
                             std::to_string(exam->answered()) + " of " +
                             std::to_string(exam->size());
  ImGui::PushFont(ctx_.fonts->bold);
  paragraph(status.c_str());  // wraps on a phone
  ImGui::PopFont();

  // Jump to any question; answered ones are marked.
  for (size_t i = 0; i < exam->size(); ++i) {
    char label[48];
    std::snprintf(label, sizeof label, "%s%zu##q", exam->response(i) ? "*" : "", i + 1);
    if (i > 0) same_line_if_fits(button_width(label));
    const bool here = i == index;
    // The current one is filled like a pressed button: text on the accent
    // colour itself would fall under 4.5:1 in every theme.
    if (here) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    ImGui::PushID(static_cast<int>(i));
    // A link to the question; the one on screen is the current one.
    a11y::next_item(a11y::Role::Link, here ? a11y::kCurrent : 0u);
    if (ImGui::Button(label)) desk.exam_go_to(i);
    ImGui::PopID();
    if (here) ImGui::PopStyleColor();
  }
  if (button("Finish the exam")) {
    desk.finish_exam();
    return;
  }
  ImGui::Separator();
  const quiz::Question& q = exam->question(index);
  if (const std::optional<quiz::Response>& saved = exam->response(index)) {
    const std::string line = "Your saved answer: " + practice::describe_response(q, *saved) +
                             " (answer again to change it)";
    paragraph(line.c_str(), Tone::Muted);
  }
  QuestionCard::Options options;
  options.submit_label = "Save answer";
  options.next_label = "Skip";
  options.allow_reveal = false;
  options.allow_skip = true;
  const QuestionCard::Action action = card_.draw(ctx_, q, std::nullopt, options);
  if (action == QuestionCard::Action::Submit) {
    const quiz::Grade saved = desk.answer(card_.response());
    problem_ = saved.error.empty() ? "" : "That answer could not be saved: " + saved.error + ".";
    card_.reset();  // a changed answer starts from a blank card
  } else if (action == QuestionCard::Action::Next) {
    desk.next();
    card_.reset();
  }
}

void QuizView::draw_exam_report() {
  practice::QuizDesk& desk = ctx_.model->quiz;
  const practice::ExamReport* report = desk.exam()->report();
  title(ctx_, "Exam results");
  const std::string score = std::to_string(report->right) + " of " +
                            std::to_string(report->total) + " right (" +
                            std::to_string(report->percent()) + " %)" +
                            (report->timed_out ? ", ended by the time limit." : ".");
  ImGui::PushFont(ctx_.fonts->heading);
  result_paragraph(score.c_str(), report->percent() >= 70 ? Tone::Success : Tone::Warning);
  ImGui::PopFont();
  if (back_to_menu_button()) return;

  heading(ctx_, "By topic");
  if (ImGui::BeginTable("by topic", 2, ImGuiTableFlags_SizingStretchProp)) {
    for (const auto& entry : report->by_topic) {
      ImGui::TableNextColumn();
      text(topic_title(entry.first));
      ImGui::TableNextColumn();
      textf("%d of %d", entry.second.right, entry.second.total);
    }
    ImGui::EndTable();
  }

  heading(ctx_, report->mistakes.empty() ? "No mistakes" : "Your mistakes");
  for (size_t i = 0; i < report->mistakes.size(); ++i) {
    const practice::Mistake& m = report->mistakes[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Separator();
    paragraph(m.prompt.c_str());
    paragraph(("Your answer: " + m.your_answer).c_str(), Tone::Danger);
    paragraph(("The answer: " + m.correct_answer).c_str(), Tone::Success);
    for (const std::string& line : m.feedback) paragraph(line.c_str(), Tone::Muted);
    paragraph(m.explanation.c_str());
    ImGui::PopID();
  }
}

// --------------------------------------------------------------- review

void QuizView::draw_review() {
  practice::QuizDesk& desk = ctx_.model->quiz;
  title(ctx_, "Review");
  if (back_to_menu_button()) return;
  if (const quiz::Question* q = desk.question()) {
    const std::string where = "Question " + std::to_string(desk.review_position() +
                                                           (desk.last_grade() ? 0 : 1)) +
                              " of " + std::to_string(desk.review_size()) + ", " +
                              std::to_string(desk.correct()) + " right so far";
    paragraph(where.c_str(), Tone::Muted);
    ImGui::Separator();
    handle(card_.draw(ctx_, *q, desk.last_grade(), session_options()));
    return;
  }
  std::string line;
  if (desk.review_size() > 0)
    line = "Review done: " + std::to_string(desk.correct()) + " of " +
           std::to_string(desk.review_size()) + " right.";
  else if (desk.next_review())
    line = "Nothing is due for review now.";
  else
    line = "Nothing to review yet: every question you answer in practice or an exam joins the "
           "review schedule.";
  if (const std::optional<progress::NextReview> next = desk.next_review())
    line += next->wait_ms > 0 ? " The next review comes " + wait_text(next->wait_ms) + "."
                              : " Some questions are due again already.";
  result_paragraph(line.c_str());  // after the last answer: the review's outcome
}

// -------------------------------------------------- one question by link

void QuizView::draw_single() {
  practice::QuizDesk& desk = ctx_.model->quiz;
  const quiz::Question* q = desk.question();
  if (!q) return;
  std::string heading_text = "Question";
  if (desk.mode() == QuizMode::Generated) {
    const std::vector<std::string> link = desk.link();
    const quiz::Template* t = quiz::find_template(link[1]);
    heading_text = std::string(t ? t->title : link[1]) + ", seed " + link[2];
  }
  title(ctx_, heading_text.c_str());
  // The link a teacher can share: the same seed opens the same question.
  const std::string fragment = nav::to_fragment(nav::Route{nav::Screen::Quiz, desk.link()});
  mono(ctx_, fragment.c_str());
  if (back_to_menu_button()) return;
  ImGui::Separator();
  QuestionCard::Options options;
  options.next_label = desk.mode() == QuizMode::Generated ? "Next seed" : "Back to the menu";
  handle(card_.draw(ctx_, *q, desk.last_grade(), options));
}

}  // namespace portlab::ui
