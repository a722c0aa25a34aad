#include "core/json_reader.h"

#include <cmath>
#include <cstdio>

namespace portlab::json {
namespace {

// Numbers in messages: 15 significant digits, so 1e300 reads "1e+300"
// rather than the round-trip form.
std::string number_text(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", d);
  return buf;
}

}  // namespace

const char* type_name(const Value& v) {
  switch (v.type()) {
    case Type::Null:
      return "null";
    case Type::Bool:
      return "a boolean";
    case Type::Number:
      return "a number";
    case Type::String:
      return "a string";
    case Type::Array:
      return "an array";
    case Type::Object:
      return "an object";
  }
  return "a value";
}

void Reader::fail(const std::string& message) const { throw ReadError(path_ + ": " + message); }

void Reader::expect_object(std::initializer_list<const char*> allowed) const {
  if (!value_->is_object()) fail(std::string("expected an object, found ") + type_name(*value_));
  for (const Member& m : value_->members()) {
    bool known = false;
    for (const char* key : allowed) known = known || m.first == key;
    if (known) continue;
    std::string list;
    for (const char* key : allowed) list += std::string(list.empty() ? "" : ", ") + key;
    // The key is quoted so control characters or odd spacing stay visible.
    Reader(m.second, path_ + "." + m.first)
        .fail("unknown field " + quote(m.first) + " (expected one of: " + list + ")");
  }
}

Reader Reader::field(const char* key) const {
  if (!value_->is_object()) fail(std::string("expected an object, found ") + type_name(*value_));
  const Value* v = value_->find(key);
  if (!v) fail(std::string("missing required field \"") + key + "\"");
  return Reader(*v, path_ + "." + key);
}

std::optional<Reader> Reader::optional_field(const char* key) const {
  const Value* v = value_->find(key);
  if (!v) return std::nullopt;
  return Reader(*v, path_ + "." + key);
}

size_t Reader::array_size() const {
  if (!value_->is_array()) fail(std::string("expected an array, found ") + type_name(*value_));
  return value_->as_array().size();
}

Reader Reader::at(size_t index) const {
  if (index >= array_size()) fail("index " + std::to_string(index) + " is past the end");
  return Reader(value_->as_array()[index], path_ + "[" + std::to_string(index) + "]");
}

std::string Reader::string() const {
  if (!value_->is_string()) fail(std::string("expected a string, found ") + type_name(*value_));
  return value_->as_string();
}

bool Reader::boolean() const {
  if (!value_->is_bool()) fail(std::string("expected true or false, found ") + type_name(*value_));
  return value_->as_bool();
}

long long Reader::integer(long long lo, long long hi) const {
  if (!value_->is_number()) fail(std::string("expected a number, found ") + type_name(*value_));
  auto n = value_->as_integer(lo, hi);
  if (!n) {
    double d = value_->as_number();
    if (std::floor(d) != d) fail("expected a whole number, found " + number_text(d));
    fail("number " + number_text(d) + " is out of range " + std::to_string(lo) + "-" +
         std::to_string(hi));
  }
  return *n;
}

double Reader::number(double lo, double hi) const {
  if (!value_->is_number()) fail(std::string("expected a number, found ") + type_name(*value_));
  double d = value_->as_number();
  if (!std::isfinite(d) || d < lo || d > hi)
    fail("number " + number_text(d) + " is out of range " + number_text(lo) + "-" +
         number_text(hi));
  return d;
}

}  // namespace portlab::json
