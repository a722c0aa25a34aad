// The bad-input contract every subcommand keeps: exit status 2, nothing on
// stdout, exactly one line on stderr that starts with the command and names
// the bad value.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli_runner.h"

namespace portlab::testing {

struct BadInput {
  std::vector<std::string> words;  // after the command name
  std::string named;               // must appear in the stderr line
};

inline void check_usage_errors(const std::string& command, const std::vector<BadInput>& cases) {
  for (const BadInput& c : cases) {
    std::vector<std::string> words = {command};
    words.insert(words.end(), c.words.begin(), c.words.end());
    auto r = run_cli(words);
    INFO(r.err);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err_lines() == 1);
    CHECK(r.err.find("portlab-cli " + command + ": ") == 0);
    CHECK(r.err.find(c.named) != std::string::npos);
  }
}

}  // namespace portlab::testing
