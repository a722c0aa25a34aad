// The NAT Lab's model: challenges solved through its API (and not by wrong
// rules), stepping back to exactly the earlier state, and every NAT preset
// of the shipped course applying.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/course/course.h"
#include "core/labs/nat_lab.h"

using portlab::SourceFile;
using portlab::labs::NatLab;
using portlab::labs::NatRuleInput;
namespace nat = portlab::nat;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::filesystem::path lessons_dir() {
  return std::filesystem::path(PORTLAB_SOURCE_DIR) / "lessons";
}

// The scenario files as the app hands them over: names relative to lessons/.
std::vector<SourceFile> scenario_files() {
  std::vector<SourceFile> files;
  for (const auto& entry : std::filesystem::directory_iterator(lessons_dir() / "scenarios"))
    if (entry.path().extension() == ".json")
      files.push_back({"scenarios/" + entry.path().filename().string(), read_file(entry.path())});
  std::sort(files.begin(), files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.name < b.name; });
  return files;
}

NatRuleInput rule(const char* proto, int external, const char* address, int internal) {
  NatRuleInput in;
  in.proto = proto;
  in.external_port = external;
  in.internal_address = address;
  in.internal_port = internal;
  return in;
}

// Everything a learner sees of the lab at this moment, as text.
std::string state_of(const NatLab& lab) {
  std::string s = "step " + std::to_string(lab.step()) + "\n";
  for (const auto& r : lab.records()) {
    s += r.title + " | " + r.summary + "\n";
    for (const auto& p : r.packets) {
      s += nat::describe(p.before) + " => " + nat::describe(p.after) + " " +
           nat::to_string(p.action) + " at " + p.dropped_at + ": " + p.reason + "\n";
    }
  }
  for (const auto& row : lab.table())
    s += row.nat + " " + row.proto + " " + row.inside + " " + row.outside + " " + row.remote +
         " " + row.state + " " + std::to_string(row.expires_in_s) + "\n";
  return s;
}

void run_to_end(NatLab& lab) {
  while (lab.step_forward()) {
  }
}

}  // namespace

TEST_CASE("NAT Lab game-server challenge: a forward of tcp 25565 to the server solves it") {
  NatLab lab;
  REQUIRE(lab.open_link("game-server") == "");
  CHECK(lab.challenge_id() == "game-server");
  CHECK_FALSE(lab.challenge_solved());
  run_to_end(lab);
  // Without a rule the friend's SYN stops at the router.
  const auto& join = lab.records().back().packets.front();
  CHECK(join.action == nat::Action::Dropped);
  CHECK(join.path.back() == "router");

  CHECK(lab.add_rule(rule("tcp", 25565, "192.168.1.30", 25565)) == "");
  CHECK(lab.challenge_solved());
  CHECK(lab.challenge()->engine_showed.find("192.168.1.30:25565") != std::string::npos);
  // The timeline was replayed with the rule: the SYN now reaches the server.
  const auto& now = lab.records().back().packets.front();
  CHECK(now.action == nat::Action::Delivered);
  CHECK(nat::describe(now.after).find("192.168.1.30:25565") != std::string::npos);
  CHECK(now.path == std::vector<std::string>{"198.51.100.50", "router", "192.168.1.30"});

  // Removing the rule unsolves it again.
  lab.remove_rule(0);
  CHECK_FALSE(lab.challenge_solved());
}

TEST_CASE("NAT Lab game-server challenge: wrong rules do not solve it") {
  NatLab lab;
  REQUIRE(lab.open_challenge("game-server") == "");
  SUBCASE("udp instead of tcp") {
    CHECK(lab.add_rule(rule("udp", 25565, "192.168.1.30", 25565)) == "");
  }
  SUBCASE("the laptop instead of the server") {
    CHECK(lab.add_rule(rule("tcp", 25565, "192.168.1.10", 25565)) == "");
  }
  SUBCASE("the wrong external port") {
    CHECK(lab.add_rule(rule("tcp", 25566, "192.168.1.30", 25565)) == "");
  }
  CHECK(lab.rules().size() == 1);
  CHECK_FALSE(lab.challenge_solved());
  CHECK(lab.check() == false);
  CHECK(lab.challenge()->engine_showed.rfind("Not yet", 0) == 0);
}

TEST_CASE("NAT Lab rules: the engine's refusal comes back as a sentence and changes nothing") {
  NatLab lab;
  REQUIRE(lab.open_challenge("game-server") == "");
  // Not on the LAN 192.168.1.0/24: the engine refuses.
  std::string outside = lab.add_rule(rule("tcp", 25565, "10.9.9.9", 25565));
  CHECK_FALSE(outside.empty());
  CHECK(outside.find("10.9.9.9") != std::string::npos);
  CHECK(lab.rules().empty());
  REQUIRE(lab.add_rule(rule("tcp", 25565, "192.168.1.30", 25565)) == "");
  std::string clash = lab.add_rule(rule("both", 25565, "192.168.1.10", 25565));
  CHECK_FALSE(clash.empty());
  CHECK(lab.rules().size() == 1);
  CHECK(lab.add_rule(rule("tcp", 70000, "192.168.1.30", 25565)).find("1-65535") !=
        std::string::npos);
  CHECK(lab.add_rule(rule("sctp", 25565, "192.168.1.30", 25565)).find("tcp, udp or both") !=
        std::string::npos);
  CHECK(lab.add_rule(rule("tcp", 25565, "192.168.1", 25565)).rfind("Internal address", 0) == 0);
}

TEST_CASE("NAT Lab web-server-8081 challenge: the external and internal ports differ") {
  NatLab lab;
  REQUIRE(lab.open_link("web-server-8081") == "");
  CHECK(lab.add_rule(rule("tcp", 8081, "192.168.1.20", 8081)) == "");
  CHECK_FALSE(lab.challenge_solved());  // nothing listens on 8081 inside
  lab.remove_rule(0);
  CHECK(lab.add_rule(rule("tcp", 8081, "192.168.1.20", 80)) == "");
  CHECK(lab.challenge_solved());
}

TEST_CASE("NAT Lab video-call challenge: symmetric drops the punch, cone NATs let it in") {
  NatLab lab;
  REQUIRE(lab.open_link("video-call") == "");
  CHECK(std::string(lab.profile().key) == "symmetric");
  CHECK_FALSE(lab.check());  // nothing chosen yet
  run_to_end(lab);
  const auto& punch = lab.records().back().packets.front();
  CHECK(punch.action == nat::Action::Dropped);
  // The peer aimed at the port the rendezvous server saw, not at 5000.
  CHECK(punch.before.dst == lab.records()[0].packets[0].after.src);
  CHECK(lab.records()[0].packets[0].after.src != lab.records()[1].packets[0].after.src);

  lab.choose("symmetric");
  CHECK_FALSE(lab.check());
  CHECK(lab.challenge()->engine_showed.find("was dropped") != std::string::npos);
  lab.choose("no-such-behaviour");  // ignored
  CHECK(std::string(lab.profile().key) == "symmetric");

  lab.choose("full_cone");
  CHECK(lab.check());
  CHECK(lab.challenge_solved());
  CHECK(std::string(lab.profile().key) == "full_cone");
  // The engine's story names both runs.
  CHECK(lab.challenge()->engine_showed.find("reached 192.168.1.10:5000") != std::string::npos);
  CHECK(lab.challenge()->engine_showed.find("Under Symmetric") != std::string::npos);
  // The lab stayed at its step and now shows the punch arriving.
  CHECK(lab.records().back().packets.front().action == nat::Action::Delivered);

  lab.choose("port_restricted_cone");
  CHECK(lab.check());
  lab.choose("symmetric");
  CHECK_FALSE(lab.check());
  CHECK_FALSE(lab.challenge_solved());
}

TEST_CASE("NAT Lab step back returns exactly the earlier state") {
  NatLab lab;
  lab.set_scenarios(scenario_files());
  REQUIRE(lab.open_link("pat-home") == "");
  REQUIRE(lab.event_count() == 5);
  std::vector<std::string> states{state_of(lab)};
  while (lab.step_forward()) states.push_back(state_of(lab));
  CHECK(lab.step() == 5);
  CHECK(lab.table().size() >= 4);
  for (size_t n = states.size() - 1; n > 0; --n) {
    REQUIRE(lab.step_back());
    CHECK(lab.step() == n - 1);
    CHECK(state_of(lab) == states[n - 1]);
  }
  CHECK_FALSE(lab.step_back());
}

TEST_CASE("NAT Lab play, speed and advance move through the timeline deterministically") {
  NatLab lab;
  REQUIRE(lab.open_challenge("video-call") == "");
  lab.set_speed(2.0);
  lab.play();
  CHECK(lab.playing());
  CHECK(lab.step() == 1);
  CHECK(lab.progress() == 0.0);
  lab.advance(NatLab::kStepMs / 4);  // half of a step at double speed
  CHECK(lab.progress() == doctest::Approx(0.5));
  lab.advance(NatLab::kStepMs / 4);
  CHECK(lab.progress() == doctest::Approx(1.0));
  lab.advance(1);  // arrived: the next step starts
  CHECK(lab.step() == 2);
  lab.pause();
  lab.finish_animation();
  lab.advance(10000);
  CHECK(lab.step() == 2);
  CHECK_FALSE(lab.moving());
  lab.set_speed(100);
  CHECK(lab.speed() == 4.0);
}

TEST_CASE("NAT Lab links and presets: unknown names change nothing") {
  NatLab lab;
  lab.set_scenarios(scenario_files());
  REQUIRE(lab.open_link("video-call") == "");
  lab.step_forward();
  std::string problem = lab.open_link("no-such-thing");
  CHECK(problem.find("no-such-thing") != std::string::npos);
  CHECK(problem.find("game-server") != std::string::npos);
  CHECK(lab.challenge_id() == "video-call");
  CHECK(lab.step() == 1);

  portlab::course::Directive d;
  d.params = {{"scenario", "scenarios/port-forward.json", 1}, {"profile", "nosuch", 2}};
  CHECK(lab.apply_preset(d).find("nosuch") != std::string::npos);
  CHECK(lab.challenge_id() == "video-call");
  d.params = {{"scenario", "scenarios/port-forward.json", 1}, {"profile", "full_cone", 2}};
  CHECK(lab.apply_preset(d) == "");
  CHECK(lab.challenge_id() == "");
  CHECK(lab.title() == "port-forward");
  CHECK(std::string(lab.profile().key) == "full_cone");
  d.params = {{"challenge", "game-server", 1}};
  CHECK(lab.apply_preset(d) == "");
  CHECK(lab.challenge_id() == "game-server");
}

TEST_CASE("NAT Lab: scenarios handed over with full paths are found by a lesson's relative name") {
  NatLab lab;
  std::vector<SourceFile> files = scenario_files();
  for (SourceFile& f : files) f.name = "/opt/portlab/assets/lessons/" + f.name;
  lab.set_scenarios(files);
  portlab::course::Directive d;
  d.params = {{"scenario", "scenarios/cgn-nat444.json", 1}};
  CHECK(lab.apply_preset(d) == "");
  CHECK(lab.title() == "cgn-nat444");
  CHECK(lab.network().cgn() != nullptr);
  d.params = {{"scenario", "scenarios/missing.json", 1}};
  CHECK(lab.apply_preset(d).find("missing") != std::string::npos);
  CHECK(lab.title() == "cgn-nat444");
}

TEST_CASE("NAT Lab: every NAT preset of the shipped course applies") {
  std::vector<SourceFile> lessons;
  for (const auto& entry : std::filesystem::directory_iterator(lessons_dir()))
    if (entry.path().extension() == ".md" && entry.path().filename() != "README.md")
      lessons.push_back({"lessons/" + entry.path().filename().string(), read_file(entry.path())});
  portlab::course::Course course = portlab::course::load_course(lessons);
  REQUIRE(!course.lessons.empty());
  NatLab lab;
  lab.set_scenarios(scenario_files());
  int nat_blocks = 0;
  for (const auto& lesson : course.lessons)
    for (const auto& step : lesson.steps)
      for (const auto& d : step.directives) {
        if (d.kind != portlab::course::Directive::Kind::Sim || d.get("lab") != "nat") continue;
        ++nat_blocks;
        std::string where = lesson.file + ":" + std::to_string(d.line);
        INFO(where);
        CHECK(lab.apply_preset(d) == "");
        CHECK(lab.event_count() > 0);
        // Every event of the scenario runs.
        run_to_end(lab);
        CHECK(lab.step() == lab.event_count());
      }
  CHECK(nat_blocks >= 5);
  // And every scenario file opens by its short name.
  for (const auto& name : lab.scenario_names()) {
    INFO(name);
    CHECK(lab.open_scenario(name) == "");
  }
}
