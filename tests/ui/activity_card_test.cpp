// The activity card and the setup link button: what a learner clicks and
// types reaches the model's activity commands, and the card shows the
// engine's verdict; the button's link is one the app can open again.
#include "ui/widgets/activity_card.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/activity/activity.h"
#include "core/activity/setup_link.h"
#include "core/nav/route.h"
#include "core/progress/lesson_progress.h"
#include "ui/keys.h"
#include "ui/widgets/setup_link_button.h"
#include "a11y_nodes.h"
#include "view_harness.h"

using namespace portlab;

namespace {

// A ```sim block as a lesson would have it, one line per key.
course::Directive sim_block(const std::vector<std::pair<std::string, std::string>>& lines) {
  course::Directive d;
  d.kind = course::Directive::Kind::Sim;
  d.line = 10;
  int line = 11;
  for (const auto& [key, value] : lines) d.params.push_back({key, value, line++});
  return d;
}

activity::Activity parse(const course::Directive& block) {
  std::vector<course::Issue> issues;
  std::optional<activity::Activity> a = activity::parse_activity(block, "ports", 0, "ports.md", issues);
  for (const course::Issue& i : issues) INFO(i.where() << ": " << i.message);
  REQUIRE(issues.empty());
  REQUIRE(a);
  return *a;
}

activity::Activity answer_activity() {
  return parse(sim_block({{"lab", "port-explorer"},
                          {"id", "https-port"},
                          {"goal", "answer 443 | https"},
                          {"hint", "Look up the port HTTPS uses."},
                          {"hint", "Search the Explorer for https."},
                          {"hint", "It is 443."},
                          {"solution", "answer 443"}}));
}

activity::Activity bind_prediction(bool with_choices) {
  std::vector<std::pair<std::string, std::string>> lines = {{"lab", "bind"},
                                                            {"os", "linux"},
                                                            {"id", "predict-80"},
                                                            {"predict", "errno"},
                                                            {"ask", "Which errno will bind(80) get as uid 1000?"},
                                                            {"run", "uid 1000"},
                                                            {"run", "bind 80"}};
  if (with_choices) lines.push_back({"choices", "OK, EACCES, EADDRINUSE"});
  return parse(sim_block(lines));
}

struct CardFixture {
  test::ViewHarness h;
  ui::ActivityCard card;
  test::ViewHarness::DrawFn draw = test::ViewHarness::in_window([this] { card.draw(h.context()); });

  explicit CardFixture(const activity::Activity& a) {
    REQUIRE(h.model.open_activity(a) == "");
    h.frames(3, draw);  // the card measures its height on the first frame
  }
  bool click(const std::string& label) { return h.click(label, draw); }
  // Clicks a text field and types into it as a learner would.
  void type_into(const char* label, const std::string& text) {
    REQUIRE_MESSAGE(click(label), label);
    for (char c : text) {
      ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
      h.frame(draw);
    }
  }
  bool shows_starting(const std::string& prefix) const {
    return std::any_of(card.shown().begin(), card.shown().end(),
                       [&](const std::string& s) { return s.rfind(prefix, 0) == 0; });
  }
};

}  // namespace

TEST_CASE("activity card: an answer goal is shown in words only, and hints come one at a time") {
  CardFixture f(answer_activity());
  // An answer goal is put in words: as written it would give the answer away.
  CHECK(f.card.shows("Goal: Find the value and type it as your answer."));
  CHECK_FALSE(f.shows_starting("Goal: answer"));
  CHECK_FALSE(f.shows_starting("answer"));  // nor the line as written below it
  CHECK_FALSE(f.shows_starting("Hint 1"));
  REQUIRE(f.click("Show a hint"));
  CHECK(f.card.shows("Hint 1 of 3: Look up the port HTTPS uses."));
  CHECK_FALSE(f.shows_starting("Hint 2"));
  REQUIRE(f.click("Show a hint"));
  CHECK(f.card.shows("Hint 2 of 3: Search the Explorer for https."));
  REQUIRE(f.click("Show a hint"));
  CHECK(f.card.shows("Hint 3 of 3: It is 443."));
  // Every hint shown: the button is gone.
  CHECK(f.h.find("Show a hint") == nullptr);
}

TEST_CASE("activity card: an answer goal is met by typing the value and pressing Check") {
  CardFixture f(answer_activity());
  CHECK_FALSE(f.shows_starting("\xE2\x9C\x93 Goal met"));
  f.type_into("Your answer", "44");
  REQUIRE(f.click("Check"));
  CHECK(f.card.shows("Not yet: that is not the value the goal asks for."));
  CHECK_FALSE(f.h.model.activity_done("ports/https-port"));
  // Typing on: the warning goes until the next Check.
  f.type_into("Your answer", "3");
  CHECK_FALSE(f.card.shows("Not yet: that is not the value the goal asks for."));
  REQUIRE(f.click("Check"));
  CHECK(f.card.shows("\xE2\x9C\x93 Goal met"));
  CHECK_FALSE(f.card.shows("Not yet: that is not the value the goal asks for."));
  CHECK(f.h.model.activity_done("ports/https-port"));
}

TEST_CASE("activity card: a goal met before is marked done even when the lab starts afresh") {
  CardFixture f(answer_activity());
  progress::record_activity_met(f.h.model.progress, "ports", "https-port", 1000);
  f.h.frames(2, f.draw);
  CHECK(f.card.shows("\xE2\x9C\x93 Done earlier (you can do it again)"));
  CHECK_FALSE(f.card.shows("\xE2\x9C\x93 Goal met"));
}

TEST_CASE("activity card: a prediction chosen from choices is shown beside the engine's answer") {
  CardFixture f(bind_prediction(true));
  CHECK(f.card.shows("Which errno will bind(80) get as uid 1000?"));
  REQUIRE(f.h.find("Run the simulation"));
  // Nothing chosen yet: running does nothing.
  REQUIRE(f.click("Run the simulation"));
  CHECK_FALSE(f.h.model.activity_run->prediction);
  REQUIRE(f.click("EADDRINUSE"));
  REQUIRE(f.click("Run the simulation"));
  REQUIRE(f.h.model.activity_run->prediction);
  const activity::PredictionOutcome& outcome = *f.h.model.activity_run->prediction;
  INFO(outcome.problem);
  CHECK(outcome.engine == "EACCES");
  CHECK_FALSE(outcome.right);
  CHECK(f.card.shows("You predicted EADDRINUSE \xC2\xB7 the engine: EACCES \xE2\x9C\x97"));
  CHECK(f.card.shows(outcome.explanation));
  // The form is gone once the prediction is made.
  CHECK(f.h.find("Run the simulation") == nullptr);
}

TEST_CASE("activity card: a typed prediction that is right gets a check mark") {
  CardFixture f(bind_prediction(false));
  f.type_into("Your prediction", "eacces");
  REQUIRE(f.click("Run the simulation"));
  REQUIRE(f.h.model.activity_run->prediction);
  CHECK(f.h.model.activity_run->prediction->right);
  const auto said = std::find_if(f.card.shown().begin(), f.card.shown().end(),
                                 [](const std::string& s) { return s.rfind("You predicted ", 0) == 0; });
  REQUIRE(said != f.card.shown().end());
  CHECK(said->find("the engine: EACCES \xE2\x9C\x93") != std::string::npos);
}

TEST_CASE("activity card: an activity that is not open offers Start, which opens it") {
  test::ViewHarness h;
  ui::ActivityCard card;
  const activity::Activity a = answer_activity();
  auto draw = test::ViewHarness::in_window([&] { card.draw(h.context(), &a); });
  h.frames(3, draw);
  CHECK(card.shows("Goal: Find the value and type it as your answer."));
  CHECK(h.find("Your answer") == nullptr);
  REQUIRE(h.click("Start", draw));
  REQUIRE(h.model.activity_run);
  CHECK(h.model.activity_run->activity.key() == "ports/https-port");
  CHECK(h.find("Your answer") != nullptr);
}

TEST_CASE("activity card: its buttons and fields are reachable by keyboard") {
  CardFixture f(answer_activity());
  f.h.press_key(ui::keys::kDown, f.draw);  // the first press shows the highlight
  bool reached = false;
  for (int i = 0; i < 12 && !reached; ++i) {
    const ui::ProbedItem* item = f.h.find("Show a hint");
    reached = item && f.h.has_keyboard_focus(*item);
    if (!reached) f.h.press_key(ui::keys::kDown, f.draw);
  }
  REQUIRE(reached);
  f.h.press_key(ui::keys::kSpace, f.draw);
  CHECK(f.card.shows("Hint 1 of 3: Look up the port HTTPS uses."));
}

// --- the setup link button

namespace {

struct LinkFixture {
  test::ViewHarness h;
  ui::SetupLinkButton button;
  std::string lab = "bind";
  test::ViewHarness::DrawFn draw = test::ViewHarness::in_window([this] { button.draw(h.context(), lab); });
  LinkFixture() {
    ui::forget_class_goals();
    h.frames(2, draw);
  }
  ~LinkFixture() { ui::forget_class_goals(); }
  bool click(const std::string& label) { return h.click(label, draw); }
  void type_into(const char* label, const std::string& text) {
    REQUIRE_MESSAGE(click(label), label);
    for (char c : text) {
      ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
      h.frame(draw);
    }
  }
};

// Opens a link's fragment as the app would read it back.
std::string reopen(const std::string& link, course::Directive& setup) {
  const nav::ParsedRoute parsed = nav::parse_fragment(link);
  if (!parsed.problem.empty()) return parsed.problem;
  return activity::parse_setup(parsed.route, setup);
}

}  // namespace

TEST_CASE("setup link button: the copied link is one parse_setup accepts, with the lab as it is") {
  LinkFixture f;
  REQUIRE(f.h.model.bind.apply_preset(sim_block({{"lab", "bind"}, {"os", "linux"}, {"uid", "1000"}})) == "");
  REQUIRE(f.click("Copy link to this setup"));
  const std::string link = f.button.link();
  REQUIRE(link.rfind("#/bind/setup/", 0) == 0);  // natively the fragment alone
  CHECK(std::string(ImGui::GetClipboardText()) == link);
  CHECK(f.h.find("Link") != nullptr);  // shown for copying by hand
  course::Directive setup;
  REQUIRE(reopen(link, setup) == "");
  CHECK(setup.get("lab") == "bind");
  CHECK(setup.get("uid") == "1000");
  CHECK(setup.get("goal") == "");
  // The app's state() gives the same link.
  std::string problem;
  CHECK(ui::setup_link(f.h.model, "bind", "", problem) == link);
}

TEST_CASE("setup link button: a goal PortLab cannot judge is refused with the reason") {
  LinkFixture f;
  f.type_into("Goal for the class", "bind sometimes");
  REQUIRE(f.click("Copy link to this setup"));
  CHECK(f.button.link().empty());
  CHECK(f.button.message().rfind("Not copied: the goal for the class cannot be used (", 0) == 0);
  CHECK(ui::class_goal("bind").empty());
}

TEST_CASE("setup link button: a goal for the class goes into the link") {
  LinkFixture f;
  f.type_into("Goal for the class", "bind ok port=80 uid=1000");
  REQUIRE(f.click("Copy link to this setup"));
  INFO(f.button.message());
  REQUIRE_FALSE(f.button.link().empty());
  course::Directive setup;
  REQUIRE(reopen(f.button.link(), setup) == "");
  CHECK(setup.get("goal") == "bind ok port=80 uid=1000");
  CHECK(ui::class_goal("bind") == "bind ok port=80 uid=1000");
}

TEST_CASE("setup link button: on the web the link is the page's address and the fragment") {
  LinkFixture f;
  f.lab = "ephemeral";
  test::ViewHarness::DrawFn draw = test::ViewHarness::in_window([&] {
    ui::ViewContext ctx = f.h.context();
    ctx.page_address = "https://example.org/portlab/";
    f.button.draw(ctx, "ephemeral");
  });
  f.h.frames(2, draw);
  REQUIRE(f.h.click("Copy link to this setup", draw));
  CHECK(f.button.link().rfind("https://example.org/portlab/#/ephemeral/setup/", 0) == 0);
}

TEST_CASE("setup link button: a teacher's link opened in the lab keeps its goal when shared on") {
  LinkFixture f;
  const nav::ParsedRoute opened = nav::parse_fragment("#/bind/setup/os=linux&uid=1000&goal=bind%20ok%20port%3D80");
  REQUIRE(opened.problem.empty());
  nav::Route route = opened.route;
  REQUIRE(f.h.model.check_route(route) == "");
  REQUIRE(f.h.model.activity_run);
  std::string problem;
  course::Directive setup;
  REQUIRE(reopen(ui::setup_link(f.h.model, "bind", "", problem), setup) == "");
  CHECK(setup.get("goal") == "bind ok port=80");
  // Cleared by the teacher: no goal, although the link's is still open.
  ui::set_class_goal("bind", "");
  REQUIRE(reopen(ui::setup_link(f.h.model, "bind", "", problem), setup) == "");
  CHECK(setup.get("goal") == "");
}

TEST_CASE("activity card: a goal met and the engine's explanation are read out as status") {
  using ui::a11y::Role;
  CardFixture f(answer_activity());
  const ui::a11y::Node* field = test::node_with(Role::TextField, "Your answer");
  REQUIRE(field);
  const ui::a11y::Node* group = test::parent_of(*field);
  REQUIRE(group);
  CHECK(group->role == Role::Group);
  CHECK(group->name == "Your task");
  f.type_into("Your answer", "443");
  REQUIRE(f.click("Check"));
  REQUIRE(f.h.model.activity_run->verdict.met);
  CHECK(test::node_with(Role::Status, "Goal met") != nullptr);
  const std::string& why = f.h.model.activity_run->verdict.explanation;
  if (!why.empty()) CHECK(test::node_with(Role::Status, why) != nullptr);
}

TEST_CASE("activity card: a prediction's choices are radio buttons and its result a status") {
  using ui::a11y::Role;
  CardFixture f(bind_prediction(true));
  const ui::a11y::Node* choice = test::node_with(Role::Radio, "EACCES");
  REQUIRE(choice);
  REQUIRE(test::parent_of(*choice));
  CHECK(test::parent_of(*choice)->name == "Which errno will bind(80) get as uid 1000?");
  REQUIRE(f.click("EACCES"));
  CHECK((test::node_with(Role::Radio, "EACCES")->states & ui::a11y::kChecked) != 0);
  REQUIRE(f.click("Run the simulation"));
  CHECK(test::node_with(Role::Status, "You predicted EACCES") != nullptr);
}
