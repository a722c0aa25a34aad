#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/model/content_snapshot.h"
#include "shipped_lessons.h"

using namespace portlab;

namespace {

model::ContentSnapshot shipped_snapshot() {
  using test::read_repo_files;
  return model::snapshot_content(
      test::shipped_lesson_files(),
      test::shipped_bank_files(),
      read_repo_files("lessons/scenarios", {"behaviour-full-cone.json", "inbound-blocked.json"}));
}

model::ContentSnapshot round_trip(const model::ContentSnapshot& snapshot) {
  std::string error;
  std::optional<model::ContentSnapshot> back = model::read_snapshot(model::write_snapshot(snapshot), error);
  REQUIRE_MESSAGE(back.has_value(), error);
  CHECK(error.empty());
  return std::move(*back);
}

// One question of every type, with every field a bank can set, and a lesson
// with every kind of block, a directive and a problem.
const char* kEveryQuestion =
    "$CATEGORY: portlab/nat\n\n"
    "// @exam ccna:1.5 network-plus:1.4 @difficulty 3 @covers ssh telnet @reasoning\n"
    "::single:: Which port? {=22#right ~%50%23#half ~80#wrong ####Because SSH.}\n\n"
    "// @level advanced\n"
    "::multi:: Pick two {~%50%a#fa ~%50%b#fb ~%-100%c#fc}\n\n"
    "::tf:: Port 80 is HTTP. {T#yes#no ####Explained.}\n\n"
    "::num:: The port? {# =80:2#close =%0%70..75#a known slip}\n\n"
    "::short:: Name it {=ssh#good =%50%secure shell#half}\n\n"
    "::match:: Match {=ssh -> 22 =dns -> 53 = -> 99}\n\n"
    "::gap:: Port {=443} is HTTPS.\n\n"
    "// @simulation nat-challenge challenge=game-server\n"
    "::sim:: Add the rule. {####Why it works.}\n";
const char* kEveryBlock =
    "---\nid: blocks\ntitle: Blocks\nsummary: All of them.\norder: 3\nobjectives:\n  - One\nexam: ccna:1.5\n---\n"
    "## First\n### A heading\nSome **bold**, *emphasis*, `code` and [a link](#/bind).\n\n"
    "- item\n  - nested\n3. third\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```text\ncode here\n```\n\n> a note\n\n"
    "```sim\nlab: bind\nport: 80\n```\n";

}  // namespace

TEST_CASE("content snapshot: the shipped course reads back as it was written") {
  const model::ContentSnapshot parsed = shipped_snapshot();
  REQUIRE(parsed.content.course.lessons.size() == 8);
  REQUIRE(parsed.content.bank.size() > 100);
  const model::ContentSnapshot back = round_trip(parsed);
  // Written again, the copy gives the same bytes.
  CHECK(model::write_snapshot(back) == model::write_snapshot(parsed));
  REQUIRE(back.content.course.lessons.size() == parsed.content.course.lessons.size());
  for (size_t i = 0; i < parsed.content.course.lessons.size(); ++i) {
    const course::Lesson& a = parsed.content.course.lessons[i];
    const course::Lesson& b = back.content.course.lessons[i];
    CHECK(b.id == a.id);
    CHECK(b.title == a.title);
    REQUIRE(b.steps.size() == a.steps.size());
    for (size_t s = 0; s < a.steps.size(); ++s) {
      CHECK(b.steps[s].title == a.steps[s].title);
      REQUIRE(b.steps[s].blocks.size() == a.steps[s].blocks.size());
      for (size_t k = 0; k < a.steps[s].blocks.size(); ++k)
        CHECK(course::plain_text(b.steps[s].blocks[k].text) == course::plain_text(a.steps[s].blocks[k].text));
      CHECK(b.steps[s].directives.size() == a.steps[s].directives.size());
    }
  }
  REQUIRE(back.content.bank.size() == parsed.content.bank.size());
  for (size_t i = 0; i < parsed.content.bank.size(); ++i) {
    CHECK(back.content.bank[i].id == parsed.content.bank[i].id);
    CHECK(back.content.bank[i].explanation == parsed.content.bank[i].explanation);
  }
  REQUIRE(back.scenarios.size() == 2);
  CHECK(back.scenarios[1].name == "lessons/scenarios/inbound-blocked.json");
  CHECK(back.scenarios[1].text == parsed.scenarios[1].text);
  CHECK(back.characters == parsed.characters);
}

TEST_CASE("content snapshot: every field of questions, blocks and problems survives") {
  const model::ContentSnapshot parsed = model::snapshot_content(
      {{"lessons/blocks.md", kEveryBlock}, {"lessons/broken.md", "---\nid: x\n"}}, {{"bank/all.gift", kEveryQuestion}},
      {{"lessons/scenarios/s.json", "{\"title\": \"caf\xC3\xA9 \xE2\x86\x92 \xC3\xA9\"}"}});
  REQUIRE(parsed.content.bank.size() == 8);
  REQUIRE(parsed.content.course.lessons.size() == 1);
  REQUIRE_FALSE(parsed.content.problems.empty());
  const model::ContentSnapshot back = round_trip(parsed);

  // Each character once, in the files' encoding.
  CHECK(back.characters.size() == std::string("\xC3\xA9\xE2\x86\x92").size());

  const std::vector<quiz::Question>& q = back.content.bank;
  const std::vector<quiz::Question>& p = parsed.content.bank;
  REQUIRE(q.size() == p.size());
  for (size_t i = 0; i < q.size(); ++i) {
    CAPTURE(p[i].id);
    CHECK(q[i].id == p[i].id);
    CHECK(q[i].type == p[i].type);
    CHECK(q[i].topic == p[i].topic);
    CHECK(q[i].exam_tags == p[i].exam_tags);
    CHECK(q[i].difficulty == p[i].difficulty);
    CHECK(q[i].covers == p[i].covers);
    CHECK(q[i].advanced == p[i].advanced);
    CHECK(q[i].reasoning == p[i].reasoning);
    CHECK(q[i].prompt == p[i].prompt);
    CHECK(q[i].missing_word == p[i].missing_word);
    CHECK(q[i].explanation == p[i].explanation);
    REQUIRE(q[i].options.size() == p[i].options.size());
    for (size_t o = 0; o < p[i].options.size(); ++o) {
      CHECK(q[i].options[o].text == p[i].options[o].text);
      CHECK(q[i].options[o].fraction == p[i].options[o].fraction);
      CHECK(q[i].options[o].feedback == p[i].options[o].feedback);
    }
    CHECK(q[i].truth == p[i].truth);
    CHECK(q[i].feedback_if_true == p[i].feedback_if_true);
    CHECK(q[i].feedback_if_false == p[i].feedback_if_false);
    REQUIRE(q[i].numeric_answers.size() == p[i].numeric_answers.size());
    for (size_t n = 0; n < p[i].numeric_answers.size(); ++n) {
      CHECK(q[i].numeric_answers[n].low == p[i].numeric_answers[n].low);
      CHECK(q[i].numeric_answers[n].high == p[i].numeric_answers[n].high);
      CHECK(q[i].numeric_answers[n].fraction == p[i].numeric_answers[n].fraction);
      CHECK(q[i].numeric_answers[n].feedback == p[i].numeric_answers[n].feedback);
    }
    CHECK(q[i].numeric_fallback_feedback == p[i].numeric_fallback_feedback);
    REQUIRE(q[i].text_answers.size() == p[i].text_answers.size());
    for (size_t t = 0; t < p[i].text_answers.size(); ++t) {
      CHECK(q[i].text_answers[t].text == p[i].text_answers[t].text);
      CHECK(q[i].text_answers[t].fraction == p[i].text_answers[t].fraction);
      CHECK(q[i].text_answers[t].feedback == p[i].text_answers[t].feedback);
    }
    REQUIRE(q[i].pairs.size() == p[i].pairs.size());
    for (size_t m = 0; m < p[i].pairs.size(); ++m) {
      CHECK(q[i].pairs[m].prompt == p[i].pairs[m].prompt);
      CHECK(q[i].pairs[m].answer == p[i].pairs[m].answer);
    }
    CHECK(q[i].task.task_id == p[i].task.task_id);
    CHECK(q[i].task.params == p[i].task.params);
    CHECK(q[i].category == p[i].category);
    CHECK(q[i].source_file == p[i].source_file);
    CHECK(q[i].source_line == p[i].source_line);
  }
  // The fixture really sets what is compared above.
  CHECK(p[0].difficulty == 3);
  CHECK(p[0].exam_tags.size() == 2);
  CHECK(p[0].covers.size() == 2);
  CHECK(p[0].reasoning);
  CHECK(p[1].advanced);
  CHECK(p[1].options[2].fraction == -1.0);
  CHECK(p[2].feedback_if_false == "yes");  // GIFT: the first is for a wrong answer
  CHECK(p[2].feedback_if_true == "no");
  CHECK(p[3].numeric_answers.size() == 2);
  CHECK(p[5].pairs.size() == 3);
  CHECK(p[6].missing_word);
  CHECK(p[7].task.params.size() == 1);

  const course::Lesson& a = parsed.content.course.lessons[0];
  const course::Lesson& b = back.content.course.lessons[0];
  CHECK(b.file == a.file);
  CHECK(b.summary == a.summary);
  CHECK(b.order == a.order);
  CHECK(b.objectives == a.objectives);
  CHECK(b.exam == a.exam);
  REQUIRE(b.steps.size() == 1);
  CHECK(b.steps[0].line == a.steps[0].line);
  REQUIRE(b.steps[0].blocks.size() == a.steps[0].blocks.size());
  for (size_t k = 0; k < a.steps[0].blocks.size(); ++k) {
    const course::Block& x = a.steps[0].blocks[k];
    const course::Block& y = b.steps[0].blocks[k];
    CAPTURE(k);
    CHECK(y.kind == x.kind);
    CHECK(y.line == x.line);
    CHECK(y.level == x.level);
    CHECK(y.ordered == x.ordered);
    CHECK(y.number == x.number);
    CHECK(y.text == x.text);  // Span compares style, text and target
    CHECK(y.rows == x.rows);
    CHECK(y.code == x.code);
    CHECK(y.language == x.language);
  }
  REQUIRE(b.steps[0].directives.size() == 1);
  CHECK(b.steps[0].directives[0].kind == a.steps[0].directives[0].kind);
  CHECK(b.steps[0].directives[0].line == a.steps[0].directives[0].line);
  CHECK(b.steps[0].directives[0].after_block == a.steps[0].directives[0].after_block);
  CHECK(b.steps[0].directives[0].get("port") == "80");
  CHECK(b.steps[0].directives[0].params[1].line == a.steps[0].directives[0].params[1].line);

  REQUIRE(back.content.problems.size() == parsed.content.problems.size());
  CHECK(back.content.problems[0].where() == parsed.content.problems[0].where());
  CHECK(back.content.problems[0].message == parsed.content.problems[0].message);
  CHECK(back.content.course.issues.size() == parsed.content.course.issues.size());
}

TEST_CASE("content snapshot: damaged bytes are refused with the place, never half read") {
  const std::string bytes = model::write_snapshot(model::snapshot_content(
      {{"lessons/blocks.md", kEveryBlock}}, {{"bank/all.gift", kEveryQuestion}}, {{"s.json", "{}"}}));
  std::string error;
  REQUIRE(model::read_snapshot(bytes, error).has_value());

  SUBCASE("cut short anywhere") {
    for (size_t n = 0; n < bytes.size(); ++n) {
      error.clear();
      CHECK_FALSE(model::read_snapshot(bytes.substr(0, n), error).has_value());
      CHECK_FALSE(error.empty());
    }
  }
  SUBCASE("a byte too many") {
    CHECK_FALSE(model::read_snapshot(bytes + "x", error).has_value());
    CHECK(error.find("bytes after the end") != std::string::npos);
  }
  SUBCASE("another format or version") {
    std::string other = bytes;
    other[other.find('2')] = '3';
    CHECK_FALSE(model::read_snapshot(other, error).has_value());
    CHECK(error == "not a content snapshot of this version of PortLab");
  }
  SUBCASE("a length beyond the end is refused before allocating") {
    std::string huge = bytes;
    const size_t lessons_count = std::string("PortLab content snapshot 1\n").size();
    huge.replace(lessons_count, 4, "\xff\xff\xff\x7f");
    CHECK_FALSE(model::read_snapshot(huge, error).has_value());
    CHECK(error == "damaged content snapshot: a length larger than the snapshot at byte 31");
  }
  SUBCASE("an unknown kind of block") {
    // The first lesson's first block kind follows its fields; find it by
    // writing a lesson whose first block is a heading (kind 0) and bumping it.
    const model::ContentSnapshot one =
        model::snapshot_content({{"l.md", "---\nid: k\ntitle: K\n---\n## S\n### H\n"}}, {}, {});
    std::string damaged = model::write_snapshot(one);
    const size_t heading = damaged.find(std::string("\x01\x00\x00\x00S", 5));  // step title "S"
    REQUIRE(heading != std::string::npos);
    // After the title: the step's line (4 bytes), its block count (4), then the kind.
    const size_t kind = heading + 5 + 4 + 4;
    REQUIRE(damaged[kind] == 0);
    damaged[kind] = 9;
    CHECK_FALSE(model::read_snapshot(damaged, error).has_value());
    CHECK(error.find("an unknown kind") != std::string::npos);
  }
}

#if defined(__x86_64__) && defined(__GLIBCXX__)
// A field added to one of these structs must also be added to the
// snapshot's field lists (src/core/model/content_snapshot.cpp), or the page
// would silently lose it. Their sizes stand guard: update them together.
TEST_CASE("content snapshot: the structs it writes have the fields it knows") {
  CHECK(sizeof(course::Span) == 72);
  CHECK(sizeof(course::Block) == 136);
  CHECK(sizeof(course::Param) == 72);
  CHECK(sizeof(course::Directive) == 40);
  CHECK(sizeof(course::Step) == 88);
  CHECK(sizeof(course::Lesson) == 208);
  CHECK(sizeof(course::Issue) == 72);
  CHECK(sizeof(course::Course) == 48);
  CHECK(sizeof(quiz::ChoiceOption) == 72);
  CHECK(sizeof(quiz::NumericAnswer) == 56);
  CHECK(sizeof(quiz::TextAnswer) == 72);
  CHECK(sizeof(quiz::MatchPair) == 64);
  CHECK(sizeof(quiz::SimulationTask) == 56);
  CHECK(sizeof(quiz::Question) == 496);
  // Content::activities is not written: read_snapshot derives it again.
  CHECK(sizeof(model::Content) == 120);
  CHECK(sizeof(SourceFile) == 64);
  CHECK(sizeof(model::ContentSnapshot) == 176);
}
#endif
