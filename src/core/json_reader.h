// Reading a parsed JSON document field by field while remembering where in
// the document each value sits ("$.events[2].send.from").
//
// Files written by people (NAT scenarios, lesson files) deserve errors that
// point at the exact value that is wrong, so every typed read here throws a
// ReadError whose message starts with that JSON path. Unknown members are
// errors too: a misspelt key must not be ignored silently.
#pragma once

#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/json.h"

namespace portlab::json {

// what() is "<path>: <message>".
struct ReadError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Reader {
 public:
  Reader(const Value& value, std::string path) : value_(&value), path_(std::move(path)) {}

  const Value& value() const { return *value_; }
  const std::string& path() const { return path_; }

  [[noreturn]] void fail(const std::string& message) const;

  // Objects. `allowed` lists every key the object may hold.
  void expect_object(std::initializer_list<const char*> allowed) const;
  bool has(const char* key) const { return value_->find(key) != nullptr; }
  Reader field(const char* key) const;  // must be present
  std::optional<Reader> optional_field(const char* key) const;

  // Arrays.
  size_t array_size() const;  // fails unless an array
  Reader at(size_t index) const;

  // Scalars.
  std::string string() const;
  bool boolean() const;
  // A whole number in [lo, hi] (1e3 is accepted as 1000, 1.5 is not).
  long long integer(long long lo, long long hi) const;
  // Any finite number in [lo, hi].
  double number(double lo, double hi) const;

 private:
  const Value* value_;
  std::string path_;
};

// Names a JSON type for messages: "a string", "an object", ...
const char* type_name(const Value& v);

}  // namespace portlab::json
