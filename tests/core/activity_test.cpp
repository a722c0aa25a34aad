// Activities: ```sim blocks read as goals and predictions (problems at
// their lines), goals judged over the labs' real state after real lab
// actions, predictions graded by the engines, and `lessons check`'s proof.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/activity/activity.h"
#include "shipped_lessons.h"

using namespace portlab;
using activity::Activity;
using activity::Inputs;
using activity::Labs;
using activity::Verdict;

namespace {

// A lesson with one step holding `body` as a ```sim block: the block's
// first key is on line 10.
std::string said(const std::vector<course::Issue>& issues) {
  std::string text;
  for (const course::Issue& i : issues) text += i.where() + ": " + i.message + "\n";
  return text;
}

const char* const kHead = "---\nid: t\ntitle: T\n---\n\n## Step\nText.\n\n```sim\n";

course::LessonParse lesson_with(const std::string& body) {
  return course::parse_lesson("t.md", std::string(kHead) + body + "```\n");
}

course::Directive sim_block(const std::string& body) {
  course::LessonParse p = lesson_with(body);
  INFO(said(p.issues));
  REQUIRE(p.issues.empty());
  REQUIRE(p.lesson.steps.size() == 1);
  REQUIRE(p.lesson.steps[0].directives.size() == 1);
  return p.lesson.steps[0].directives[0];
}

// The problems parse_activity finds, as "line: message".
std::vector<std::string> activity_issues(const std::string& body) {
  std::vector<course::Issue> issues;
  const std::optional<Activity> a = activity::parse_activity(sim_block(body), "t", 0, "t.md", issues);
  std::vector<std::string> out;
  for (const course::Issue& i : issues) {
    CHECK(i.file == "t.md");
    out.push_back(std::to_string(i.line) + ": " + i.message);
  }
  CHECK(a.has_value() == out.empty());
  return out;
}

Activity activity_of(const std::string& body) {
  std::vector<course::Issue> issues;
  std::optional<Activity> a = activity::parse_activity(sim_block(body), "t", 0, "t.md", issues);
  INFO(said(issues));
  REQUIRE(issues.empty());
  REQUIRE(a.has_value());
  return *a;
}

// The activity with only the goal `goal` (same lab), judged now.
Verdict judge(const std::string& lab, const std::string& goal, const Labs& labs, const Inputs& inputs = {}) {
  Activity a;
  a.lab = lab;
  a.goals = {{goal, 1}};
  return activity::evaluate(a, labs, inputs);
}

std::vector<SourceFile> scenarios() {
  std::vector<SourceFile> files = test::read_repo_files("lessons/scenarios", {"inbound-blocked.json", "port-forward.json"});
  // Named as the app names them: relative to lessons/.
  for (SourceFile& f : files) f.name = f.name.substr(std::string("lessons/").size());
  return files;
}

std::vector<std::string> proof_issues(const Activity& a) {
  const activity::Proof proof = activity::prove(a, scenarios(), "t.md");
  std::vector<std::string> out;
  for (const course::Issue& i : proof.issues) out.push_back(std::to_string(i.line) + ": " + i.message);
  CHECK(proof.proven == out.empty());
  return out;
}

}  // namespace

TEST_CASE("activity: the lesson parser lets the activity keys through on every lab") {
  for (const char* lab : course::kLabs) {
    INFO(lab);
    const course::LessonParse p = lesson_with(std::string("lab: ") + lab +
                                              "\nid: a\ngoal: answer x\ngoal: answer y\nhint: one\nhint: two\n"
                                              "solution: answer x\nsolution: answer y\npredict: port\nask: Which?\n"
                                              "choices: 1, 2\nrun: a\nrun: b\n");
    CHECK(p.issues.empty());
  }
  const course::LessonParse twice = lesson_with("lab: bind\nid: a\nid: b\n");
  REQUIRE(twice.issues.size() == 1);
  CHECK(twice.issues[0].line == 12);
  CHECK(twice.issues[0].message == "'id' is given twice");
  const course::LessonParse bad_id = lesson_with("lab: bind\nid: Not An Id\n");
  REQUIRE(bad_id.issues.size() == 1);
  CHECK(bad_id.issues[0].line == 11);
}

TEST_CASE("activity: a sim block without goal or prediction is a plain preset") {
  std::vector<course::Issue> issues;
  CHECK_FALSE(activity::parse_activity(sim_block("lab: bind\nos: linux\nid: x\n"), "t", 0, "t.md", issues));
  CHECK(issues.empty());
}

TEST_CASE("activity: a well-formed block keeps its lines, hints and prediction") {
  const Activity a = activity_of(
      "lab: bind\nos: linux\nuid: 1000\nid: bind-80\ngoal: bind ok port=80 uid=1000 cap=no\n"
      "hint: Which setting?\nhint: That one.\nsolution: sysctl net.ipv4.ip_unprivileged_port_start=80\n"
      "solution: bind 80\npredict: errno\nask: What does bind(80) get?\nchoices: EACCES, OK, EADDRINUSE\n"
      "run: bind 80\n");
  CHECK(a.id == "bind-80");
  CHECK(a.key() == "t/bind-80");
  CHECK(a.lab == "bind");
  CHECK(a.line == 9);
  REQUIRE(a.goals.size() == 1);
  CHECK(a.goals[0].text == "bind ok port=80 uid=1000 cap=no");
  CHECK(a.goals[0].line == 14);
  CHECK(a.hints == std::vector<std::string>{"Which setting?", "That one."});
  REQUIRE(a.solution.size() == 2);
  CHECK(a.solution[1].line == 18);
  REQUIRE(a.prediction);
  CHECK(a.prediction->kind == activity::PredictKind::Errno);
  CHECK(a.prediction->ask == "What does bind(80) get?");
  CHECK(a.prediction->choices == std::vector<std::string>{"EACCES", "OK", "EADDRINUSE"});
  CHECK(a.prediction->line == 19);
  REQUIRE(a.run.size() == 1);
  CHECK(a.run[0].line == 22);
  CHECK(std::string(activity::to_string(activity::PredictKind::PublicPort)) == "public-port");
}

TEST_CASE("activity: every problem of a block is reported at its line") {
  CHECK(activity_issues("lab: bind\ngoal: bind ok\nsolution: bind 80\n") ==
        std::vector<std::string>{"9: an activity (a block with goal: or predict:) needs 'id:'"});
  CHECK(activity_issues("lab: bind\nid: a\ngoal: teleport 80\nsolution: bind 80\n") ==
        std::vector<std::string>{"12: goal: unknown goal word 'teleport' (known: bind, call, sockets, delivered, "
                                 "dropped, reachable, mapping, challenge, answer)"});
  CHECK(activity_issues("lab: nat\nid: a\ngoal: bind ok port=80\nsolution: run\n") ==
        std::vector<std::string>{"12: goal: a 'bind' goal belongs in lab: bind, not lab: nat"});
  CHECK(activity_issues("lab: bind\nid: a\ngoal: call ok\nsolution: bind 80\n") ==
        std::vector<std::string>{"12: goal: a 'call' goal belongs in lab: ephemeral or port-map, not lab: bind"});
  CHECK(activity_issues("lab: port-map\nid: a\ngoal: sockets timewait 2\nsolution: open 2\nsolution: close-all\n")
            .empty());
  CHECK(activity_issues("lab: bind\nid: a\ngoal: bind fails\nsolution: bind 80\n") ==
        std::vector<std::string>{"12: goal: 'bind fails' needs an errno name such as EACCES"});
  CHECK(activity_issues("lab: bind\nid: a\ngoal: bind ok port=80 colour=red\nsolution: bind 80\n") ==
        std::vector<std::string>{"12: goal: unknown setting 'colour' for a bind goal (known: port, addr, proto, "
                                 "uid, root, cap, os)"});
  CHECK(activity_issues("lab: bind\nid: a\ngoal: bind ok port=90-80\nsolution: bind 80\n") ==
        std::vector<std::string>{"12: goal: port: range '90-80' ends below where it starts"});
  CHECK(activity_issues("lab: nat\nid: a\ngoal: delivered at=1.2.3.4:5\nsolution: run\n") ==
        std::vector<std::string>{"12: goal: 'delivered' needs event=N (the timeline's event, counted from 1)"});
  CHECK(activity_issues("lab: port-explorer\nid: a\ngoal: challenge solved\nsolution: answer x\n") ==
        std::vector<std::string>{"12: goal: a 'challenge' goal belongs in lab: nat, not lab: port-explorer"});
  CHECK(activity_issues("lab: bind\nid: a\ngoal: bind ok port=80\n") ==
        std::vector<std::string>{
            "9: an activity with goals needs at least one 'solution:' line (lessons check replays it)"});
  // Solution and run lines are read by the action reader (check_action).
  const std::vector<std::string> bad_action = activity_issues("lab: bind\nid: a\ngoal: bind ok\nsolution: fly 80\n");
  REQUIRE(bad_action.size() == 1);
  CHECK(bad_action[0].rfind("13: solution: ", 0) == 0);
  CHECK(bad_action[0] == "13: solution: " + activity::check_action("bind", "fly 80"));
  CHECK(activity_issues("lab: nat\nid: a\npredict: connections\nask: How many?\nrun: run\n") ==
        std::vector<std::string>{"12: predict: connections belongs in lab: ephemeral or port-map"});
  CHECK(activity_issues("lab: bind\nid: a\npredict: colour\nask: Which?\nrun: bind 80\n") ==
        std::vector<std::string>{
            "12: predict: 'colour' is not a prediction (errno, port, connections, public-port, delivered)"});
  CHECK(activity_issues("lab: bind\nid: a\npredict: errno\nrun: bind 80\n") ==
        std::vector<std::string>{"12: a prediction needs 'ask:' (the question put to the learner)"});
  CHECK(activity_issues("lab: bind\nid: a\npredict: errno\nask: Which?\n") ==
        std::vector<std::string>{
            "12: a prediction needs 'run:' lines (or a solution) that make the engine answer"});
  CHECK(activity_issues("lab: bind\nid: a\npredict: errno\nask: Which?\nchoices: EACCES, maybe\nrun: bind 80\n") ==
        std::vector<std::string>{"14: choices: 'maybe' is not a errno answer"});
  CHECK(activity_issues("lab: bind\nid: a\ngoal: bind ok\nsolution: bind 80\nrun: bind 81\n") ==
        std::vector<std::string>{"14: 'run' belongs to a prediction; add 'predict:'"});
}

TEST_CASE("activity: an id used twice in a lesson is reported; the course's activities come in order") {
  const std::string text = std::string(kHead) +
                           "lab: bind\nid: a\ngoal: bind ok\nsolution: bind 8080\n```\n\n## Two\nMore.\n\n```sim\n"
                           "lab: bind\nid: a\ngoal: bind ok\nsolution: bind 8081\n```\n\n```sim\nlab: ephemeral\n"
                           "id: b\ngoal: call ok\nsolution: open 1\n```\n";
  const course::Course c = course::load_course({{"t.md", text}});
  REQUIRE(c.issues.empty());
  std::vector<course::Issue> issues;
  const std::vector<Activity> all = activity::course_activities(c, issues);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].line == 21);
  CHECK(issues[0].message == "id: 'a' is already an activity of this lesson");
  REQUIRE(all.size() == 2);
  CHECK(all[0].key() == "t/a");
  CHECK(all[0].step == 0);
  CHECK(all[1].key() == "t/b");
  CHECK(all[1].step == 1);
}

TEST_CASE("R4.1 activity goals: bind ok / bind fails judge the Bind Lab's history with its filters") {
  labs::BindLab lab;
  REQUIRE(lab.apply_preset(test::make_preset({{"os", "linux"}, {"uid", "1000"}})) == "");
  const Labs labs{&lab, nullptr, nullptr};
  Verdict none = judge("bind", "bind fails EACCES port=80", labs);
  CHECK_FALSE(none.met);
  CHECK(none.explanation == "No bind() has been tried yet.");

  lab.request().port = 80;
  const std::string refused = lab.try_bind().decision.explanation;
  Verdict v = judge("bind", "bind fails EACCES port=80 uid=1000 root=no cap=no os=linux proto=tcp", labs);
  CHECK(v.met);
  CHECK(v.explanation == refused);
  CHECK_FALSE(judge("bind", "bind fails EADDRINUSE port=80", labs).met);
  Verdict not_yet = judge("bind", "bind ok port=80", labs);
  CHECK_FALSE(not_yet.met);
  CHECK(not_yet.explanation == refused);  // what the engine said last

  REQUIRE(lab.set_sysctl("net.ipv4.ip_unprivileged_port_start", "80") == "");
  const std::string allowed = lab.try_bind().decision.explanation;
  CHECK(lab.history().back().decision.ok);
  Verdict ok = judge("bind", "bind ok port=80 uid=1000 cap=no", labs);
  CHECK(ok.met);
  CHECK(ok.explanation == allowed);
  CHECK(judge("bind", "bind ok port=1-100", labs).met);
  for (const char* miss : {"bind ok port=81", "bind ok port=1-79", "bind ok root=yes", "bind ok cap=yes",
                           "bind ok uid=0", "bind ok os=macos", "bind ok proto=udp", "bind ok addr=127.0.0.1"}) {
    INFO(miss);
    CHECK_FALSE(judge("bind", miss, labs).met);
  }
  // Both goals of one activity must hold; the explanation tells both.
  Activity a;
  a.lab = "bind";
  a.goals = {{"bind fails EACCES port=80", 1}, {"bind ok port=80", 2}};
  Verdict both = activity::evaluate(a, labs, {});
  CHECK(both.met);
  CHECK(both.explanation == refused + " " + allowed);
  a.goals.push_back({"bind ok port=81", 3});
  CHECK_FALSE(activity::evaluate(a, labs, {}).met);
  // Without the lab nothing is met.
  CHECK_FALSE(judge("bind", "bind ok", Labs{}).met);
}

TEST_CASE("R3.1 activity goals: call ok, call fails and sockets judge the Ephemeral Lab") {
  labs::EphemeralLab lab;
  lab.start_exhaustion_demo();
  const Labs labs{nullptr, &lab, nullptr};
  CHECK(judge("ephemeral", "call ok", labs).explanation == "No call has been made yet.");
  REQUIRE(lab.open(5) == 4);
  const std::string failure = lab.allocations().back().decision.explanation;
  CHECK(judge("ephemeral", "call ok count=4 port=40000-40003 mode=connect", labs).met);
  Verdict short_of = judge("ephemeral", "call ok count=5", labs);
  CHECK_FALSE(short_of.met);
  CHECK(short_of.explanation.rfind("4 of the 5 calls asked for so far.", 0) == 0);
  CHECK_FALSE(judge("ephemeral", "call ok port=50000-60000", labs).met);
  CHECK_FALSE(judge("ephemeral", "call ok mode=udp", labs).met);
  Verdict failed = judge("ephemeral", "call fails EADDRNOTAVAIL mode=connect", labs);
  CHECK(failed.met);
  CHECK(failed.explanation == failure);
  CHECK_FALSE(judge("ephemeral", "call fails EADDRINUSE", labs).met);
  CHECK(judge("port-map", "sockets connected 4", labs).met);
  CHECK_FALSE(judge("ephemeral", "sockets timewait 1", labs).met);
  lab.close_all();
  Verdict waiting = judge("ephemeral", "sockets timewait 4", labs);
  CHECK(waiting.met);
  CHECK(waiting.explanation == "4 sockets are in TIME_WAIT (4 wanted).");
  CHECK_FALSE(judge("ephemeral", "sockets timewait 5", labs).met);
}

TEST_CASE("activity goals: delivered, dropped and mapping judge the NAT Lab's timeline and table") {
  labs::NatLab lab;
  lab.set_scenarios(scenarios());
  REQUIRE(lab.apply_preset(test::make_preset({{"scenario", "scenarios/inbound-blocked.json"}})) == "");
  const Labs labs{nullptr, nullptr, &lab};
  Verdict early = judge("nat", "delivered event=1", labs);
  CHECK_FALSE(early.met);
  CHECK(early.explanation.find("event 1 has not happened yet") != std::string::npos);
  CHECK(judge("nat", "mapping", labs).explanation == "The NAT table is empty.");

  REQUIRE(lab.step_forward());
  REQUIRE(lab.step_forward());
  Verdict out = judge("nat", "delivered event=1 at=198.51.100.7:9000", labs);
  CHECK(out.met);
  CHECK(out.explanation == lab.records()[0].packets[0].reason);
  CHECK_FALSE(judge("nat", "delivered event=1 at=198.51.100.7:9001", labs).met);
  CHECK_FALSE(judge("nat", "dropped event=1", labs).met);
  Verdict in = judge("nat", "dropped event=2", labs);
  CHECK(in.met);
  CHECK(in.explanation == lab.records()[1].packets[0].reason);
  CHECK_FALSE(judge("nat", "delivered event=2", labs).met);

  // Linux keeps the laptop's source port when it is free (R5.x).
  Verdict row = judge("nat", "mapping inside=192.168.1.10:6000 outside-port=same proto=udp", labs);
  CHECK(row.met);
  CHECK(row.explanation.find("192.168.1.10:6000") != std::string::npos);
  CHECK(judge("nat", "mapping inside=192.168.1.10 outside-port=6000", labs).met);
  CHECK_FALSE(judge("nat", "mapping inside=192.168.1.10:6000 outside-port=other", labs).met);
  CHECK_FALSE(judge("nat", "mapping proto=tcp", labs).met);
  CHECK_FALSE(judge("nat", "mapping inside=192.168.1.11", labs).met);
}

TEST_CASE("activity goals: reachable probes the router as configured; challenge solved reads the lab") {
  labs::NatLab lab;
  lab.set_scenarios(scenarios());
  REQUIRE(lab.apply_preset(test::make_preset({{"scenario", "scenarios/inbound-blocked.json"}})) == "");
  const Labs labs{nullptr, nullptr, &lab};
  const std::string goal = "reachable from=192.0.2.99 to=192.168.1.10:22";
  Verdict closed = judge("nat", goal, labs);
  CHECK_FALSE(closed.met);
  CHECK(closed.explanation.rfind("A new packet tcp 192.0.2.99:50000 -> 203.0.113.1:22", 0) == 0);
  labs::NatRuleInput rule;
  rule.proto = "tcp";
  rule.external_port = 22;
  rule.internal_address = "192.168.1.10";
  rule.internal_port = 22;
  REQUIRE(lab.add_rule(rule) == "");
  CHECK(judge("nat", goal, labs).met);
  CHECK_FALSE(judge("nat", goal + " proto=udp", labs).met);
  CHECK_FALSE(judge("nat", "reachable from=192.0.2.99 to=192.168.1.11:22", labs).met);
  CHECK(lab.step() == 0);  // the probe leaves the lab as it was
  CHECK(lab.records().empty());

  REQUIRE(lab.open_challenge("web-server-8081") == "");
  CHECK_FALSE(judge("nat", "challenge solved", labs).met);
  rule.external_port = 8081;
  rule.internal_address = "192.168.1.20";
  rule.internal_port = 80;
  REQUIRE(lab.add_rule(rule) == "");
  Verdict solved = judge("nat", "challenge solved", labs);
  CHECK(solved.met);
  CHECK(solved.explanation == lab.challenge()->engine_showed);
}

TEST_CASE("activity goals: answer takes any listed value, case and spaces ignored") {
  const Labs none;
  CHECK(judge("port-explorer", "answer HTTP | www", none, {"  http "}).met);
  CHECK(judge("port-explorer", "answer HTTP | www", none, {"WWW"}).met);
  CHECK_FALSE(judge("port-explorer", "answer HTTP | www", none, {"ftp"}).met);
  CHECK_FALSE(judge("port-explorer", "answer HTTP", none, {""}).met);
}

TEST_CASE("R4.1 predictions: errno and port are graded against the engine's answer") {
  const Activity a = activity_of("lab: bind\nos: linux\nuid: 1000\nid: p\npredict: errno\nask: Which?\nrun: bind 80\n");
  labs::BindLab lab;
  Labs labs{&lab, nullptr, nullptr};
  activity::PredictionOutcome right = activity::run_prediction(a, labs, " eacces ");
  CHECK(right.problem == "");
  CHECK(right.right);
  CHECK(right.engine == "EACCES");
  CHECK(right.predicted == " eacces ");
  CHECK(right.explanation == lab.history().back().decision.explanation);
  CHECK_FALSE(activity::run_prediction(a, labs, "OK").right);
  CHECK_FALSE(activity::run_prediction(a, labs, "EADDRINUSE").right);
  CHECK_FALSE(activity::run_prediction(a, labs, "").right);
  CHECK(lab.history().size() == 1);  // each prediction starts from the preset

  const Activity lowered = activity_of(
      "lab: bind\nos: linux\nuid: 1000\nid: p\npredict: errno\nask: Which?\n"
      "run: sysctl net.ipv4.ip_unprivileged_port_start=80\nrun: bind 80\n");
  CHECK(activity::run_prediction(lowered, labs, "success").right);
  CHECK(activity::run_prediction(lowered, labs, "ok").engine == "OK");

  const Activity port = activity_of(
      "lab: ephemeral\nos: linux\nrange: 40000-40000\nid: p\npredict: port\nask: Which port?\nrun: open 1\n");
  labs::EphemeralLab eph;
  Labs elabs{nullptr, &eph, nullptr};
  CHECK(activity::run_prediction(port, elabs, "40000").right);
  CHECK(activity::run_prediction(port, elabs, " 040000").right);
  CHECK_FALSE(activity::run_prediction(port, elabs, "40001").right);
}

TEST_CASE("R3.1 predictions: connections counts the run's calls before the first failure") {
  const Activity a = activity_of(
      "lab: ephemeral\nos: linux\nrange: 40000-40003\nid: p\npredict: connections\nask: How many?\nrun: open 10\n");
  labs::EphemeralLab lab;
  Labs labs{nullptr, &lab, nullptr};
  activity::PredictionOutcome o = activity::run_prediction(a, labs, "4");
  CHECK(o.right);
  CHECK(o.engine == "4");
  CHECK(o.explanation == lab.allocations().back().decision.explanation);
  CHECK(std::string(lab.allocations().back().decision.error) == "EADDRNOTAVAIL");
  CHECK_FALSE(activity::run_prediction(a, labs, "10").right);
}

TEST_CASE("predictions: public-port and delivered read the NAT Lab's packets") {
  labs::NatLab lab;
  lab.set_scenarios(scenarios());
  Labs labs{nullptr, nullptr, &lab};
  const Activity port = activity_of(
      "lab: nat\nscenario: scenarios/inbound-blocked.json\nid: p\npredict: public-port\nask: Which?\nrun: step\n");
  activity::PredictionOutcome o = activity::run_prediction(port, labs, "6000");
  CHECK(o.right);
  CHECK(o.explanation == lab.records()[0].packets[0].reason);
  CHECK_FALSE(activity::run_prediction(port, labs, "6001").right);

  const Activity delivered = activity_of(
      "lab: nat\nscenario: scenarios/inbound-blocked.json\nid: p\npredict: delivered\nask: Arrives?\nrun: step 2\n");
  activity::PredictionOutcome no = activity::run_prediction(delivered, labs, "No");
  CHECK(no.right);
  CHECK(no.engine == "no");
  CHECK(no.explanation == lab.records()[1].packets[0].reason);
  CHECK_FALSE(activity::run_prediction(delivered, labs, "yes").right);

  // A run line the lab refuses: nothing is graded.
  const Activity too_far = activity_of(
      "lab: nat\nscenario: scenarios/inbound-blocked.json\nid: p\npredict: delivered\nask: Arrives?\nrun: step 50\n");
  activity::PredictionOutcome refused = activity::run_prediction(too_far, labs, "yes");
  CHECK_FALSE(refused.right);
  CHECK(refused.problem.rfind("'step 50' cannot be done: ", 0) == 0);
}

TEST_CASE("prove: a solution that reaches its goals on fresh labs is proven") {
  CHECK(proof_issues(activity_of("lab: bind\nos: linux\nuid: 1000\nid: a\ngoal: bind ok port=80 uid=1000 cap=no\n"
                                 "solution: sysctl net.ipv4.ip_unprivileged_port_start=80\nsolution: bind 80\n"
                                 "predict: errno\nask: Which?\nchoices: EACCES, OK\nrun: bind 80\n"))
            .empty());
  CHECK(proof_issues(activity_of("lab: port-explorer\nid: a\ngoal: answer ssh\nsolution: answer SSH\n")).empty());
  CHECK(proof_issues(activity_of("lab: nat\nscenario: scenarios/inbound-blocked.json\nid: a\n"
                                 "goal: reachable from=192.0.2.99 to=192.168.1.10:22\n"
                                 "solution: forward tcp 22 192.168.1.10:22\n"))
            .empty());
}

TEST_CASE("prove: a goal already met, a goal not reached and a failing line are reported at their lines") {
  CHECK(proof_issues(activity_of("lab: ephemeral\nrange: 40000-40003\ncount: 2\nid: a\ngoal: call ok count=2\n"
                                 "goal: call ok count=3\nsolution: open 1\n")) ==
        std::vector<std::string>{"14: goal is already met when the step opens"});

  labs::BindLab expected;
  REQUIRE(expected.apply_preset(test::make_preset({{"os", "linux"}, {"uid", "1000"}})) == "");
  expected.request().port = 80;
  const std::string refusal = expected.try_bind().decision.explanation;
  CHECK(proof_issues(activity_of("lab: bind\nos: linux\nuid: 1000\nid: a\ngoal: bind ok port=80\n"
                                 "solution: bind 80\n")) ==
        std::vector<std::string>{"14: the solution does not reach this goal: " + refusal});

  const std::vector<std::string> failing =
      proof_issues(activity_of("lab: nat\nscenario: scenarios/inbound-blocked.json\nid: a\ngoal: dropped event=2\n"
                               "solution: step 50\n"));
  REQUIRE(failing.size() == 1);
  CHECK(failing[0].rfind("14: solution: 'step 50' cannot be done: ", 0) == 0);

  CHECK(proof_issues(activity_of("lab: bind\nos: linux\nuid: 1000\nid: a\npredict: errno\nask: Which?\n"
                                 "choices: EADDRINUSE, EINVAL\nrun: bind 80\n")) ==
        std::vector<std::string>{"14: none of the choices is the engine's answer 'EACCES'"});

  const std::vector<std::string> no_call =
      proof_issues(activity_of("lab: bind\nos: linux\nid: a\npredict: errno\nask: Which?\nrun: uid 0\n"));
  CHECK(no_call == std::vector<std::string>{"13: the prediction's run fails: the run makes no bind()"});
}

TEST_CASE("prove: every activity of the shipped course is proven") {
  std::vector<course::Issue> issues;
  const course::Course c = test::shipped_course();
  const std::vector<Activity> all = activity::course_activities(c, issues);
  INFO(said(issues));
  CHECK(issues.empty());
  // Every scenario of lessons/scenarios, named as the app names them.
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(PORTLAB_SOURCE_DIR) + "/lessons/scenarios"))
    if (entry.path().extension() == ".json") names.push_back(entry.path().filename().string());
  std::vector<SourceFile> files = test::read_repo_files("lessons/scenarios", names);
  for (SourceFile& f : files) f.name = f.name.substr(std::string("lessons/").size());
  for (const Activity& a : all) {
    const activity::Proof proof = activity::prove(a, files, a.lesson_id);
    INFO(a.key() << "\n" << said(proof.issues));
    CHECK(proof.proven);
  }
}
