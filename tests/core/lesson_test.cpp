#include <doctest/doctest.h>

#include <string>

#include "core/course/course.h"

using namespace portlab::course;

namespace {

const char* kGood =
    "---\n"                                       // 1
    "id: port-ranges\n"                           // 2
    "title: Port ranges\n"                        // 3
    "summary: Who hands out which numbers.\n"     // 4
    "order: 2\n"                                  // 5
    "objectives:\n"                               // 6
    "  - Name the three IANA ranges\n"            // 7
    "  - Tell registration from enforcement\n"    // 8
    "exam: network-plus:1.4, ccna:1.5\n"          // 9
    "---\n"                                       // 10
    "\n"                                          // 11
    "## Sixteen bits\n"                           // 12
    "A port is a number from **0** to 65535.\n"   // 13
    "\n"                                          // 14
    "```sim\n"                                    // 15
    "lab: ephemeral\n"                            // 16
    "os: linux\n"                                 // 17
    "dest: 198.51.100.7:443\n"                    // 18
    "dest: 198.51.100.8:443\n"                    // 19
    "```\n"                                       // 20
    "After the lab.\n"                            // 21
    "## Check\n"                                  // 22
    "```quiz\n"                                   // 23
    "category: portlab/ranges\n"                  // 24
    "count: 3\n"                                  // 25
    "```\n";                                      // 26

std::string replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// The single issue a broken variant of kGood reports, as "line: message".
std::string only_issue(const std::string& text) {
  LessonParse p = parse_lesson("lessons/x.md", text);
  if (p.issues.size() != 1) return std::to_string(p.issues.size()) + " issues";
  return std::to_string(p.issues[0].line) + ": " + p.issues[0].message;
}

}  // namespace

TEST_CASE("lesson: front matter, steps, text and embedded sims and quizzes") {
  LessonParse p = parse_lesson("lessons/02-port-ranges.md", kGood);
  REQUIRE(p.ok());
  const Lesson& l = p.lesson;
  CHECK(l.id == "port-ranges");
  CHECK(l.title == "Port ranges");
  CHECK(l.order == 2);
  CHECK(l.objectives.size() == 2);
  CHECK(l.exam == std::vector<std::string>{"network-plus:1.4", "ccna:1.5"});
  REQUIRE(l.steps.size() == 2);
  CHECK(l.steps[0].title == "Sixteen bits");
  CHECK(l.steps[0].line == 12);
  REQUIRE(l.steps[0].blocks.size() == 2);
  REQUIRE(l.steps[0].directives.size() == 1);
  const Directive& sim = l.steps[0].directives[0];
  CHECK(sim.line == 15);
  CHECK(sim.after_block == 1);
  CHECK(sim.get("lab") == "ephemeral");
  CHECK(sim.all("dest").size() == 2);
  CHECK(l.steps[1].count(Directive::Kind::Quiz) == 1);
  CHECK(l.steps[1].directives[0].get("count") == "3");
}

TEST_CASE("lesson: each malformed input reports its file line and what is wrong") {
  CHECK(only_issue(replace(kGood, "id: port-ranges", "id: Port Ranges")) ==
        "2: id 'Port Ranges' must be lower-case letters, digits and '-'");
  CHECK(only_issue(replace(kGood, "order: 2", "colour: blue")) ==
        "5: unknown front matter key 'colour' (known: id, title, summary, order, objectives, exam)");
  CHECK(only_issue(replace(kGood, "ccna:1.5", "ccna-1.5")) ==
        "9: exam tag 'ccna-1.5' is not like network-plus:1.4 or ccna:1.5");
  CHECK(only_issue(replace(kGood, "title: Port ranges\n", "")) == "1: the front matter has no 'title:'");
  CHECK(only_issue(replace(kGood, "summary: Who", "title: Again\nsummary: Who")) ==
        "4: 'title' is given twice");
  CHECK(only_issue(replace(kGood, "lab: ephemeral", "lab: warp-drive")) ==
        "15: 'warp-drive' is not a lab (port-explorer, port-map, bind, ephemeral, nat)");
  CHECK(only_issue(replace(kGood, "os: linux", "os: plan9")) ==
        "17: os: 'plan9' is not an OS profile (linux, windows, windows_xp, macos, freebsd, solaris)");
  CHECK(only_issue(replace(kGood, "198.51.100.8:443", "198.51.100.8:70000")) ==
        "19: dest: port 70000 does not fit in 16 bits (ports are 0-65535)");
  CHECK(only_issue(replace(kGood, "os: linux", "colour: blue")) ==
        "17: unknown key 'colour' for ephemeral (known: os, range, mode, dest, count, seed, "
        "algorithm, sysctl)");
  CHECK(only_issue(replace(kGood, "os: linux", "os linux")) ==
        "17: expected 'key: value' in a ```sim block");
  CHECK(only_issue(replace(kGood, "category: portlab/ranges\n", "")) ==
        "23: a ```quiz block needs 'questions:' or 'category:'");
  CHECK(only_issue(replace(kGood, "count: 3", "count: three")) ==
        "25: count: 'three' is not a whole number");
  CHECK(only_issue(replace(kGood, "After the lab.", "# Big heading")) ==
        "21: use '###' for a heading inside a step ('#' and '##' are taken by the lesson title "
        "and the steps)");
  CHECK(only_issue(replace(kGood, "\n## Sixteen bits", "Stray intro.\n## Sixteen bits")) ==
        "11: text before the first step; start a step with '## Title'");
  CHECK(only_issue(replace(kGood, "---\n\n##", "\n\n##")) ==
        "1: the front matter opened here is never closed with '---'");
  CHECK(only_issue("no front matter\n") ==
        "1: a lesson starts with front matter: a line '---', then 'id:', 'title:' ...");
}

TEST_CASE("lesson: an unclosed ```sim block ends at the next step and is reported with what it swallowed") {
  LessonParse p = parse_lesson("x.md", replace(kGood, "```\nAfter", "After"));
  REQUIRE(p.issues.size() == 2);
  CHECK(p.issues[0].where() == "x.md:15");
  CHECK(p.issues[0].message == "code block opened here is never closed with ```");
  CHECK(p.issues[1].where() == "x.md:20");  // "After the lab." moved up a line
  CHECK(p.issues[1].message == "expected 'key: value' in a ```sim block");
  CHECK(p.lesson.steps.size() == 2);  // the quiz step is still found
}

TEST_CASE("lesson: a '## ' line inside a code block does not start a step") {
  LessonParse p = parse_lesson("x.md", replace(kGood, "After the lab.", "```\n## not a step\n```"));
  REQUIRE(p.ok());
  CHECK(p.lesson.steps.size() == 2);
}

TEST_CASE("course: a broken lesson is left out and reported, the others load in order") {
  std::string second = replace(replace(kGood, "id: port-ranges", "id: what-is-a-port"), "order: 2", "order: 1");
  std::string broken = replace(replace(kGood, "id: port-ranges", "id: nat"), "os: linux", "os: amiga");
  std::string duplicate = kGood;
  Course c = load_course({{"lessons/02.md", kGood}, {"lessons/05.md", broken},
                          {"lessons/01.md", second}, {"lessons/09.md", duplicate}});
  REQUIRE(c.lessons.size() == 2);
  CHECK(c.lessons[0].id == "what-is-a-port");
  CHECK(c.lessons[1].id == "port-ranges");
  CHECK(c.step_count() == 4);
  REQUIRE(c.issues.size() == 2);
  CHECK(c.issues[0].where() == "lessons/05.md:17");
  CHECK(c.issues[1].where() == "lessons/09.md:1");
  CHECK(c.issues[1].message == "id 'port-ranges' is already used by lessons/02.md");
  CHECK(c.find("nat") == nullptr);
}
