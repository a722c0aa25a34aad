#include <doctest/doctest.h>

#include "core/progress/leitner.h"
#include "core/progress/lesson_progress.h"
#include "core/progress/progress_json.h"
#include "core/progress/progress_store.h"
#include "core/storage/versioned_document.h"
#include "practice_fixture.h"

using namespace portlab;
using namespace practice_test;
using progress::Progress;
using progress::ProgressStore;

namespace {

Progress some_progress() {
  Progress p = progress::fresh_progress(kStart);
  progress::record_answer(p, "linux-default-range", true, kStart + kMinute);
  progress::record_answer(p, "pat-basics", false, kStart + 2 * kMinute);
  progress::open_step(p, "port-ranges", 3, kStart + 3 * kMinute);
  progress::complete_step(p, "port-ranges", 2, kStart + 3 * kMinute);
  progress::pass_checkpoint(p, "what-is-a-port", kStart + 4 * kMinute);
  return p;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("progress store: save then load through a MemoryStore gives the same progress") {
  storage::MemoryStore memory;
  ProgressStore store(memory);
  Progress p = some_progress();
  REQUIRE(store.save(p));
  CHECK(contains(memory.documents.at("progress"), "\"format\":\"portlab-progress\""));
  CHECK(contains(memory.documents.at("progress"), "\"version\":2"));

  ProgressStore again(memory);
  progress::LoadedProgress loaded = again.load(kStart + kDay);
  CHECK(loaded.stored);
  CHECK(loaded.notice.empty());
  CHECK(loaded.progress == p);
}

TEST_CASE("progress store: nothing saved gives fresh progress begun now, and no notice") {
  storage::MemoryStore memory;
  progress::LoadedProgress loaded = ProgressStore(memory).load(kStart);
  CHECK_FALSE(loaded.stored);
  CHECK(loaded.notice.empty());
  CHECK(loaded.progress == progress::fresh_progress(kStart));
}

TEST_CASE("progress store: a corrupted save is kept as progress.damaged, reported, and practice "
          "starts fresh") {
  storage::MemoryStore memory;
  const std::string broken = R"({"format":"portlab-progress","version":1,"data":{"created_ms":)";
  memory.documents["progress"] = broken;
  ProgressStore store(memory);
  progress::LoadedProgress loaded = store.load(kStart);
  CHECK_FALSE(loaded.stored);
  CHECK(loaded.progress == progress::fresh_progress(kStart));
  CHECK(contains(loaded.notice, "Your saved progress could not be read (line 1"));
  CHECK(contains(loaded.notice, "kept as \"progress.damaged\""));
  CHECK(memory.documents.at("progress.damaged") == broken);
  // Saving the fresh progress is now allowed and leaves the copy alone.
  CHECK(store.save(loaded.progress));
  CHECK(memory.documents.at("progress.damaged") == broken);
}

TEST_CASE("progress store: a save with well-formed JSON but impossible data is damaged too") {
  storage::MemoryStore memory;
  Progress p = some_progress();
  json::Value data = progress::to_json(p);
  data["questions"]["pat-basics"]["box"] = 0;
  storage::save_document(memory, "progress", "portlab-progress", 1, data);
  const std::string stored = memory.documents.at("progress");
  progress::LoadedProgress loaded = ProgressStore(memory).load(kStart);
  CHECK_FALSE(loaded.stored);
  CHECK(contains(loaded.notice, "$.data.questions[\"pat-basics\"].box: number 0 is out of range"));
  CHECK(memory.documents.at("progress.damaged") == stored);
}

TEST_CASE("progress store: a second damaged save does not replace the first copy") {
  storage::MemoryStore memory;
  memory.documents["progress"] = "first {";
  ProgressStore store(memory);
  store.load(kStart);
  memory.documents["progress"] = "second {";
  progress::LoadedProgress loaded = store.load(kStart);
  CHECK(memory.documents.at("progress.damaged") == "first {");
  CHECK(memory.documents.at("progress.damaged.2") == "second {");
  CHECK(contains(loaded.notice, "\"progress.damaged.2\""));
  // Loading the same damaged text again keeps one copy, not a third.
  store.load(kStart);
  CHECK(memory.documents.count("progress.damaged.3") == 0);
}

TEST_CASE("progress store: a save from a newer PortLab is kept as progress.newer, reported, and "
          "never overwritten") {
  storage::MemoryStore memory;
  const std::string newer =
      R"({"format":"portlab-progress","version":3,"data":{"decks":["a new shape"]}})";
  memory.documents["progress"] = newer;
  ProgressStore store(memory);
  progress::LoadedProgress loaded = store.load(kStart);
  CHECK_FALSE(loaded.stored);
  CHECK(contains(loaded.notice, "written by a newer PortLab (format 3"));
  CHECK(contains(loaded.notice, "kept as \"progress.newer\""));
  CHECK(memory.documents.at("progress.newer") == newer);
  CHECK(memory.documents.count("progress.damaged") == 0);

  Progress p = loaded.progress;
  progress::record_answer(p, "q", true, kStart + kMinute);
  REQUIRE(store.save(p));
  REQUIRE(ProgressStore(memory).load(kStart).stored);
  CHECK(memory.documents.at("progress.newer") == newer);
}

TEST_CASE("progress store: when an unreadable save cannot be set aside, nothing overwrites it") {
  storage::MemoryStore memory;
  memory.documents["progress"] = "not json";
  memory.refuse_writes = true;
  ProgressStore store(memory);
  progress::LoadedProgress loaded = store.load(kStart);
  CHECK(contains(loaded.notice, "left in place"));
  CHECK_FALSE(store.writable());
  memory.refuse_writes = false;
  CHECK_FALSE(store.save(loaded.progress));
  CHECK(memory.documents.at("progress") == "not json");
}

TEST_CASE("progress export/import: the exported text imports back to the same progress") {
  Progress p = some_progress();
  const std::string text = progress::export_text(p);
  CHECK(contains(text, "\n  \"format\": \"portlab-progress\""));
  CHECK(text.back() == '\n');

  storage::MemoryStore memory;
  ProgressStore store(memory);
  Progress current = progress::fresh_progress(kStart + kDay);
  progress::ImportPreview preview = progress::preview_import(text, current);
  REQUIRE_MESSAGE(preview.ok(), preview.error);
  CHECK(preview.questions == 2);
  CHECK(preview.lessons == 2);
  CHECK(preview.checkpoints_passed == 1);
  CHECK(preview.exams == 0);
  CHECK(preview.older_than_current);  // p was last changed before `current` began
  CHECK(current == progress::fresh_progress(kStart + kDay));  // a preview changes nothing

  progress::ImportResult result = store.apply_import(preview, current);
  CHECK(result.ok);
  CHECK(result.message ==
        "Imported 2 questions, 2 lessons and 0 exams; your previous progress was kept as "
        "\"progress.before-import\".");
  CHECK(current == p);
  CHECK(ProgressStore(memory).load(kStart).progress == p);
  CHECK(progress::export_text(current) == text);
  // The replaced progress can still be recovered.
  CHECK(progress::preview_import(memory.documents.at("progress.before-import"), p).questions ==
        0);
}

TEST_CASE("progress import: malformed JSON, wrong types or a wrong format change nothing and say "
          "why") {
  storage::MemoryStore memory;
  ProgressStore store(memory);
  Progress current = some_progress();
  REQUIRE(store.save(current));
  const Progress before = current;
  const auto documents_before = memory.documents;

  struct Case {
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {"{\"format\": \"portlab-progress\",", "This file could not be read (line 1: "},
      {R"({"format":"settings","version":1,"data":{}})",
       "This file is not a PortLab progress file (its \"format\" is \"settings\", expected "
       "\"portlab-progress\"). Nothing was changed."},
      {R"({"version":1,"data":{}})", "This file is not a PortLab progress file. Nothing was "
                                     "changed."},
      {R"({"format":"portlab-progress","version":"1","data":{}})",
       "This file has an invalid version. Nothing was changed."},
      {R"({"format":"portlab-progress","version":3,"data":{}})",
       "This file was written by a newer PortLab (format 3; this PortLab reads up to 2). Nothing "
       "was changed."},
      {R"({"format":"portlab-progress","version":1,"data":{"created_ms":0,"updated_ms":0,
          "questions":[],"lessons":{},"exams":[]}})",
       "This progress file is damaged at $.data.questions: expected an object, found an array. "
       "Nothing was changed."},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    progress::ImportPreview preview = progress::preview_import(c.text, current);
    CHECK_FALSE(preview.ok());
    CHECK(preview.error.find(c.message) == 0);
    progress::ImportResult result = store.apply_import(preview, current);
    CHECK_FALSE(result.ok);
    CHECK(result.message == preview.error);
    CHECK(current == before);
    CHECK(memory.documents == documents_before);
  }
}

TEST_CASE("progress import: when the store refuses, the current progress is kept") {
  storage::MemoryStore memory;
  ProgressStore store(memory);
  Progress current = progress::fresh_progress(kStart);
  progress::ImportPreview preview =
      progress::preview_import(progress::export_text(some_progress()), current);
  REQUIRE(preview.ok());
  memory.refuse_writes = true;
  progress::ImportResult result = store.apply_import(preview, current);
  CHECK_FALSE(result.ok);
  CHECK(contains(result.message, "nothing was imported"));
  CHECK(current == progress::fresh_progress(kStart));
}
