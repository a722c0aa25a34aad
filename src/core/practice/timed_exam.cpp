#include "core/practice/timed_exam.h"

#include <algorithm>

#include "core/progress/leitner.h"

namespace portlab::practice {

namespace {

ExamStart failure(std::string error) { return ExamStart{std::nullopt, std::move(error)}; }

std::string tag_text(const std::string& tag) { return tag.empty() ? "any tag" : tag; }

// How the exam is named in the history: "network-plus:*" or
// "network-plus:* (ports 2, nat 3)".
std::string selection_text(const ExamSpec& spec) {
  std::string text = tag_text(spec.exam_tag);
  if (spec.topic_mix.empty()) return text;
  std::string mix;
  for (const TopicCount& tc : spec.topic_mix)
    mix += (mix.empty() ? "" : ", ") + std::string(quiz::to_string(tc.topic)) + " " +
           std::to_string(tc.count);
  return text + " (" + mix + ")";
}

}  // namespace

TimedExam::TimedExam(std::string selection, std::vector<quiz::Question> questions,
                     progress::Millis started_ms, progress::Millis time_limit_ms)
    : selection_(std::move(selection)),
      questions_(std::move(questions)),
      slots_(questions_.size()),
      started_ms_(started_ms),
      time_limit_ms_(time_limit_ms) {}

int TimedExam::answered() const {
  return static_cast<int>(std::count_if(slots_.begin(), slots_.end(),
                                        [](const Slot& s) { return s.response.has_value(); }));
}

progress::Millis TimedExam::remaining_ms(progress::Millis now_ms) const {
  if (finished()) return 0;
  return std::max<progress::Millis>(0, deadline_ms() - now_ms);
}

TimedExam::AnswerStatus TimedExam::answer(progress::Progress& progress, size_t index,
                                          const quiz::Response& response,
                                          progress::Millis now_ms) {
  if (finished()) return AnswerStatus::Finished;
  if (update(progress, now_ms)) return AnswerStatus::TimeUp;
  if (index >= questions_.size()) return AnswerStatus::NoSuchQuestion;
  if (!quiz::grade(questions_[index], response).error.empty()) return AnswerStatus::DoesNotFit;
  slots_[index] = Slot{response, now_ms};
  return AnswerStatus::Accepted;
}

bool TimedExam::update(progress::Progress& progress, progress::Millis now_ms) {
  if (!finished() && now_ms >= deadline_ms()) finish(progress, now_ms);
  return finished();
}

const ExamReport& TimedExam::finish(progress::Progress& progress, progress::Millis now_ms) {
  if (report_) return *report_;
  std::vector<std::optional<quiz::Response>> responses;
  for (const Slot& slot : slots_) responses.push_back(slot.response);
  ExamReport report = score_exam(questions_, responses);
  report.started_ms = started_ms_;
  report.timed_out = now_ms >= deadline_ms();
  report.finished_ms = std::min(now_ms, deadline_ms());

  for (size_t i = 0; i < questions_.size(); ++i) {
    if (!slots_[i].response) continue;
    const bool correct = quiz::grade(questions_[i], *slots_[i].response).correct;
    progress::record_answer(progress, questions_[i].id, correct, slots_[i].answered_ms);
  }
  progress::ExamRecord record;
  record.started_ms = report.started_ms;
  record.finished_ms = report.finished_ms;
  record.time_limit_ms = time_limit_ms_;
  record.timed_out = report.timed_out;
  record.selection = selection_;
  record.by_topic = report.by_topic;
  progress.exams.push_back(record);
  progress.updated_ms = std::max(progress.updated_ms, report.finished_ms);

  report_ = std::move(report);
  return *report_;
}

ExamStart start_exam(const Pool& pool, const ExamSpec& spec, uint64_t seed,
                     progress::Millis now_ms) {
  if (spec.time_limit_ms <= 0) return failure("an exam needs a time limit");
  std::vector<size_t> eligible;
  for (size_t i = 0; i < pool.size(); ++i)
    if (may_draw(pool[i], spec.exam_tag, spec.include_advanced)) eligible.push_back(i);

  sim::Random random(seed);
  std::vector<size_t> chosen;
  if (spec.topic_mix.empty()) {
    if (spec.question_count <= 0) return failure("an exam needs at least one question");
    const size_t wanted = static_cast<size_t>(spec.question_count);
    if (eligible.size() < wanted)
      return failure("the exam asks for " + std::to_string(wanted) + " questions tagged " +
                     tag_text(spec.exam_tag) + ", and the pool has " +
                     std::to_string(eligible.size()));
    chosen = draw(eligible, wanted, random);
  } else {
    for (const TopicCount& tc : spec.topic_mix) {
      std::vector<size_t> of_topic;
      for (size_t i : eligible)
        if (pool[i].topic == tc.topic) of_topic.push_back(i);
      const size_t wanted = static_cast<size_t>(std::max(tc.count, 0));
      if (of_topic.size() < wanted)
        return failure("the exam asks for " + std::to_string(wanted) + " " +
                       quiz::to_string(tc.topic) + " questions tagged " +
                       tag_text(spec.exam_tag) + ", and the pool has " +
                       std::to_string(of_topic.size()));
      for (size_t i : draw(of_topic, wanted, random)) chosen.push_back(i);
    }
    // A topic mix is asked in a shuffled order, not topic by topic.
    chosen = draw(chosen, chosen.size(), random);
    if (chosen.empty()) return failure("an exam needs at least one question");
  }
  std::vector<quiz::Question> questions;
  for (size_t i : chosen) questions.push_back(pool[i]);
  return ExamStart{TimedExam(selection_text(spec), std::move(questions), now_ms,
                             spec.time_limit_ms),
                   ""};
}

}  // namespace portlab::practice
