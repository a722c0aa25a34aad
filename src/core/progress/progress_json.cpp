#include "core/progress/progress_json.h"

#include "core/json_reader.h"

namespace portlab::progress {

namespace {

using json::Reader;

// Counts (attempts, steps) fit an int with room to add to them.
constexpr long long kMaxCount = 1000000000;

json::Value question_json(const QuestionRecord& r) {
  json::Value v = json::Value::object();
  v["box"] = r.box;
  v["due_ms"] = r.due_ms;
  v["attempts"] = r.attempts;
  v["correct"] = r.correct;
  v["last_answered_ms"] = r.last_answered_ms;
  return v;
}

json::Value lesson_json(const LessonRecord& r) {
  json::Value v = json::Value::object();
  v["current_step"] = r.current_step;
  json::Value steps = json::Value::array();
  for (int step : r.completed_steps) steps.push_back(step);
  v["completed_steps"] = steps;
  v["checkpoint_passed"] = r.checkpoint_passed;
  json::Value met = json::Value::object();
  for (const auto& [id, when] : r.activities_met) met[id] = when;
  v["activities_met"] = met;
  return v;
}

json::Value exam_json(const ExamRecord& r) {
  json::Value v = json::Value::object();
  v["started_ms"] = r.started_ms;
  v["finished_ms"] = r.finished_ms;
  v["time_limit_ms"] = r.time_limit_ms;
  v["timed_out"] = r.timed_out;
  v["selection"] = r.selection;
  json::Value topics = json::Value::object();
  for (const auto& [topic, score] : r.by_topic) {
    json::Value s = json::Value::object();
    s["right"] = score.right;
    s["total"] = score.total;
    topics[quiz::to_string(topic)] = s;
  }
  v["by_topic"] = topics;
  return v;
}

Millis read_time(const Reader& r) { return r.integer(0, kMaxExactInteger); }
int read_count(const Reader& r, long long lo = 0) {
  return static_cast<int>(r.integer(lo, kMaxCount));
}

// An object whose keys are ids or topics rather than fixed field names.
void expect_map(const Reader& r) {
  if (!r.value().is_object())
    r.fail(std::string("expected an object, found ") + json::type_name(r.value()));
}

// A member of an object keyed by ids; the path quotes the id so odd
// characters ("portlab/nat#2") stay readable.
Reader member(const Reader& map, const json::Member& m) {
  Reader entry(m.second, map.path() + "[" + json::quote(m.first) + "]");
  if (m.first.empty()) entry.fail("an id must not be empty");
  return entry;
}

QuestionRecord read_question(const Reader& r) {
  r.expect_object({"box", "due_ms", "attempts", "correct", "last_answered_ms"});
  QuestionRecord q;
  q.box = static_cast<int>(r.field("box").integer(kFirstBox, kLastBox));
  q.due_ms = read_time(r.field("due_ms"));
  q.attempts = read_count(r.field("attempts"));
  Reader correct = r.field("correct");
  q.correct = read_count(correct);
  if (q.correct > q.attempts)
    correct.fail("more right answers (" + std::to_string(q.correct) + ") than attempts (" +
                 std::to_string(q.attempts) + ")");
  q.last_answered_ms = read_time(r.field("last_answered_ms"));
  return q;
}

LessonRecord read_lesson(const Reader& r, int version) {
  if (version >= 2) r.expect_object({"current_step", "completed_steps", "checkpoint_passed", "activities_met"});
  else r.expect_object({"current_step", "completed_steps", "checkpoint_passed"});
  LessonRecord l;
  l.current_step = read_count(r.field("current_step"));
  Reader steps = r.field("completed_steps");
  for (size_t i = 0; i < steps.array_size(); ++i) {
    Reader step = steps.at(i);
    if (!l.completed_steps.insert(read_count(step)).second) step.fail("step listed twice");
  }
  l.checkpoint_passed = r.field("checkpoint_passed").boolean();
  if (version >= 2) {
    Reader met = r.field("activities_met");
    expect_map(met);
    for (const json::Member& m : met.value().members()) l.activities_met[m.first] = read_time(member(met, m));
  }
  return l;
}

ExamRecord read_exam(const Reader& r) {
  r.expect_object({"started_ms", "finished_ms", "time_limit_ms", "timed_out", "selection",
                   "by_topic"});
  ExamRecord e;
  e.started_ms = read_time(r.field("started_ms"));
  Reader finished = r.field("finished_ms");
  e.finished_ms = read_time(finished);
  if (e.finished_ms < e.started_ms) finished.fail("the exam finished before it started");
  e.time_limit_ms = read_time(r.field("time_limit_ms"));
  e.timed_out = r.field("timed_out").boolean();
  e.selection = r.field("selection").string();
  Reader topics = r.field("by_topic");
  expect_map(topics);
  for (const json::Member& m : topics.value().members()) {
    Reader entry(m.second, topics.path() + "." + m.first);
    std::optional<quiz::Topic> topic = quiz::parse_topic(m.first);
    if (!topic) entry.fail("unknown topic " + json::quote(m.first));
    entry.expect_object({"right", "total"});
    TopicScore score;
    score.total = read_count(entry.field("total"), 1);
    Reader right = entry.field("right");
    score.right = read_count(right);
    if (score.right > score.total) right.fail("more right answers than questions");
    e.by_topic[*topic] = score;
  }
  return e;
}

Progress read_progress(const Reader& r, int version) {
  if (version >= 2)
    r.expect_object({"created_ms", "updated_ms", "questions", "lessons", "exams", "lab_challenges_solved"});
  else r.expect_object({"created_ms", "updated_ms", "questions", "lessons", "exams"});
  Progress p;
  p.created_ms = read_time(r.field("created_ms"));
  Reader updated = r.field("updated_ms");
  p.updated_ms = read_time(updated);
  if (p.updated_ms < p.created_ms) updated.fail("updated before it was created");

  Reader questions = r.field("questions");
  expect_map(questions);
  for (const json::Member& m : questions.value().members())
    p.questions[m.first] = read_question(member(questions, m));

  Reader lessons = r.field("lessons");
  expect_map(lessons);
  for (const json::Member& m : lessons.value().members())
    p.lessons[m.first] = read_lesson(member(lessons, m), version);

  Reader exams = r.field("exams");
  for (size_t i = 0; i < exams.array_size(); ++i) p.exams.push_back(read_exam(exams.at(i)));

  // Optional (see progress_json.h); version 1 refused it above.
  if (std::optional<Reader> solved = r.optional_field("lab_challenges_solved")) {
    expect_map(*solved);
    for (const json::Member& m : solved->value().members())
      p.lab_challenges_solved[m.first] = read_time(member(*solved, m));
  }
  return p;
}

}  // namespace

json::Value to_json(const Progress& p) {
  json::Value v = json::Value::object();
  v["created_ms"] = p.created_ms;
  v["updated_ms"] = p.updated_ms;
  json::Value questions = json::Value::object();
  for (const auto& [id, record] : p.questions) questions[id] = question_json(record);
  v["questions"] = questions;
  json::Value lessons = json::Value::object();
  for (const auto& [id, record] : p.lessons) lessons[id] = lesson_json(record);
  v["lessons"] = lessons;
  json::Value exams = json::Value::array();
  for (const ExamRecord& exam : p.exams) exams.push_back(exam_json(exam));
  v["exams"] = exams;
  // Left out when empty, so a save without built-in challenges reads and
  // writes back to the same text (progress_json.h).
  if (!p.lab_challenges_solved.empty()) {
    json::Value solved = json::Value::object();
    for (const auto& [key, when] : p.lab_challenges_solved) solved[key] = when;
    v["lab_challenges_solved"] = solved;
  }
  return v;
}

ProgressParse from_json(const json::Value& data, int version) {
  ProgressParse result;
  if (version < 1 || version > kFormatVersion) {
    result.error = "$: no progress format has version " + std::to_string(version);
    return result;
  }
  try {
    result.progress = read_progress(Reader(data, "$"), version);
  } catch (const json::ReadError& e) {
    result.error = e.what();
  }
  return result;
}

}  // namespace portlab::progress
