// Challenges built into a lab (the NAT Lab's game-server, ...) are kept in
// progress once solved: the record, its place in the save format (version
// 2, optional), and the Model hook that notices a solved challenge.
#include <doctest/doctest.h>

#include <string>

#include "core/activity/setup_link.h"
#include "core/labs/nat_lab.h"
#include "core/model/model.h"
#include "core/nav/navigator.h"
#include "core/progress/lab_challenges.h"
#include "core/progress/progress_json.h"
#include "core/progress/progress_store.h"
#include "core/storage/key_value_store.h"
#include "practice_fixture.h"

using namespace portlab;
using namespace practice_test;
using progress::Progress;
using progress::ProgressStore;

namespace {

// A version-1 save as PortLab wrote it (one question, one lesson).
const char* kVersion1 = R"({"format":"portlab-progress","version":1,"data":{
  "created_ms":1735689600000,"updated_ms":1735689600000,
  "questions":{"pat-basics":{"box":1,"due_ms":1735689600000,"attempts":1,"correct":0,
                             "last_answered_ms":1735689600000}},
  "lessons":{"nat":{"current_step":1,"completed_steps":[0],"checkpoint_passed":false}},
  "exams":[]}})";

const char* kEmpty = R"({"created_ms":0,"updated_ms":0,"questions":{},"lessons":{},"exams":[])";

std::string error_of(const std::string& data, int version) {
  json::ParseResult parsed = json::parse(data);
  REQUIRE(parsed.ok());
  progress::ProgressParse p = progress::from_json(*parsed.value, version);
  CHECK_FALSE(p.ok());
  return p.error;
}

std::string with_solved(const std::string& value) {
  return std::string(kEmpty) + R"(,"lab_challenges_solved":)" + value + "}";
}

labs::NatRuleInput game_server_forward() {
  labs::NatRuleInput in;
  in.proto = "tcp";
  in.external_port = 25565;
  in.internal_address = "192.168.1.30";
  in.internal_port = 25565;
  return in;
}

}  // namespace

TEST_CASE("lab challenges: solving one is recorded the first time only") {
  Progress p = progress::fresh_progress(kStart);
  CHECK(progress::lab_challenge_key("nat", "game-server") == "nat/game-server");
  CHECK_FALSE(progress::lab_challenge_solved(p, "nat/game-server"));
  CHECK(progress::record_lab_challenge(p, "nat/game-server", kStart + kMinute));
  CHECK(progress::lab_challenge_solved(p, "nat/game-server"));
  CHECK_FALSE(progress::lab_challenge_solved(p, "nat/video-call"));
  CHECK(p.lab_challenges_solved.at("nat/game-server") == kStart + kMinute);
  CHECK(p.updated_ms == kStart + kMinute);
  CHECK(p != progress::fresh_progress(kStart));  // a change the app saves

  // Solved again later: the first time stays and nothing changes.
  const Progress before = p;
  CHECK_FALSE(progress::record_lab_challenge(p, "nat/game-server", kStart + kDay));
  CHECK(p == before);
  CHECK_FALSE(progress::record_lab_challenge(p, "", kStart + kDay));
  CHECK(p == before);
}

TEST_CASE("lab challenges: they round-trip through the save, and a save without any is written as before") {
  Progress p = progress::fresh_progress(kStart);
  CHECK(progress::to_json(p).find("lab_challenges_solved") == nullptr);
  progress::record_lab_challenge(p, "nat/game-server", kStart + kMinute);
  progress::record_lab_challenge(p, "nat/video-call", kStart + kDay);

  const json::Value written = progress::to_json(p);
  progress::ProgressParse back = progress::from_json(written);
  REQUIRE_MESSAGE(back.ok(), back.error);
  CHECK(*back.progress == p);
  CHECK(json::write(progress::to_json(*back.progress)) == json::write(written));

  const std::string text = progress::export_text(p);
  CHECK(text.find("\"nat/game-server\": 1735689660000") != std::string::npos);
  progress::ImportPreview preview = progress::preview_import(text, progress::fresh_progress(kStart));
  REQUIRE_MESSAGE(preview.ok(), preview.error);
  CHECK(*preview.progress == p);

  // A version-2 save from before the field was added still opens, and is
  // written back to the same text.
  json::ParseResult old = json::parse(std::string(kEmpty) + "}");
  REQUIRE(old.ok());
  progress::ProgressParse read = progress::from_json(*old.value, 2);
  REQUIRE_MESSAGE(read.ok(), read.error);
  CHECK(read.progress->lab_challenges_solved.empty());
  CHECK(json::write(progress::to_json(*read.progress)) == json::write(*old.value));
}

TEST_CASE("lab challenges: a version-1 save opens with none, and may not carry them") {
  storage::MemoryStore memory;
  memory.documents["progress"] = kVersion1;
  progress::LoadedProgress loaded = ProgressStore(memory).load(kStart + kDay);
  REQUIRE(loaded.stored);
  CHECK(loaded.notice.empty());
  CHECK(loaded.progress.lab_challenges_solved.empty());
  CHECK(loaded.progress.lessons.at("nat").current_step == 1);

  CHECK(error_of(with_solved("{}"), 1).find("$.lab_challenges_solved: unknown field \"lab_challenges_solved\"") == 0);
}

TEST_CASE("lab challenges: a damaged record is refused with the JSON path") {
  CHECK(error_of(with_solved("[]"), 2) == "$.lab_challenges_solved: expected an object, found an array");
  CHECK(error_of(with_solved(R"({"nat/game-server":"today"})"), 2) ==
        "$.lab_challenges_solved[\"nat/game-server\"]: expected a number, found a string");
  CHECK(error_of(with_solved(R"({"nat/game-server":-1})"), 2)
            .find("$.lab_challenges_solved[\"nat/game-server\"]: number -1 is out of range") == 0);
  CHECK(error_of(with_solved(R"({"":5})"), 2) == "$.lab_challenges_solved[\"\"]: an id must not be empty");

  // Through the store: the damaged save is set aside with the reason.
  storage::MemoryStore memory;
  const std::string damaged =
      R"({"format":"portlab-progress","version":2,"data":)" + with_solved(R"({"nat/game-server":true})") + "}";
  memory.documents["progress"] = damaged;
  progress::LoadedProgress loaded = ProgressStore(memory).load(kStart);
  CHECK_FALSE(loaded.stored);
  CHECK(loaded.notice.find("lab_challenges_solved[\"nat/game-server\"]") != std::string::npos);
  CHECK(memory.documents.at("progress.damaged") == damaged);
}

TEST_CASE("lab challenges: the model records a solved NAT Lab challenge once, and the save keeps it") {
  model::Model m;
  m.progress = progress::fresh_progress(kStart);
  m.now_ms = kStart + kMinute;
  // Noticing never builds the NAT Lab (that costs start-up time).
  m.note_lab_challenges();
  m.update_activity();
  CHECK_FALSE(m.nat_built());
  CHECK_FALSE(m.lab_challenge_done("nat", "game-server"));
  CHECK(m.progress == progress::fresh_progress(kStart));

  REQUIRE(m.nat().open_link("game-server") == "");
  CHECK(m.nat_built());
  m.note_lab_challenges();
  CHECK(m.progress == progress::fresh_progress(kStart));  // not solved yet

  REQUIRE(m.nat().add_rule(game_server_forward()) == "");
  REQUIRE(m.nat().challenge_solved());
  CHECK(m.lab_challenge_done("nat", "game-server"));  // on screen, not yet recorded
  m.update_activity();  // as the activity card does every frame
  CHECK(m.progress.lab_challenges_solved.at("nat/game-server") == kStart + kMinute);
  CHECK(m.progress.updated_ms == kStart + kMinute);
  CHECK(m.progress.lab_challenges_solved.size() == 1);

  // Every later frame: nothing changes, so nothing asks for a save.
  const Progress recorded = m.progress;
  m.now_ms = kStart + kDay;
  m.note_lab_challenges();
  CHECK(m.progress == recorded);

  // Unsolved on screen (another challenge open): still done from progress.
  REQUIRE(m.nat().open_challenge("video-call") == "");
  m.note_lab_challenges();
  CHECK(m.progress == recorded);
  CHECK(m.lab_challenge_done("nat", "game-server"));
  CHECK_FALSE(m.lab_challenge_done("nat", "video-call"));

  storage::MemoryStore memory;
  REQUIRE(ProgressStore(memory).save(m.progress));
  model::Model reloaded;
  reloaded.progress = ProgressStore(memory).load(kStart + kDay).progress;
  CHECK(reloaded.progress == recorded);
  CHECK(reloaded.lab_challenge_done("nat", "game-server"));
  CHECK_FALSE(reloaded.nat_built());
}

TEST_CASE("lab challenges: a challenge a setup link opens already solved is not the learner's until they solve it") {
  // A teacher's lab with game-server solved, shared as a link.
  model::Model teacher;
  REQUIRE(teacher.nat().open_link("game-server") == "");
  REQUIRE(teacher.nat().add_rule(game_server_forward()) == "");
  REQUIRE(teacher.nat().challenge_solved());
  course::Directive setup =
      activity::current_setup("nat", activity::Labs{&teacher.bind, &teacher.ephemeral, &teacher.nat()});
  std::string problem;
  const std::string fragment = activity::setup_fragment(setup, problem);
  REQUIRE_MESSAGE(problem.empty(), problem);

  model::Model m;
  m.progress = progress::fresh_progress(kStart);
  m.now_ms = kStart + kMinute;
  nav::Navigator navigator;
  navigator.set_route_check([&](nav::Route& r) { return m.check_route(r); });
  navigator.open_fragment(fragment);
  REQUIRE(navigator.current().screen == nav::Screen::Nat);
  REQUIRE(m.nat().challenge_solved());
  m.note_lab_challenges();
  CHECK(m.progress.lab_challenges_solved.empty());

  // The learner takes the rule away and adds it again: now it is theirs.
  m.nat().remove_rule(0);
  m.note_lab_challenges();
  CHECK(m.progress.lab_challenges_solved.empty());
  REQUIRE(m.nat().add_rule(game_server_forward()) == "");
  m.note_lab_challenges();
  CHECK(m.progress.lab_challenges_solved.count("nat/game-server") == 1);
}
