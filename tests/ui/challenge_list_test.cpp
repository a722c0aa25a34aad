// A lab screen's challenge list: the course's activities for that lab (and
// the NAT Lab's built-in challenges) with done marks from progress, and
// "Try it", which opens one in the lab and keeps the learner there.
#include "ui/widgets/challenge_list.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/activity/activity.h"
#include "core/labs/nat_lab_challenges.h"
#include "core/progress/lab_challenges.h"
#include "core/progress/lesson_progress.h"
#include "core/progress/progress_store.h"
#include "core/storage/key_value_store.h"
#include "view_harness.h"

using namespace portlab;

namespace {

course::Directive sim_block(const std::vector<std::pair<std::string, std::string>>& lines, int line) {
  course::Directive d;
  d.kind = course::Directive::Kind::Sim;
  d.line = line;
  for (const auto& [key, value] : lines) d.params.push_back({key, value, ++line});
  return d;
}

activity::Activity parse(const course::Directive& block, int step) {
  std::vector<course::Issue> issues;
  std::optional<activity::Activity> a = activity::parse_activity(block, "binding", step, "binding.md", issues);
  for (const course::Issue& i : issues) INFO(i.where() << ": " << i.message);
  REQUIRE(issues.empty());
  REQUIRE(a);
  return *a;
}

// Two Bind Lab activities and one Ephemeral Lab one, as a course would have.
void add_activities(model::Model& model) {
  model.content.activities.push_back(parse(sim_block({{"lab", "bind"},
                                                      {"os", "linux"},
                                                      {"uid", "1000"},
                                                      {"id", "low-port"},
                                                      {"goal", "bind fails EACCES port=80"},
                                                      {"solution", "bind 80"}},
                                                     10),
                                           0));
  model.content.activities.push_back(parse(sim_block({{"lab", "bind"},
                                                      {"os", "linux"},
                                                      {"id", "high-port"},
                                                      {"goal", "bind ok port=8080"},
                                                      {"solution", "bind 8080"}},
                                                     30),
                                           1));
  model.content.activities.push_back(
      parse(sim_block({{"lab", "ephemeral"}, {"id", "one-call"}, {"goal", "call ok"}, {"solution", "open 1"}}, 50), 2));
}

struct ListFixture {
  test::ViewHarness h;
  ui::ChallengeList list;
  std::string lab = "bind";
  test::ViewHarness::DrawFn draw = test::ViewHarness::in_window([this] {
    list.draw_open(h.context(), lab);
    list.draw(h.context(), lab);
  });
  ListFixture() {
    add_activities(h.model);
    h.navigator.go(nav::Route{nav::Screen::Bind, {}});
    h.frames(3, draw);
  }
  bool click(const std::string& label) { return h.click(label, draw); }
  bool shows(const std::string& text) const {
    return std::find(list.shown().begin(), list.shown().end(), text) != list.shown().end();
  }
};

}  // namespace

TEST_CASE("challenge list: the lab's challenges with done marks from progress, and the count") {
  ListFixture f;
  CHECK(f.list.total() == 2);  // the Ephemeral Lab's is not listed here
  CHECK(f.list.done() == 0);
  CHECK(f.shows("0 of 2 done"));
  CHECK(f.shows("low-port"));
  // Each goal in words for the learner.
  CHECK(f.shows("Make bind() on port 80 fail with EACCES."));

  progress::record_activity_met(f.h.model.progress, "binding", "low-port", 1000);
  f.h.frames(2, f.draw);
  CHECK(f.list.done() == 1);
  CHECK(f.shows("1 of 2 done"));
  CHECK(f.shows("\xE2\x9C\x93 low-port"));
  CHECK(f.shows("high-port"));  // not done: no mark
  CHECK_FALSE(f.shows("\xE2\x9C\x93 high-port"));
}

TEST_CASE("challenge list: Try it opens the challenge in the lab, its card above, on the lab screen") {
  ListFixture f;
  CHECK(f.list.card().shown().empty());  // nothing open: no card
  REQUIRE(f.click("Try it##binding/low-port"));
  REQUIRE(f.h.model.activity_run);
  CHECK(f.h.model.activity_run->activity.key() == "binding/low-port");
  CHECK(f.h.navigator.current().screen == nav::Screen::Bind);
  // The goal in words, and below it the line as the teacher wrote it.
  CHECK(f.list.card().shows("Goal: Make bind() on port 80 fail with EACCES."));
  CHECK(f.list.card().shows("bind fails EACCES port=80"));
  CHECK(f.h.find("Start again##binding/low-port") != nullptr);

  // Done in the lab (as the Bind Lab's form would): the card says the goal
  // is met, and the list marks it done from progress.
  activity::Labs labs;
  labs.bind = &f.h.model.bind;
  activity::Inputs inputs;
  REQUIRE(activity::perform("bind", "bind 80", labs, inputs) == "");
  f.h.frames(2, f.draw);
  CHECK(f.list.card().shows("\xE2\x9C\x93 Goal met"));
  CHECK(f.h.model.activity_done("binding/low-port"));
  CHECK(f.shows("1 of 2 done"));
}

TEST_CASE("challenge list: the NAT Lab lists its built-in challenges too") {
  ListFixture f;
  f.lab = "nat";
  f.h.navigator.go(nav::Route{nav::Screen::Nat, {}});
  f.h.frames(2, f.draw);
  const size_t built_in = labs::challenge_specs().size();
  CHECK(f.list.total() == static_cast<int>(built_in));
  const labs::ChallengeSpec& second = labs::challenge_specs()[1];
  CHECK(f.shows(second.title));
  REQUIRE(f.click("Try it##nat-challenge/" + second.id));
  CHECK(f.h.model.nat().challenge_id() == second.id);
  CHECK(f.h.navigator.current() == (nav::Route{nav::Screen::Nat, {second.id}}));
}

TEST_CASE("challenge list: a built-in NAT challenge recorded in progress keeps its done mark after a fresh load") {
  const labs::ChallengeSpec& first = labs::challenge_specs()[0];
  const labs::ChallengeSpec& third = labs::challenge_specs()[2];
  // Solved in an earlier session and saved.
  storage::MemoryStore memory;
  progress::Progress earlier = progress::fresh_progress(1000);
  REQUIRE(progress::record_lab_challenge(earlier, progress::lab_challenge_key("nat", third.id), 2000));
  REQUIRE(progress::ProgressStore(memory).save(earlier));

  ListFixture f;
  f.lab = "nat";
  f.h.model.progress = progress::ProgressStore(memory).load(3000).progress;
  f.h.navigator.go(nav::Route{nav::Screen::Nat, {}});
  f.h.frames(2, f.draw);
  // The lab opens on its first challenge, unsolved; the third is done from progress.
  REQUIRE(f.h.model.nat().challenge_id() == first.id);
  CHECK_FALSE(f.h.model.nat().challenge_solved());
  const int built_in = static_cast<int>(labs::challenge_specs().size());
  CHECK(f.list.total() == built_in);
  CHECK(f.list.done() == 1);
  CHECK(f.shows("1 of " + std::to_string(built_in) + " done"));
  CHECK(f.shows("\xE2\x9C\x93 " + third.title));
  CHECK(f.shows(first.title));
  CHECK_FALSE(f.shows("\xE2\x9C\x93 " + first.title));
}
