// Command-line options for portlab-cli subcommands.
//
// Each subcommand declares its options up front; anything else (an unknown
// option, a missing value, a repeated single option, a stray positional)
// is a UsageError. Subcommands throw UsageError for bad values too, and
// run() turns it into one line on stderr and exit status 2, so no
// subcommand can fall back to a silent default.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/net/address.h"

namespace portlab::cli {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct OptionSpec {
  std::string name;          // without the leading "--"
  bool takes_value = false;  // "--port 80" vs "--json"
  bool repeatable = false;   // "--dest A --dest B"
};

class Args {
 public:
  // Parses argv[first..argc). Throws UsageError.
  Args(int argc, char** argv, int first, const std::vector<OptionSpec>& options,
       int max_positionals);

  bool flag(const std::string& name) const { return values_.count(name) > 0; }
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  // The single value of an option, or `fallback` when it was not given.
  std::string value(const std::string& name, const std::string& fallback = "") const;
  // The value of an option that must be given.
  std::string required(const std::string& name) const;
  const std::vector<std::string>& values(const std::string& name) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

  // Typed reads that throw UsageError naming the option and the bad value.
  uint16_t port(const std::string& name) const;
  long long integer(const std::string& name, long long lo, long long hi, long long fallback) const;
  net::Transport transport(const std::string& name, net::Transport fallback) const;

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positionals_;
};

// Unwraps a parse result or throws UsageError with "--option: message".
template <typename T>
T checked(const net::Parsed<T>& parsed, const std::string& option) {
  if (!parsed.ok()) throw UsageError("--" + option + ": " + parsed.error);
  return *parsed.value;
}

}  // namespace portlab::cli
