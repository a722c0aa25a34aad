// The Model's activities: staging a lesson step's lab, goals recorded in
// progress, predictions in mastery, setup links as routes.
#include <doctest/doctest.h>

#include <string>

#include "core/activity/setup_link.h"
#include "core/model/content_snapshot.h"
#include "core/model/course_summary.h"
#include "core/model/model.h"
#include "core/model/prediction_questions.h"
#include "core/nav/navigator.h"
#include "core/progress/mastery.h"
#include "core/progress/progress_store.h"
#include "core/progress/review_queue.h"
#include "core/storage/key_value_store.h"

using namespace portlab;

namespace {

constexpr progress::Millis kStart = 1735689600000;
constexpr progress::Millis kDay = 24 * 60 * 60 * 1000;

// One lesson: a bind goal (step 1), a bind prediction (step 2), a plain
// Ephemeral preset (step 3) and a checkpoint that names the topic.
const char* kLesson =
    "---\nid: privileged\ntitle: Privileged ports\norder: 1\n---\n"
    "## Move the line\nText.\n"
    "```sim\n"               // line 8
    "lab: bind\nos: linux\nport: 80\nuid: 1000\n"
    "id: port-80\n"
    "goal: bind ok port=80 uid=1000 cap=no\n"
    "hint: Which setting moves the line?\n"
    "hint: Set net.ipv4.ip_unprivileged_port_start to 80.\n"
    "solution: sysctl net.ipv4.ip_unprivileged_port_start=80\n"
    "solution: bind 80\n"
    "```\n"
    "## Guess\nText.\n"
    "```sim\n"               // line 22
    "lab: bind\nos: linux\nport: 80\nuid: 1000\n"
    "id: guess-errno\n"
    "predict: errno\n"
    "ask: Which errno does bind(80) get as uid 1000?\n"
    "choices: OK, EACCES, EADDRINUSE\n"
    "run: bind 80\n"
    "```\n"
    "## Plain\nText.\n"
    "```sim\nlab: ephemeral\nos: linux\n```\n"
    "## Check\n```quiz\ncategory: portlab/privileged\ncount: 1\npass: 1\n```\n";
const char* kBank = "$CATEGORY: portlab/privileged\n\n::p1:: Port 80 needs privilege on Linux. {TRUE}\n";

model::Content content() { return model::load_content({{"lessons/03.md", kLesson}}, {{"bank/p.gift", kBank}}); }

model::Model loaded_model() {
  model::Model m;
  m.content = content();
  m.now_ms = kStart;
  return m;
}

const course::Directive& sim_of(const model::Model& m, int step) {
  return m.content.course.lessons.at(0).steps.at(static_cast<size_t>(step)).directives.at(0);
}

// What the learner does in the lab, as the lab's widgets would.
void act(model::Model& m, const std::string& action) {
  activity::Labs labs{&m.bind, &m.ephemeral, nullptr};
  activity::Inputs inputs;
  REQUIRE(activity::perform("bind", action, labs, inputs) == "");
}

}  // namespace

TEST_CASE("model activities: the course's activities load, are found by their block, and listed per lab") {
  model::Model m = loaded_model();
  for (const course::Issue& issue : m.content.problems) CAPTURE(issue.message);
  REQUIRE(m.content.problems.empty());
  REQUIRE(m.content.activities.size() == 2);
  const activity::Activity* goal = m.find_activity("privileged", 0, sim_of(m, 0).line);
  REQUIRE(goal);
  CHECK(goal->id == "port-80");
  CHECK(m.find_activity("privileged", 1, sim_of(m, 1).line)->id == "guess-errno");
  CHECK(m.find_activity("privileged", 2, sim_of(m, 2).line) == nullptr);  // a plain preset
  CHECK(m.find_activity("privileged", 1, sim_of(m, 0).line) == nullptr);
  CHECK(m.lab_challenges("bind").size() == 2);
  CHECK(m.lab_challenges("ephemeral").empty());
  CHECK(m.lab_challenges("nat").empty());

  // The web build reads a snapshot: its activities are derived again, and
  // the problems are not repeated.
  std::string error;
  std::optional<model::ContentSnapshot> snapshot =
      model::read_snapshot(model::write_snapshot(model::snapshot_content({{"lessons/03.md", kLesson}}, {}, {})), error);
  REQUIRE_MESSAGE(snapshot, error);
  REQUIRE(snapshot->content.activities.size() == 2);
  CHECK(snapshot->content.activities[0].key() == "privileged/port-80");
  CHECK(snapshot->content.activities[1].prediction.has_value());
}

TEST_CASE("model activities: a broken activity is a problem at its line and left out") {
  const std::string broken = std::string(kLesson).replace(std::string(kLesson).find("goal: bind ok"), 13, "goal: fly ok");
  model::Content c = model::load_content({{"lessons/03.md", broken}}, {});
  CHECK(c.activities.size() == 1);
  REQUIRE_FALSE(c.problems.empty());
  CHECK(c.problems[0].file == "lessons/03.md");
  CHECK(c.problems[0].line == 14);
}

TEST_CASE("model activities: staging the same block twice keeps the learner's lab; another block sets its own up") {
  model::Model m = loaded_model();
  REQUIRE(m.stage_step_sim("privileged", 0, sim_of(m, 0)) == "");
  REQUIRE(m.activity_run);
  CHECK(m.activity_run->activity.id == "port-80");
  CHECK_FALSE(m.activity_run->verdict.met);
  CHECK(m.bind.uid() == 1000);

  act(m, "sysctl net.ipv4.ip_unprivileged_port_start=80");
  m.reveal_hint();
  CHECK(m.activity_run->hints_shown == 1);
  // To the full lab and back: the lesson stages its block again.
  CHECK(m.stage_step_sim("privileged", 0, sim_of(m, 0)) == "");
  CHECK(m.bind.sysctls().size() == 1);
  CHECK(m.activity_run->hints_shown == 1);

  // The next step's block is another preset on the same lab.
  CHECK(m.stage_step_sim("privileged", 1, sim_of(m, 1)) == "");
  REQUIRE(m.activity_run);
  CHECK(m.activity_run->activity.id == "guess-errno");
  // A plain preset opens no activity, and leaves the Bind Lab alone.
  act(m, "uid 0");
  CHECK(m.stage_step_sim("privileged", 2, sim_of(m, 2)) == "");
  CHECK_FALSE(m.activity_run);
  CHECK(m.bind.uid() == 0);
  // Back to the first step: its block is set up afresh, as the lesson wrote it.
  CHECK(m.stage_step_sim("privileged", 0, sim_of(m, 0)) == "");
  CHECK(m.bind.uid() == 1000);
  CHECK(m.activity_run->hints_shown == 0);
}

TEST_CASE("model activities: hints are revealed one at a time, up to the last") {
  model::Model m = loaded_model();
  REQUIRE(m.stage_step_sim("privileged", 0, sim_of(m, 0)) == "");
  for (int i = 0; i < 5; ++i) m.reveal_hint();
  CHECK(m.activity_run->hints_shown == 2);
}

TEST_CASE("model activities: a goal met is recorded once, survives a reload, and is counted on the course home") {
  storage::MemoryStore memory;
  progress::ProgressStore store(memory);
  model::Model m = loaded_model();
  m.progress = progress::fresh_progress(kStart);
  REQUIRE(m.stage_step_sim("privileged", 0, sim_of(m, 0)) == "");
  act(m, "bind 80");  // EACCES: not yet
  m.update_activity();
  CHECK_FALSE(m.activity_run->verdict.met);
  CHECK_FALSE(m.activity_done("privileged/port-80"));
  CHECK(m.progress == progress::fresh_progress(kStart));

  act(m, "sysctl net.ipv4.ip_unprivileged_port_start=80");
  act(m, "bind 80");
  m.now_ms = kStart + 1000;
  m.update_activity();
  CHECK(m.activity_run->verdict.met);
  CHECK_FALSE(m.activity_run->verdict.explanation.empty());
  CHECK(m.activity_done("privileged/port-80"));
  CHECK(m.progress.lessons.at("privileged").activities_met.at("port-80") == kStart + 1000);
  CHECK(m.progress.updated_ms == kStart + 1000);

  // Judged again later: nothing changes, so nothing asks for a save.
  const progress::Progress recorded = m.progress;
  m.now_ms = kStart + kDay;
  m.update_activity();
  CHECK(m.progress == recorded);

  REQUIRE(store.save(m.progress));
  model::Model reloaded = loaded_model();
  reloaded.progress = progress::ProgressStore(memory).load(kStart + kDay).progress;
  CHECK(reloaded.activity_done("privileged/port-80"));
  CHECK_FALSE(reloaded.activity_done("privileged/guess-errno"));
  CHECK_FALSE(reloaded.activity_done("nonsense"));
  const std::vector<model::LessonSummary> home =
      model::summarize_lessons(reloaded.content.course, reloaded.progress, reloaded.content.activities);
  REQUIRE(home.size() == 1);
  CHECK(home[0].activities == 2);
  CHECK(home[0].activities_done == 1);
}

TEST_CASE("model activities: a prediction is graded by the engine, counts towards mastery, and stays out of review") {
  model::Model m = loaded_model();
  m.progress = progress::fresh_progress(kStart);
  REQUIRE(m.stage_step_sim("privileged", 1, sim_of(m, 1)) == "");
  CHECK_FALSE(m.activity_run->verdict.met);
  m.predict("   ");  // nothing to grade
  CHECK_FALSE(m.activity_run->prediction);

  m.predict("OK");
  REQUIRE(m.activity_run->prediction);
  CHECK(m.activity_run->prediction->engine == "EACCES");
  CHECK_FALSE(m.activity_run->prediction->right);
  const std::string id = "predict:privileged/guess-errno";
  REQUIRE(m.progress.question(id));
  CHECK(m.progress.question(id)->box == 1);
  // A graded prediction is the whole of a prediction-only activity.
  CHECK(m.activity_run->verdict.met);
  CHECK(m.activity_done("privileged/guess-errno"));

  // The pool mastery is computed from has the prediction, under the
  // lesson's checkpoint topic; practice's pool (the bank) does not.
  const std::vector<quiz::Question> predictions = model::prediction_questions(m.content);
  REQUIRE(predictions.size() == 1);
  CHECK(predictions[0].id == id);
  CHECK(predictions[0].topic == quiz::Topic::Privileged);
  CHECK(predictions[0].prompt == "Which errno does bind(80) get as uid 1000?");
  CHECK(m.content.bank.size() == 1);

  // Right on two visits a day apart: mastered, like a question.
  m.now_ms = kStart + kDay;
  m.predict("EACCES");
  CHECK(m.activity_run->prediction->right);
  m.now_ms = kStart + 3 * kDay;
  m.predict("eacces");
  CHECK(m.progress.question(id)->box == 3);
  const progress::TopicMastery privileged =
      progress::mastery_by_topic(m.progress, m.content.bank, predictions)[2];
  REQUIRE(privileged.topic == quiz::Topic::Privileged);
  CHECK(privileged.questions == 2);
  CHECK(privileged.seen == 1);
  CHECK(privileged.mastered == 1);
  CHECK(progress::mastery_by_topic(m.progress, m.content.bank)[2].mastered == 0);

  // The quiz cannot ask it, so the review queue does not list it.
  CHECK(progress::due_questions(m.progress, kStart + 100 * kDay).empty());
  CHECK_FALSE(progress::next_review(m.progress, kStart));
}

TEST_CASE("model activities: a typed answer is judged, and a prediction outside a lesson is not recorded") {
  model::Model m = loaded_model();
  m.progress = progress::fresh_progress(kStart);
  course::Directive sim;
  sim.line = 3;
  sim.params = {{"lab", "bind"}, {"id", "find"}, {"goal", "answer 1024 | 1,024"}, {"solution", "answer 1024"}};
  std::vector<course::Issue> issues;
  std::optional<activity::Activity> a = activity::parse_activity(sim, "", 0, "x", issues);
  REQUIRE(a);
  REQUIRE(m.open_activity(*a) == "");
  m.set_activity_answer("1000");
  CHECK_FALSE(m.activity_run->verdict.met);
  m.set_activity_answer(" 1,024 ");
  CHECK(m.activity_run->verdict.met);
  CHECK(m.progress == progress::fresh_progress(kStart));  // no lesson: nothing to record
  // Opening it again starts afresh.
  REQUIRE(m.open_activity(m.activity_run->activity) == "");
  CHECK(m.activity_run->inputs.answer.empty());
}

TEST_CASE("model activities: a setup link route sets the lab up with its goal; a bad one changes nothing") {
  model::Model m = loaded_model();
  const std::string items =
      "os=linux&uid=1000&sysctl=net.ipv4.ip_unprivileged_port_start=443&do=bind 443&goal=bind ok port=80";
  nav::Route route{nav::Screen::Bind, {"setup", items}};
  REQUIRE(m.check_route(route) == "");
  CHECK(m.bind.uid() == 1000);
  CHECK(m.bind.history().size() == 1);  // the `do=` action was replayed
  REQUIRE(m.activity_run);
  CHECK(m.activity_run->activity.id == "link");
  CHECK(m.activity_run->activity.lesson_id.empty());
  CHECK(m.activity_run->activity.lab == "bind");
  REQUIRE(m.activity_run->activity.goals.size() == 1);
  CHECK(m.activity_run->activity.goals[0].text == "bind ok port=80");
  CHECK_FALSE(m.activity_run->verdict.met);

  // The learner works; the same route checked again (the back button)
  // keeps that work.
  act(m, "sysctl net.ipv4.ip_unprivileged_port_start=80");
  act(m, "bind 80");
  m.update_activity();
  CHECK(m.activity_run->verdict.met);
  CHECK(m.progress.lessons.empty());  // a link's goal is not a lesson's
  nav::Route again = route;
  REQUIRE(m.check_route(again) == "");
  CHECK(m.bind.history().size() == 2);
  CHECK(m.activity_run->verdict.met);

  // Bad links: a reason, and neither the lab nor the activity changes.
  const std::vector<std::string> bad = {"os=linux&colour=red", "os=plan9", "uid=1000&goal=fly to the moon",
                                        "os=linux&do=bind eighty"};
  for (const std::string& b : bad) {
    CAPTURE(b);
    nav::Route r{nav::Screen::Bind, {"setup", b}};
    const std::string problem = m.check_route(r);
    CHECK_FALSE(problem.empty());
    CHECK(m.bind.history().size() == 2);
    CHECK(m.bind.uid() == 1000);
    REQUIRE(m.activity_run);
    CHECK(m.activity_run->activity.id == "link");
  }
  CHECK(m.check_route(route) == "");  // still the setup last applied
  CHECK(m.bind.history().size() == 2);
}

TEST_CASE("model activities: through the navigator a bad setup link opens home with the reason; a good one opens the lab") {
  model::Model m = loaded_model();
  nav::Navigator navigator;
  navigator.set_route_check([&](nav::Route& r) { return m.check_route(r); });
  navigator.open_fragment("#/bind/setup/os=linux&nonsense=1");
  CHECK(navigator.current().screen == nav::Screen::Home);
  CHECK(navigator.notice().find("nonsense") != std::string::npos);
  CHECK_FALSE(m.activity_run);

  course::Directive setup = activity::current_setup("ephemeral", activity::Labs{&m.bind, &m.ephemeral, nullptr},
                                                    "call ok count=3");
  std::string problem;
  const std::string fragment = activity::setup_fragment(setup, problem);
  REQUIRE_MESSAGE(problem.empty(), problem);
  navigator.open_fragment(fragment);
  CHECK(navigator.current().screen == nav::Screen::Ephemeral);
  CHECK(navigator.notice().empty());
  REQUIRE(m.activity_run);
  CHECK(m.activity_run->activity.lab == "ephemeral");
  CHECK(m.activity_run->activity.goals[0].text == "call ok count=3");
}

TEST_CASE("model activities: another lab's activity opened meanwhile leaves the staged lab as it was; a link on it does not") {
  model::Model m = loaded_model();
  REQUIRE(m.stage_step_sim("privileged", 0, sim_of(m, 0)) == "");
  act(m, "sysctl net.ipv4.ip_unprivileged_port_start=80");
  nav::Route ephemeral{nav::Screen::Ephemeral, {"setup", "os=linux&goal=call ok"}};
  REQUIRE(m.check_route(ephemeral) == "");
  CHECK(m.activity_run->activity.lab == "ephemeral");
  // Back in the lesson: its activity again, on the Bind Lab as the learner left it.
  REQUIRE(m.stage_step_sim("privileged", 0, sim_of(m, 0)) == "");
  CHECK(m.activity_run->activity.id == "port-80");
  CHECK(m.bind.sysctls().size() == 1);

  // A setup link for the Bind Lab replaces that lab: the lesson sets its block up again.
  nav::Route bind{nav::Screen::Bind, {"setup", "os=linux&uid=0"}};
  REQUIRE(m.check_route(bind) == "");
  CHECK_FALSE(m.activity_run);  // the link has no goal, and the open activity's lab was replaced
  CHECK(m.bind.uid() == 0);
  REQUIRE(m.stage_step_sim("privileged", 0, sim_of(m, 0)) == "");
  CHECK(m.bind.uid() == 1000);
  CHECK(m.bind.sysctls().empty());
}

TEST_CASE("model activities: a built-in NAT challenge replaces an open NAT activity, not another lab's") {
  model::Model m = loaded_model();
  nav::Route nat_link{nav::Screen::Nat, {"setup", "challenge=web-server-8081&goal=challenge solved"}};
  REQUIRE(m.check_route(nat_link) == "");
  REQUIRE(m.activity_run);
  CHECK(m.activity_run->activity.lab == "nat");
  CHECK(m.open_nat_challenge("no-such-challenge") != "");
  CHECK(m.activity_run);  // a refused challenge changes nothing
  REQUIRE(m.open_nat_challenge("game-server") == "");
  CHECK(m.nat().challenge_id() == "game-server");
  CHECK_FALSE(m.activity_run);

  nav::Route bind_link{nav::Screen::Bind, {"setup", "os=linux&goal=bind ok port=80"}};
  REQUIRE(m.check_route(bind_link) == "");
  REQUIRE(m.open_nat_challenge("video-call") == "");
  REQUIRE(m.activity_run);  // the Bind Lab's task is not the NAT Lab's to close
  CHECK(m.activity_run->activity.lab == "bind");
}
