#include <doctest/doctest.h>

#include "core/progress/progress_json.h"
#include "practice_fixture.h"

using namespace portlab;
using namespace practice_test;
using progress::Progress;

namespace {

// Progress with something in every field, including ids that need quoting
// in a JSON path and times beyond 32 bits.
Progress sample() {
  Progress p = progress::fresh_progress(kStart);
  p.updated_ms = kStart + 3 * kDay + 17;
  p.questions["linux-default-range"] = {3, kStart + 6 * kDay, 4, 3, kStart + 3 * kDay};
  p.questions["portlab/nat#2"] = {1, kStart + 10 * kMinute, 1, 0, kStart};
  p.lessons["port-ranges"].current_step = 4;
  p.lessons["port-ranges"].completed_steps = {0, 1, 2, 3};
  p.lessons["port-ranges"].checkpoint_passed = true;
  p.lessons["port-ranges"].activities_met = {{"classify-1024", kStart + kDay}, {"odd/id#1", kStart + 2 * kDay}};
  p.lessons["nat"].current_step = 1;
  progress::ExamRecord exam;
  exam.started_ms = kStart + kDay;
  exam.finished_ms = kStart + kDay + 20 * kMinute;
  exam.time_limit_ms = 30 * kMinute;
  exam.selection = "network-plus:*";
  exam.by_topic[Topic::Ports] = {3, 4};
  exam.by_topic[Topic::Nat] = {0, 2};
  p.exams.push_back(exam);
  exam.timed_out = true;
  exam.finished_ms = kStart + kDay + 30 * kMinute;
  p.exams.push_back(exam);
  return p;
}

std::string error_of(const std::string& text) {
  json::ParseResult parsed = json::parse(text);
  REQUIRE(parsed.ok());
  progress::ProgressParse p = progress::from_json(*parsed.value);
  CHECK_FALSE(p.ok());
  return p.error;
}

const char* kValid =
    R"({"created_ms":0,"updated_ms":0,"questions":{},"lessons":{},"exams":[]})";

// kValid with one member replaced by `member` (e.g. "questions":{...}).
std::string with(const std::string& key, const std::string& value) {
  json::Value v = *json::parse(kValid).value;
  v[key] = *json::parse(value).value;
  return json::write(v);
}

}  // namespace

TEST_CASE("progress JSON: writing then reading gives the same progress, and the same text") {
  Progress p = sample();
  json::Value written = progress::to_json(p);
  progress::ProgressParse back = progress::from_json(written);
  REQUIRE_MESSAGE(back.ok(), back.error);
  CHECK(*back.progress == p);
  CHECK(json::write(progress::to_json(*back.progress)) == json::write(written));
  // Through text as well: nothing is lost by printing and parsing numbers.
  json::ParseResult reparsed = json::parse(json::write(written, 2));
  REQUIRE(reparsed.ok());
  CHECK(*progress::from_json(*reparsed.value).progress == p);
}

TEST_CASE("progress JSON: fresh progress round-trips and stays empty") {
  Progress p = progress::fresh_progress(kStart);
  progress::ProgressParse back = progress::from_json(progress::to_json(p));
  REQUIRE(back.ok());
  CHECK(*back.progress == p);
  CHECK(back.progress->questions.empty());
}

TEST_CASE("progress JSON: a wrong type is refused with the JSON path of the value") {
  CHECK(error_of(with("questions", R"({"q1":{"box":"2","due_ms":0,"attempts":1,"correct":1,
      "last_answered_ms":0}})")) == "$.questions[\"q1\"].box: expected a number, found a string");
  CHECK(error_of(with("exams", "{}")) == "$.exams: expected an array, found an object");
  CHECK(error_of(with("lessons", R"({"l":{"current_step":0,"completed_steps":[0],
      "checkpoint_passed":"yes","activities_met":{}}})")) == "$.lessons[\"l\"].checkpoint_passed: expected true or "
                                          "false, found a string");
  CHECK(error_of("[]") == "$: expected an object, found an array");
}

TEST_CASE("progress JSON: impossible values are refused, not repaired") {
  CHECK(error_of(with("questions", R"({"q":{"box":7,"due_ms":0,"attempts":1,"correct":1,
      "last_answered_ms":0}})")) == "$.questions[\"q\"].box: number 7 is out of range 1-5");
  CHECK(error_of(with("questions", R"({"q":{"box":2,"due_ms":0,"attempts":1,"correct":2,
      "last_answered_ms":0}})")) ==
        "$.questions[\"q\"].correct: more right answers (2) than attempts (1)");
  CHECK(error_of(with("questions", R"({"q":{"box":2,"due_ms":-5,"attempts":1,"correct":1,
      "last_answered_ms":0}})")).find("$.questions[\"q\"].due_ms: number -5 is out of range") == 0);
  CHECK(error_of(with("lessons", R"({"l":{"current_step":0,"completed_steps":[1,1],
      "checkpoint_passed":false,"activities_met":{}}})")) == "$.lessons[\"l\"].completed_steps[1]: step listed twice");
  CHECK(error_of(with("exams", R"([{"started_ms":5,"finished_ms":9,"time_limit_ms":9,
      "timed_out":false,"selection":"x","by_topic":{"dns":{"right":1,"total":1}}}])")) ==
        "$.exams[0].by_topic.dns: unknown topic \"dns\"");
  CHECK(error_of(with("questions", R"({"":{"box":2,"due_ms":0,"attempts":1,"correct":1,
      "last_answered_ms":0}})")) == "$.questions[\"\"]: an id must not be empty");
}

TEST_CASE("progress JSON: missing and unknown fields are errors") {
  CHECK(error_of(R"({"created_ms":0,"updated_ms":0,"questions":{},"lessons":{}})") ==
        "$: missing required field \"exams\"");
  CHECK(error_of(with("mood", "1")).find("$.mood: unknown field \"mood\"") == 0);
}
