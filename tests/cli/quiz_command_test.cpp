#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_runner.h"

using portlab::testing::run_cli;
namespace fs = std::filesystem;
namespace json = portlab::json;

namespace {

const std::string kBank = std::string(PORTLAB_SOURCE_DIR) + "/quiz/bank";

// A fresh directory for one test's bank files, removed afterwards.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name)
      : path(fs::temp_directory_path() / ("portlab-quiz-test-" + name)) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

}  // namespace

TEST_CASE("cli quiz check: the shipped bank has no errors (quiz/bank --json)") {
  auto r = run_cli({"quiz", "check", kBank, "--json"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  json::Value j = r.json();
  REQUIRE(j.is_object());
  CHECK(j.find("questions")->as_number() >= 30);
  CHECK(j.find("files")->as_number() == 5);
  REQUIRE(j.find("errors")->is_array());
  CHECK(j.find("errors")->as_array().empty());
  const json::Value* by_topic = j.find("by_topic");
  REQUIRE(by_topic);
  double total = 0;
  for (const char* topic : {"ports", "ranges", "privileged", "ephemeral", "nat"}) {
    CAPTURE(topic);
    REQUIRE(by_topic->find(topic));
    CHECK(by_topic->find(topic)->as_number() >= 5);
    total += by_topic->find(topic)->as_number();
  }
  CHECK(total == j.find("questions")->as_number());
  const json::Value* by_type = j.find("by_type");
  REQUIRE(by_type);
  for (const char* type : {"single_choice", "multiple_choice", "true_false", "numeric",
                           "short_answer", "matching"}) {
    CAPTURE(type);
    CHECK(by_type->find(type)->as_number() >= 1);
  }
  CHECK(by_type->find("simulation")->as_number() == 0);
}

TEST_CASE("cli quiz check: readable text without --json") {
  auto r = run_cli({"quiz", "check", kBank});
  CHECK(r.status == 0);
  CHECK(r.out.find("questions in 5 files, no errors") != std::string::npos);
  CHECK(r.out.find("by topic: ports ") != std::string::npos);
}

TEST_CASE("cli quiz check: errors as file:line: message, exit 1, other questions counted") {
  TempDir dir("errors");
  std::string file = dir.write("bad.gift",
                               "$CATEGORY: portlab/nat\n\n"
                               "::ok:: fine {T}\n\n"
                               "::broken:: Which? {~a ~b}\n\n"
                               "::ok2:: fine {F}\n");
  auto text = run_cli({"quiz", "check", file});
  CHECK(text.status == 1);
  CHECK(text.out.find(file + ":5: no option is right") == 0);
  CHECK(text.out.find("2 questions in 1 file, 1 error") != std::string::npos);

  auto r = run_cli({"quiz", "check", file, "--json"});
  CHECK(r.status == 1);
  json::Value j = r.json();
  CHECK(j.find("questions")->as_number() == 2);
  CHECK(j.find("by_type")->find("true_false")->as_number() == 2);
  CHECK(j.find("by_topic")->find("nat")->as_number() == 2);
  const json::Array& errors = j.find("errors")->as_array();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("file")->as_string() == file);
  CHECK(errors[0].find("line")->as_number() == 5);
  CHECK(errors[0].find("message")->as_string().find("no option is right") == 0);
}

TEST_CASE("cli quiz check DIR: every *.gift in name order, ids unique across files") {
  TempDir dir("dir");
  dir.write("b.gift", "$CATEGORY: portlab/ports\n\n::same:: b {T}\n\n::b-bad:: Why? {}\n");
  dir.write("a.gift", "$CATEGORY: portlab/ranges\n\n::same:: a {T}\n\n::a-bad:: Pick {~x ~y}\n");
  dir.write("notes.txt", "not a bank {");
  auto r = run_cli({"quiz", "check", dir.path.string(), "--json"});
  CHECK(r.status == 1);
  json::Value j = r.json();
  CHECK(j.find("files")->as_number() == 2);
  CHECK(j.find("questions")->as_number() == 1);
  const json::Array& errors = j.find("errors")->as_array();
  REQUIRE(errors.size() == 3);
  auto name = [](const json::Value& e) {
    return fs::path(e.find("file")->as_string()).filename().string();
  };
  CHECK(name(errors[0]) == "a.gift");
  CHECK(name(errors[1]) == "b.gift");
  CHECK(errors[1].find("line")->as_number() == 3);
  CHECK(errors[1].find("message")->as_string().find("question id 'same' is already used in") == 0);
  CHECK(name(errors[2]) == "b.gift");
  CHECK(errors[2].find("message")->as_string().find("essay") != std::string::npos);
}

TEST_CASE("cli quiz: bad input exits 2 with one line on stderr") {
  auto missing = run_cli({"quiz", "check", "/no/such/bank.gift"});
  CHECK(missing.status == 2);
  CHECK(missing.err_lines() == 1);
  CHECK(missing.err.find("no such file or directory: /no/such/bank.gift") != std::string::npos);
  CHECK(missing.out.empty());

  TempDir empty("empty");
  auto none = run_cli({"quiz", "check", empty.path.string()});
  CHECK(none.status == 2);
  CHECK(none.err.find("contains no .gift files") != std::string::npos);

  auto verb = run_cli({"quiz", "grade", kBank});
  CHECK(verb.status == 2);
  CHECK(verb.err_lines() == 1);
  CHECK(verb.err.find("unknown sub-command 'grade' (known: check)") != std::string::npos);

  CHECK(run_cli({"quiz"}).status == 2);
  CHECK(run_cli({"quiz", "check"}).status == 2);
  CHECK(run_cli({"quiz", "check", kBank, "--yaml"}).status == 2);
  CHECK(run_cli({"quiz", "check", kBank, kBank}).status == 2);
}
