#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "cli_runner.h"

using portlab::testing::run_cli;

TEST_CASE("cli: help lists every command and exits 0") {
  auto r = run_cli({"help"});
  CHECK(r.status == 0);
  CHECK(r.out.find("version") != std::string::npos);
  CHECK(r.err.empty());
}

TEST_CASE("cli: no command, an unknown command or an unknown option exits 2 with one line") {
  for (auto words : {std::vector<std::string>{}, std::vector<std::string>{"frobnicate"},
                     std::vector<std::string>{"version", "--bogus"},
                     std::vector<std::string>{"version", "extra"}}) {
    auto r = run_cli(words);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err_lines() == 1);
  }
}

TEST_CASE("cli: the built program exits with the status cli::run returns") {
  // One check through a real process, so main() and the exit status are
  // covered too; every other test runs in-process.
  std::string command = std::string(PORTLAB_CLI_PATH) + " frobnicate 2>/dev/null";
  FILE* p = popen(command.c_str(), "r");
  REQUIRE(p != nullptr);
  int status = pclose(p);
  CHECK(WEXITSTATUS(status) == 2);
}
