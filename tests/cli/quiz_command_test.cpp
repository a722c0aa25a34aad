#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_runner.h"
#include "temp_dir.h"
#include "usage_error_check.h"

using portlab::testing::check_usage_errors;
using portlab::testing::run_cli;
namespace fs = std::filesystem;
namespace json = portlab::json;

namespace {

const std::string kBank = std::string(PORTLAB_SOURCE_DIR) + "/quiz/bank";

}  // namespace

TEST_CASE("cli quiz check: the shipped bank has no errors (quiz/bank --json)") {
  auto r = run_cli({"quiz", "check", kBank, "--json"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  json::Value j = r.json();
  REQUIRE(j.is_object());
  CHECK(j.find("questions")->as_number() >= 30);
  CHECK(j.find("files")->as_number() == 8);
  REQUIRE(j.find("errors")->is_array());
  CHECK(j.find("errors")->as_array().empty());
  const json::Value* by_topic = j.find("by_topic");
  REQUIRE(by_topic);
  double total = 0;
  for (const char* topic : {"ports", "ranges", "privileged", "ephemeral", "nat", "tools", "protocols"}) {
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
  // The NAT Lab tasks, graded by its engine.
  CHECK(by_type->find("simulation")->as_number() >= 2);
  // Levels and kinds add up; every N10-009 1.4 item is covered.
  const json::Value* by_level = j.find("by_level");
  REQUIRE(by_level);
  CHECK(by_level->find("exam")->as_number() + by_level->find("advanced")->as_number() == total);
  CHECK(by_level->find("reasoning")->as_number() + by_level->find("recall")->as_number() == total);
  CHECK(by_level->find("advanced")->as_number() >= 1);
  const json::Value* items = j.find("coverage")->find("network-plus:1.4");
  REQUIRE(items);
  for (const char* item : {"smtps", "sql-server", "gre", "ipsec-esp"}) {
    CAPTURE(item);
    CHECK(items->find(item)->find("questions")->as_number() >= 3);
    CHECK(items->find(item)->find("reasoning")->as_number() >= 1);
  }
}

TEST_CASE("cli quiz check: a simulation task PortLab cannot run is an error at its line") {
  TempDir dir("sim-task");
  const std::string file = dir.write("t.gift",
                                     "$CATEGORY: portlab/nat\n\n"
                                     "// @simulation nat-challenge challenge=no-such-thing\n"
                                     "::t1:: Do it. {}\n\n"
                                     "// @simulation juggle\n"
                                     "::t2:: Do that. {}\n");
  auto r = run_cli({"quiz", "check", file, "--json"});
  CHECK(r.status == 1);
  json::Value j = r.json();
  const json::Array& errors = j.find("errors")->as_array();
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].find("line")->as_number() == 4);
  CHECK(errors[0].find("message")->as_string().find("no-such-thing") != std::string::npos);
  CHECK(errors[1].find("message")->as_string().find("juggle") != std::string::npos);
}

TEST_CASE("cli quiz check: readable text without --json") {
  auto r = run_cli({"quiz", "check", kBank});
  CHECK(r.status == 0);
  CHECK(r.out.find("questions in 8 files, no errors") != std::string::npos);
  CHECK(r.out.find("by topic: ports ") != std::string::npos);
  CHECK(r.out.find("covers:   network-plus:1.4 27/27 items\n") != std::string::npos);
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
  CHECK(verb.err.find("unknown sub-command 'grade' (known: check, templates, generate)") != std::string::npos);

  CHECK(run_cli({"quiz"}).status == 2);
  CHECK(run_cli({"quiz", "check"}).status == 2);
  CHECK(run_cli({"quiz", "check", kBank, "--yaml"}).status == 2);
  CHECK(run_cli({"quiz", "check", kBank, kBank}).status == 2);
}

TEST_CASE("cli quiz templates: every template with its topic, type, exam tags and difficulty") {
  auto r = run_cli({"quiz", "templates", "--json"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  json::Value j = r.json();
  REQUIRE(j.find("templates"));
  const json::Array& list = j.find("templates")->as_array();
  CHECK(list.size() >= 12);
  auto text = run_cli({"quiz", "templates"});
  CHECK(text.status == 0);
  CHECK(text.out.find(std::to_string(list.size()) + " templates") != std::string::npos);
  for (const json::Value& t : list) {
    const std::string id = t.find("id")->as_string();
    CAPTURE(id);
    CHECK_FALSE(t.find("title")->as_string().empty());
    CHECK(t.find("topic")->is_string());
    CHECK(t.find("type")->is_string());
    // Advanced templates go beyond both exams and claim no objective.
    const std::string level = t.find("level")->as_string();
    CHECK((level == "exam" || level == "advanced"));
    if (level == "advanced") CHECK(t.find("exam")->as_array().empty());
    CHECK(t.find("difficulty")->as_number() >= 1);
    CHECK_FALSE(t.find("rules")->as_array().empty());
    CHECK(text.out.find(id + "\n") != std::string::npos);
  }
}

TEST_CASE(
    "cli quiz generate: the question, its options with feedback, the answer and the"
    " explanation; the same seed prints the same question") {
  auto a = run_cli({"quiz", "generate", "--template", "linux-bind", "--seed", "42", "--json"});
  auto b = run_cli({"quiz", "generate", "--seed=42", "--template=linux-bind", "--json"});
  CHECK(a.status == 0);
  CHECK(a.err.empty());
  CHECK(a.out == b.out);
  json::Value q = a.json();
  CHECK(q.find("id")->as_string() == "linux-bind/42");
  CHECK(q.find("type")->as_string() == "single_choice");
  CHECK(q.find("topic")->as_string() == "privileged");
  CHECK(q.find("prompt")->as_string().find("bind(") != std::string::npos);
  const json::Array& options = q.find("options")->as_array();
  CHECK(options.size() == 4);
  int right = 0;
  for (const json::Value& o : options) {
    CHECK_FALSE(o.find("feedback")->as_string().empty());
    right += o.find("correct")->as_bool();
  }
  CHECK(right == 1);
  REQUIRE(q.find("correct")->as_array().size() == 1);
  const size_t index = static_cast<size_t>(q.find("correct")->as_array()[0].as_number());
  CHECK(options[index].find("correct")->as_bool());
  CHECK(q.find("explanation")->as_string().find("R4.") != std::string::npos);
  CHECK(q.find("scenario")->find("port"));

  auto other = run_cli({"quiz", "generate", "--template", "linux-bind", "--seed", "43", "--json"});
  CHECK(other.status == 0);
  CHECK(other.json().find("prompt")->as_string() != q.find("prompt")->as_string());

  auto text = run_cli({"quiz", "generate", "--template", "linux-bind", "--seed", "42"});
  CHECK(text.status == 0);
  CHECK(text.out.find("linux-bind/42: ") == 0);
  CHECK(text.out.find("\n* ") != std::string::npos);  // the right option is marked
  CHECK(text.out.find("\nanswer: ") != std::string::npos);
  CHECK(text.out.find("\nexplanation: ") != std::string::npos);
}

TEST_CASE(
    "cli quiz generate: numeric questions list the accepted value and known mistakes,"
    " true/false ones the truth") {
  auto n = run_cli({"quiz", "generate", "--template", "time-wait", "--seed", "5", "--json"});
  CHECK(n.status == 0);
  json::Value q = n.json();
  CHECK(q.find("type")->as_string() == "numeric");
  const json::Array& accepted = q.find("accepted")->as_array();
  REQUIRE_FALSE(accepted.empty());
  CHECK(accepted[0].find("fraction")->as_number() == 1);
  CHECK(accepted[0].find("low")->as_number() == std::stod(q.find("answer")->as_string()));
  CHECK(accepted.size() >= 2);  // known mistakes with their feedback
  auto text = run_cli({"quiz", "generate", "--template", "time-wait", "--seed", "5"});
  CHECK(text.out.find("answer: " + q.find("answer")->as_string() + "\n") != std::string::npos);

  auto tf =
      run_cli({"quiz", "generate", "--template", "ephemeral-or-not", "--seed", "9", "--json"});
  CHECK(tf.status == 0);
  json::Value t = tf.json();
  CHECK(t.find("type")->as_string() == "true_false");
  CHECK(t.find("truth")->as_bool() == (t.find("answer")->as_string() == "true"));
  CHECK_FALSE(t.find("feedback_if_true")->as_string().empty());
}

TEST_CASE("cli quiz templates/generate: bad input exits 2 with one line naming the value") {
  check_usage_errors(
      "quiz", {
                  {{"generate", "--template", "no-such", "--seed", "1"}, "no-such"},
                  {{"generate", "--template", "linux-bind", "--seed", "-1"}, "-1"},
                  {{"generate", "--template", "linux-bind", "--seed", "abc"}, "abc"},
                  {{"generate", "--template", "linux-bind", "--seed", "9007199254740992"},
                   "9007199254740992"},
                  {{"generate", "--template", "linux-bind"}, "--seed"},
                  {{"generate", "--seed", "1"}, "--template"},
                  {{"generate", "--template", "linux-bind", "--seed", "1", "extra"}, "extra"},
                  {{"templates", "--yaml"}, "--yaml"},
              });
}
