// Every save format PortLab has written still opens (progress_json.h lists
// the versions), and the fields a version added are checked as strictly as
// the rest.
#include <doctest/doctest.h>

#include "core/progress/lesson_progress.h"
#include "core/progress/progress_json.h"
#include "core/progress/progress_store.h"
#include "core/storage/key_value_store.h"
#include "practice_fixture.h"

using namespace portlab;
using namespace practice_test;
using progress::Progress;
using progress::ProgressStore;

namespace {

// A version-1 save, exactly as PortLab wrote it before activities existed
// (export_text of a progress with answers, two lessons and an exam).
const char* kVersion1 = R"({
  "format": "portlab-progress",
  "version": 1,
  "data": {
    "created_ms": 1735689600000,
    "updated_ms": 1735862400000,
    "questions": {
      "linux-default-range": {
        "box": 3,
        "due_ms": 1736121600000,
        "attempts": 2,
        "correct": 2,
        "last_answered_ms": 1735862400000
      },
      "pat-basics": {
        "box": 1,
        "due_ms": 1735690320000,
        "attempts": 1,
        "correct": 0,
        "last_answered_ms": 1735689720000
      }
    },
    "lessons": {
      "port-ranges": {
        "current_step": 3,
        "completed_steps": [
          0,
          2
        ],
        "checkpoint_passed": false
      },
      "what-is-a-port": {
        "current_step": 0,
        "completed_steps": [],
        "checkpoint_passed": true
      }
    },
    "exams": [
      {
        "started_ms": 1735776000000,
        "finished_ms": 1735777200000,
        "time_limit_ms": 1800000,
        "timed_out": false,
        "selection": "network-plus:*",
        "by_topic": {
          "ports": {
            "right": 3,
            "total": 4
          }
        }
      }
    ]
  }
}
)";

// What kVersion1 holds.
void check_version1_progress(const Progress& p) {
  CHECK(p.created_ms == kStart);
  CHECK(p.updated_ms == kStart + 2 * kDay);
  REQUIRE(p.questions.size() == 2);
  CHECK(p.questions.at("linux-default-range").box == 3);
  CHECK(p.questions.at("pat-basics").attempts == 1);
  REQUIRE(p.lessons.size() == 2);
  CHECK(p.lessons.at("port-ranges").current_step == 3);
  CHECK(p.lessons.at("port-ranges").completed_steps == std::set<int>{0, 2});
  CHECK(p.lessons.at("what-is-a-port").checkpoint_passed);
  CHECK(p.lessons.at("port-ranges").activities_met.empty());
  REQUIRE(p.exams.size() == 1);
  CHECK(p.exams[0].right() == 3);
}

std::string error_of(const std::string& data, int version) {
  json::ParseResult parsed = json::parse(data);
  REQUIRE(parsed.ok());
  progress::ProgressParse p = progress::from_json(*parsed.value, version);
  CHECK_FALSE(p.ok());
  return p.error;
}

std::string with_lesson(const std::string& lesson) {
  return R"({"created_ms":0,"updated_ms":0,"questions":{},"lessons":{"l":)" + lesson + R"(},"exams":[]})";
}

}  // namespace

TEST_CASE("progress versions: a version-1 save loads from the store, unchanged, and is saved again as the current version") {
  storage::MemoryStore memory;
  memory.documents["progress"] = kVersion1;
  ProgressStore store(memory);
  progress::LoadedProgress loaded = store.load(kStart + 3 * kDay);
  REQUIRE(loaded.stored);
  CHECK(loaded.notice.empty());
  check_version1_progress(loaded.progress);
  CHECK(memory.documents.count("progress.damaged") == 0);

  // Meeting an activity and saving writes the new version, which loads back.
  Progress p = loaded.progress;
  CHECK(progress::record_activity_met(p, "port-ranges", "classify-1024", kStart + 3 * kDay));
  REQUIRE(store.save(p));
  CHECK(memory.documents.at("progress").find("\"version\":2") != std::string::npos);
  progress::LoadedProgress again = ProgressStore(memory).load(kStart + 4 * kDay);
  REQUIRE(again.stored);
  CHECK(again.progress == p);
  CHECK(again.progress.lessons.at("port-ranges").activities_met.at("classify-1024") == kStart + 3 * kDay);
}

TEST_CASE("progress versions: a version-1 export can be imported") {
  progress::ImportPreview preview = progress::preview_import(kVersion1, progress::fresh_progress(kStart));
  REQUIRE_MESSAGE(preview.ok(), preview.error);
  CHECK(preview.questions == 2);
  CHECK(preview.lessons == 2);
  CHECK(preview.checkpoints_passed == 1);
  CHECK(preview.exams == 1);
  check_version1_progress(*preview.progress);
}

TEST_CASE("progress versions: the activities met round-trip through the current version") {
  Progress p = progress::fresh_progress(kStart);
  CHECK(progress::record_activity_met(p, "nat", "forward-web", kStart + kMinute));
  CHECK(progress::record_activity_met(p, "nat", "predict-port", kStart + 2 * kMinute));
  // Meeting a goal again keeps the first time and changes nothing.
  const Progress before = p;
  CHECK_FALSE(progress::record_activity_met(p, "nat", "forward-web", kStart + kDay));
  CHECK(p == before);
  CHECK(progress::activity_met(p, "nat", "forward-web"));
  CHECK_FALSE(progress::activity_met(p, "nat", "other"));
  CHECK_FALSE(progress::activity_met(p, "bind", "forward-web"));

  const std::string text = progress::export_text(p);
  CHECK(text.find("\"activities_met\": {\n") != std::string::npos);
  progress::ImportPreview preview = progress::preview_import(text, p);
  REQUIRE_MESSAGE(preview.ok(), preview.error);
  CHECK(*preview.progress == p);
  CHECK(preview.progress->lessons.at("nat").activities_met.at("forward-web") == kStart + kMinute);
  CHECK(progress::export_text(*preview.progress) == text);
}

TEST_CASE("progress versions: a damaged activities_met is refused with the reason, and version 1 may not carry it") {
  const std::string ok_lesson = R"({"current_step":0,"completed_steps":[],"checkpoint_passed":false)";
  CHECK(error_of(with_lesson(ok_lesson + "}"), 2) == "$.lessons[\"l\"]: missing required field \"activities_met\"");
  CHECK(error_of(with_lesson(ok_lesson + R"(,"activities_met":[]})"), 2) ==
        "$.lessons[\"l\"].activities_met: expected an object, found an array");
  CHECK(error_of(with_lesson(ok_lesson + R"(,"activities_met":{"a":"soon"}})"), 2) ==
        "$.lessons[\"l\"].activities_met[\"a\"]: expected a number, found a string");
  CHECK(error_of(with_lesson(ok_lesson + R"(,"activities_met":{"a":-1}})"), 2)
            .find("$.lessons[\"l\"].activities_met[\"a\"]: number -1 is out of range") == 0);
  CHECK(error_of(with_lesson(ok_lesson + R"(,"activities_met":{"":5}})"), 2) ==
        "$.lessons[\"l\"].activities_met[\"\"]: an id must not be empty");
  CHECK(error_of(with_lesson(ok_lesson + R"(,"activities_met":{}})"), 1).find(
            "$.lessons[\"l\"].activities_met: unknown field \"activities_met\"") == 0);
  CHECK(error_of(with_lesson(ok_lesson + "}"), 3) == "$: no progress format has version 3");

  // Through the store: the damaged save is set aside with the reason.
  storage::MemoryStore memory;
  const std::string damaged = R"({"format":"portlab-progress","version":2,"data":)" +
                              with_lesson(ok_lesson + R"(,"activities_met":{"a":true}})") + "}";
  memory.documents["progress"] = damaged;
  progress::LoadedProgress loaded = ProgressStore(memory).load(kStart);
  CHECK_FALSE(loaded.stored);
  CHECK(loaded.notice.find("activities_met[\"a\"]") != std::string::npos);
  CHECK(memory.documents.at("progress.damaged") == damaged);
}
