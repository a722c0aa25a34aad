#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_runner.h"
#include "temp_dir.h"

using portlab::testing::run_cli;

namespace {
const std::string kData = std::string(PORTLAB_SOURCE_DIR) + "/tests/data/lessons/";
}

TEST_CASE("lessons check: a well-formed course reports its size and no errors") {
  auto r = run_cli({"lessons", "check", kData + "course", "--json"});
  CHECK(r.status == 0);
  auto j = r.json();
  CHECK(j.find("lessons")->as_number() == 1);
  CHECK(j.find("steps")->as_number() == 5);
  CHECK(j.find("errors")->size() == 0);
  CHECK(j.find("course")->as_array()[0].find("id")->as_string() == "sample");
}

TEST_CASE("lessons check: a broken file is reported as file:line and the other lesson still loads") {
  auto r = run_cli({"lessons", "check", kData + "broken", "--json"});
  CHECK(r.status == 1);
  auto j = r.json();
  CHECK(j.find("lessons")->as_number() == 1);
  const auto& errors = j.find("errors")->as_array();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("file")->as_string() == kData + "broken/02-broken.md");
  CHECK(errors[0].find("line")->as_number() == 9);
  CHECK(errors[0].find("message")->as_string() ==
        "port: port 99999 does not fit in 16 bits (ports are 0-65535)");
}

TEST_CASE("lessons check: text output lists lessons, then errors as file:line: message") {
  auto r = run_cli({"lessons", "check", kData + "broken"});
  CHECK(r.status == 1);
  CHECK(r.out.find("sample: A sample lesson (5 steps)\n") != std::string::npos);
  CHECK(r.out.find(kData + "broken/02-broken.md:9: port: port 99999") != std::string::npos);
  CHECK(r.out.find("1 lesson, 5 steps, 1 error\n") != std::string::npos);
}

TEST_CASE("lessons check: a valid lesson short of the course shape is reported") {
  auto r = run_cli({"lessons", "check", kData + "draft", "--json"});
  CHECK(r.status == 1);
  auto j = r.json();
  CHECK(j.find("lessons")->as_number() == 1);  // it loads: the app would show it
  std::vector<std::string> messages;
  for (const auto& e : j.find("errors")->as_array()) messages.push_back(e.find("message")->as_string());
  CHECK(messages == std::vector<std::string>{
                        "the lesson lists no objectives",
                        "the lesson has 1 steps; a course lesson has 5-12",
                        "the lesson has 0 simulation steps; a course lesson has at least 2",
                        "the lesson has no checkpoint quiz (a ```quiz block)"});
}

TEST_CASE("lessons: bad usage exits 2 with one line") {
  for (auto words : {std::vector<std::string>{"lessons"}, std::vector<std::string>{"lessons", "lint"},
                     std::vector<std::string>{"lessons", "check", kData + "missing"},
                     std::vector<std::string>{"lessons", "check", "--strict"}}) {
    auto r = run_cli(words);
    CHECK(r.status == 2);
    CHECK(r.err_lines() == 1);
    CHECK(r.out.empty());
  }
}

TEST_CASE("lessons check: presets run through the engines; what they refuse is reported at its line") {
  auto r = run_cli({"lessons", "check", kData + "presets", "--json"});
  CHECK(r.status == 1);
  // "line: message" of every error below line 1 (line 1 holds the course-shape notes).
  std::vector<std::string> found;
  const auto j = r.json();
  for (const auto& e : j.find("errors")->as_array()) {
    const int line = static_cast<int>(e.find("line")->as_number());
    if (line > 1) found.push_back(std::to_string(line) + ": " + e.find("message")->as_string());
  }
  REQUIRE(found.size() == 4);
  CHECK(found[0] ==
        "10: range: net.ipv4.ip_local_port_range: the low end 500 is below "
        "net.ipv4.ip_unprivileged_port_start=1024, so the kernel refuses the write with EINVAL");
  CHECK(found[1].rfind("17: existing: '0.0.0.0:80/tcp:listen' cannot exist on this host", 0) == 0);
  CHECK(found[2] == "23: scenario: cannot open '" + kData +
                        "presets/scenarios/missing.json': No such file or directory");
  CHECK(found[3] == "28: scenario " + kData +
                        "presets/scenarios/broken.json: $.events[0].send.from: endpoint "
                        "'192.168.1.10' has no port; write address:port like 192.168.1.10:5000");
}

namespace {

// A lesson with three activities: two whose solutions work, one whose
// solution cannot reach its goal (line 37), and a NAT scenario beside it.
const char* const kActivities = R"(---
id: acts
title: Activities
---

## One
Text.

```sim
lab: bind
os: linux
uid: 1000
id: low-port
goal: bind ok port=80 uid=1000
solution: sysctl net.ipv4.ip_unprivileged_port_start=80
solution: bind 80
```

## Two
Text.

```sim
lab: nat
scenario: scenarios/inbound-blocked.json
id: stranger
predict: delivered
ask: Does the stranger's packet arrive?
choices: yes, no
run: step 2
```

```sim
lab: bind
os: linux
uid: 1000
id: stuck
goal: bind ok port=80
solution: bind 80
```
)";

std::string read_repo_file(const std::string& path) {
  std::ifstream in(std::string(PORTLAB_SOURCE_DIR) + "/" + path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("lessons check: activities are replayed on fresh labs; --json lists them and counts the proven") {
  TempDir dir("activities");
  dir.write("01-acts.md", kActivities);
  std::filesystem::create_directories(dir.path / "scenarios");
  dir.write("scenarios/inbound-blocked.json", read_repo_file("lessons/scenarios/inbound-blocked.json"));
  const auto r = run_cli({"lessons", "check", dir.path.string(), "--json"});
  CHECK(r.status == 1);
  const auto j = r.json();
  CHECK(j.find("proven")->as_number() == 2);
  const auto& list = j.find("activities")->as_array();
  REQUIRE(list.size() == 3);
  CHECK(list[0].find("lesson")->as_string() == "acts");
  CHECK(list[0].find("id")->as_string() == "low-port");
  CHECK(list[0].find("step")->as_number() == 1);
  CHECK(list[0].find("lab")->as_string() == "bind");
  CHECK(list[0].find("line")->as_number() == 9);
  REQUIRE(list[0].find("goals")->size() == 1);
  CHECK(list[0].find("goals")->as_array()[0].as_string() == "bind ok port=80 uid=1000");
  CHECK(list[0].find("prediction")->is_null());
  CHECK(list[0].find("proven")->as_bool());
  CHECK(list[1].find("id")->as_string() == "stranger");
  CHECK(list[1].find("step")->as_number() == 2);
  CHECK(list[1].find("goals")->size() == 0);
  CHECK(list[1].find("prediction")->as_string() == "delivered");
  CHECK(list[1].find("proven")->as_bool());
  CHECK(list[2].find("id")->as_string() == "stuck");
  CHECK_FALSE(list[2].find("proven")->as_bool());
  // The unproven goal is an error at its line, with the engine's reason.
  std::vector<std::string> at_37;
  for (const auto& e : j.find("errors")->as_array())
    if (e.find("line")->as_number() == 37) at_37.push_back(e.find("message")->as_string());
  REQUIRE(at_37.size() == 1);
  CHECK(at_37[0].rfind("the solution does not reach this goal: ", 0) == 0);
  CHECK(at_37[0].find("EACCES") != std::string::npos);

  const auto text = run_cli({"lessons", "check", dir.path.string()});
  CHECK(text.out.find((dir.path / "01-acts.md").string() + ":37: the solution does not reach this goal: ") !=
        std::string::npos);
  CHECK(text.out.find("\n3 activities, 2 proven\n") != std::string::npos);
}

TEST_CASE("lessons check: the shipped course's activities are all proven") {
  const auto r = run_cli({"lessons", "check", std::string(PORTLAB_SOURCE_DIR) + "/lessons", "--json"});
  const auto j = r.json();
  const auto& list = j.find("activities")->as_array();
  CHECK(!list.empty());
  CHECK(j.find("proven")->as_number() == static_cast<double>(list.size()));
}
