#include <doctest/doctest.h>

#include <string>

#include "core/model/course_summary.h"
#include "core/model/simulation_tasks.h"
#include "core/model/model.h"
#include "core/nav/navigator.h"
#include "core/progress/lesson_progress.h"
#include "core/progress/progress_store.h"
#include "core/storage/key_value_store.h"

using namespace portlab;

namespace {

// Two short lessons and a three-question bank: enough for links, the course
// home's summary and a checkpoint.
const char* kRanges =
    "---\nid: port-ranges\ntitle: Port ranges\norder: 2\n---\n"
    "## One\nText.\n## Two\nText.\n## Check\n```quiz\ncategory: portlab/ranges\ncount: 2\npass: 2\n```\n";
const char* kPorts = "---\nid: what-is-a-port\ntitle: What a port is\norder: 1\n---\n## Only\nText.\n";
const char* kBank =
    "$CATEGORY: portlab/ranges\n\n"
    "::r1:: Which range holds port 443? {=System ~User ~Dynamic}\n\n"
    "::r2:: Port 8080 is in the user range. {TRUE}\n\n"
    "::r3:: Port 50000 is in the dynamic range. {TRUE}\n";

model::Model loaded_model() {
  model::Model m;
  m.content = model::load_content({{"lessons/02.md", kRanges}, {"lessons/01.md", kPorts}}, {{"bank/r.gift", kBank}});
  return m;
}

}  // namespace

TEST_CASE("model: content loads lessons in course order and the bank; problems carry file:line") {
  model::Model m = loaded_model();
  REQUIRE(m.content.course.lessons.size() == 2);
  CHECK(m.content.course.lessons[0].id == "what-is-a-port");
  CHECK(m.content.bank.size() == 3);
  CHECK(m.content.problems.empty());

  m.content = model::load_content({{"lessons/bad.md", "---\nid: x\n"}}, {{"bank/b.gift", "::q:: broken {=a"}});
  REQUIRE(m.content.problems.size() >= 2);
  CHECK(m.content.problems[0].file == "bank/b.gift");  // sorted by file
  CHECK(m.content.problems.back().file == "lessons/bad.md");
}

TEST_CASE("model: a lesson link must name a lesson and a step; without a step it opens where the learner left off") {
  model::Model m = loaded_model();
  nav::Route route{nav::Screen::Lesson, {"port-ranges", "3"}};
  CHECK(m.check_route(route) == "");

  route = {nav::Screen::Lesson, {"port-ranges", "4"}};
  CHECK(m.check_route(route).find("steps 1 to 3") != std::string::npos);
  route = {nav::Screen::Lesson, {"port-ranges", "0"}};
  CHECK(m.check_route(route) != "");
  route = {nav::Screen::Lesson, {"nat-basics", "1"}};
  CHECK(m.check_route(route).find("no lesson called \"nat-basics\"") != std::string::npos);

  route = {nav::Screen::Lesson, {"port-ranges"}};
  CHECK(m.check_route(route) == "");
  CHECK(route.args == std::vector<std::string>{"port-ranges", "1"});
  progress::open_step(m.progress, "port-ranges", 1, 1000);
  route = {nav::Screen::Lesson, {"port-ranges"}};
  CHECK(m.check_route(route) == "");
  CHECK(route.args[1] == "2");
}

TEST_CASE("navigator: a link the model refuses opens home with its message and replaces the address") {
  model::Model m = loaded_model();
  nav::Navigator navigator;
  navigator.set_route_check([&](nav::Route& r) { return m.check_route(r); });
  navigator.open_fragment("#/lesson/port-ranges/9");
  CHECK(navigator.current().screen == nav::Screen::Home);
  CHECK(navigator.notice().find("steps 1 to 3") != std::string::npos);
  REQUIRE(navigator.take_url_change());

  navigator.open_fragment("#/lesson/port-ranges");  // completed, so the address says which step
  CHECK(navigator.current().args[1] == "1");
  auto change = navigator.take_url_change();
  REQUIRE(change);
  CHECK(change->fragment == "#/lesson/port-ranges/1");
  CHECK(change->kind == nav::Navigator::UrlChangeKind::Replace);
}

TEST_CASE("course summary: progress per lesson, and Continue goes to the first started, unfinished lesson") {
  model::Model m = loaded_model();
  auto lessons = model::summarize_lessons(m.content.course, m.progress);
  REQUIRE(lessons.size() == 2);
  // Nothing started: the first lesson, first step.
  auto next = model::continue_route(lessons);
  REQUIRE(next);
  CHECK(next->args == std::vector<std::string>{"what-is-a-port", "1"});

  progress::open_step(m.progress, "port-ranges", 1, 1000);
  progress::complete_step(m.progress, "port-ranges", 0, 1000);
  lessons = model::summarize_lessons(m.content.course, m.progress);
  CHECK(lessons[1].completed == 1);
  CHECK(lessons[1].started());
  next = model::continue_route(lessons);
  REQUIRE(next);
  CHECK(next->args == std::vector<std::string>{"port-ranges", "2"});

  // Everything finished: nothing to continue.
  progress::complete_step(m.progress, "what-is-a-port", 0, 1000);
  progress::pass_checkpoint(m.progress, "what-is-a-port", 1000);
  for (int step = 0; step < 3; ++step) progress::complete_step(m.progress, "port-ranges", step, 1000);
  progress::pass_checkpoint(m.progress, "port-ranges", 1000);
  CHECK_FALSE(model::continue_route(model::summarize_lessons(m.content.course, m.progress)));
}

TEST_CASE("checkpoint: an answer is graded and recorded, its feedback stays until Next, a pass is kept") {
  model::Model m = loaded_model();
  m.now_ms = 5000;
  const course::Lesson* lesson = m.content.course.find("port-ranges");
  const course::Directive& quiz = lesson->steps[2].directives.at(0);
  REQUIRE(m.start_checkpoint("port-ranges", 2, quiz, 7) == "");
  REQUIRE(m.checkpoint);

  // A wrong answer to the first question: feedback, and progress knows it.
  const quiz::Question* first = m.checkpoint->shown_question();
  REQUIRE(first);
  const quiz::Response right = quiz::correct_response(*first);
  quiz::Response wrong = right;
  if (auto* truth = std::get_if<quiz::TrueFalseResponse>(&wrong)) truth->value = !truth->value;
  if (auto* choice = std::get_if<quiz::ChoiceResponse>(&wrong)) choice->selected = {choice->selected.at(0) == 0 ? 1u : 0u};
  m.answer_checkpoint(wrong);
  CHECK(m.checkpoint->showing_feedback);
  CHECK(m.checkpoint->shown_question() == first);
  CHECK_FALSE(m.checkpoint->last_attempt()->grade.correct);
  CHECK(m.progress.questions.at(first->id).attempts == 1);
  m.answer_checkpoint(right);  // ignored while feedback shows
  CHECK(m.progress.questions.at(first->id).attempts == 1);

  m.next_checkpoint_question();
  const quiz::Question* second = m.checkpoint->shown_question();
  REQUIRE(second);
  CHECK(second != first);
  m.answer_checkpoint(quiz::correct_response(*second));
  CHECK(m.checkpoint->last_attempt()->grade.correct);
  m.next_checkpoint_question();
  CHECK(m.checkpoint->session.finished());
  CHECK_FALSE(m.checkpoint->session.passed());  // 2 of 2 needed
  CHECK_FALSE(m.progress.lessons["port-ranges"].checkpoint_passed);

  // A second attempt, all right: passed and recorded.
  REQUIRE(m.start_checkpoint("port-ranges", 2, quiz, 8) == "");
  while (const quiz::Question* q = m.checkpoint->shown_question()) {
    m.answer_checkpoint(quiz::correct_response(*q));
    m.next_checkpoint_question();
  }
  CHECK(m.checkpoint->session.passed());
  CHECK(m.progress.lessons["port-ranges"].checkpoint_passed);
}

TEST_CASE("import: a file is previewed and described, replaces progress only when confirmed, keeps the old aside") {
  model::Model m = loaded_model();
  storage::MemoryStore store;
  progress::ProgressStore progress_store(store);
  m.progress_store = &progress_store;
  m.progress = progress::fresh_progress(1000);
  progress::open_step(m.progress, "port-ranges", 1, 2000);

  progress::Progress other = progress::fresh_progress(86400000LL * 20000);  // 2024-10-04
  progress::pass_checkpoint(other, "what-is-a-port", 86400000LL * 20000);
  m.preview_import(progress::export_text(other));
  REQUIRE(m.import_preview);
  REQUIRE(m.import_preview->ok());
  const std::string question = progress::describe_import(*m.import_preview);
  CHECK(question.find("1 lesson (1 checkpoint passed)") != std::string::npos);
  CHECK(question.find("2024-10-04") != std::string::npos);
  CHECK(m.progress.lessons.count("port-ranges") == 1);  // nothing changed yet

  m.cancel_import();
  CHECK_FALSE(m.import_preview);
  CHECK(m.progress.lessons.count("port-ranges") == 1);

  m.preview_import(progress::export_text(other));
  m.confirm_import();
  CHECK(m.progress == other);
  CHECK(store.documents.count(progress::kBeforeImportKey) == 1);
  CHECK_FALSE(m.import_message.empty());

  // A file that is not progress changes nothing and says why.
  m.preview_import("{\"format\": \"something-else\"}");
  REQUIRE(m.import_preview);
  CHECK_FALSE(m.import_preview->ok());
  CHECK(progress::describe_import(*m.import_preview) == m.import_preview->error);
  m.confirm_import();
  CHECK(m.progress == other);
}

TEST_CASE("calendar dates: the Unix epoch, a leap day and a date before 1970") {
  CHECK(progress::calendar_date(0) == "1970-01-01");
  CHECK(progress::calendar_date(951782400000LL) == "2000-02-29");
  CHECK(progress::calendar_date(-86400000LL) == "1969-12-31");
  CHECK(progress::calendar_date(-1) == "1969-12-31");
}

TEST_CASE("simulation tasks: known tasks run, unknown ones are problems of the bank, the engine decides") {
  quiz::SimulationTask task{"nat-challenge", {{"challenge", "game-server"}}};
  CHECK(model::task_problem(task) == "");
  CHECK(model::task_route(task).args == std::vector<std::string>{"game-server"});
  CHECK(model::task_problem({"nat-challenge", {}}).find("needs challenge=") != std::string::npos);
  CHECK(model::task_problem({"nat-challenge", {{"challenge", "nope"}}}).find("video-call") != std::string::npos);
  CHECK(model::task_problem({"teleport", {}}).find("unknown simulation task") != std::string::npos);

  labs::NatLab nat;
  CHECK_FALSE(model::check_task(task, nat).passed);  // not even open
  REQUIRE(nat.open_link("game-server") == "");
  CHECK_FALSE(model::check_task(task, nat).passed);
  labs::NatRuleInput wrong;
  wrong.external_port = 25565;
  wrong.internal_address = "192.168.1.10";  // the laptop, not the server
  wrong.internal_port = 25565;
  REQUIRE(nat.add_rule(wrong) == "");
  CHECK_FALSE(model::check_task(task, nat).passed);
  nat.remove_rule(0);
  labs::NatRuleInput right = wrong;
  right.internal_address = "192.168.1.30";
  REQUIRE(nat.add_rule(right) == "");
  CHECK(model::check_task(task, nat).passed);

  // A bank question naming a task PortLab cannot run is left out and reported.
  model::Content c = model::load_content(
      {}, {{"bank/t.gift", "$CATEGORY: portlab/nat\n\n// @simulation teleport\n::t:: Do it. {}\n"}});
  CHECK(c.bank.empty());
  REQUIRE(c.problems.size() == 1);
  CHECK(c.problems[0].where() == "bank/t.gift:4");
}

TEST_CASE("model: the NAT Lab is built on first use, on its first challenge, with the scenarios given before or after") {
  model::Model m;
  const std::string scenario = R"({"format":"portlab-nat-scenario"})";
  m.set_nat_scenarios({{"lessons/scenarios/a.json", scenario}});
  // First use: the lab opens on its first challenge and knows the files.
  CHECK(m.nat().challenge_id() == labs::NatLab::challenge_ids().front());
  CHECK(m.nat().scenario_names() == std::vector<std::string>{"lessons/scenarios/a.json"});
  // Files given later reach the lab that exists.
  m.set_nat_scenarios({{"lessons/scenarios/b.json", scenario}});
  CHECK(m.nat().scenario_names() == std::vector<std::string>{"lessons/scenarios/b.json"});
  // A link is checked against the same lab.
  nav::Route route{nav::Screen::Nat, {"video-call"}};
  CHECK(m.check_route(route) == "");
  CHECK(static_cast<const model::Model&>(m).nat().challenge_id() == "video-call");
}
