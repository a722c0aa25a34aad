// Runs portlab-cli in-process (cli::run) and captures what it printed, so
// each test checks the exit status, stdout and stderr of one invocation.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/json.h"

namespace portlab::testing {

struct CliResult {
  int status = -1;
  std::string out;
  std::string err;
  // stdout parsed as JSON (null if it is not JSON).
  json::Value json() const {
    auto r = json::parse(out);
    return r.ok() ? *r.value : json::Value();
  }
  int err_lines() const {
    int n = 0;
    for (char c : err) n += c == '\n';
    return n;
  }
};

inline CliResult run_cli(std::vector<std::string> words) {
  words.insert(words.begin(), "portlab-cli");
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  std::ostringstream out, err;
  CliResult r;
  r.status = cli::run(static_cast<int>(words.size()), argv.data(), {out, err});
  r.out = out.str();
  r.err = err.str();
  return r;
}

}  // namespace portlab::testing
