// A small JSON value type with a strict parser and a writer.
//
// PortLab reads JSON from outside (NAT scenarios, saved progress, imported
// files), so the parser reports where a document is wrong (line, column) and
// never crashes on hostile input: nesting depth is bounded and numbers that do
// not fit a double are rejected. Objects keep their keys in insertion order so
// written JSON is stable and readable.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace portlab::json {

class Value;
using Array = std::vector<Value>;
using Member = std::pair<std::string, Value>;

enum class Type { Null, Bool, Number, String, Array, Object };

class Value {
 public:
  Value() = default;                       // null
  Value(std::nullptr_t) {}                 // null
  Value(bool b) : type_(Type::Bool), bool_(b) {}
  Value(int n) : type_(Type::Number), number_(n) {}
  Value(long n) : type_(Type::Number), number_(static_cast<double>(n)) {}
  Value(long long n) : type_(Type::Number), number_(static_cast<double>(n)) {}
  Value(unsigned n) : type_(Type::Number), number_(n) {}
  Value(unsigned long n) : type_(Type::Number), number_(static_cast<double>(n)) {}
  Value(unsigned long long n) : type_(Type::Number), number_(static_cast<double>(n)) {}
  Value(double n) : type_(Type::Number), number_(n) {}
  Value(const char* s) : type_(Type::String), string_(s) {}
  Value(std::string s) : type_(Type::String), string_(std::move(s)) {}
  Value(Array a) : type_(Type::Array), array_(std::move(a)) {}

  static Value object() { Value v; v.type_ = Type::Object; return v; }
  static Value array() { return Value(Array{}); }

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::Null; }
  bool is_bool() const { return type_ == Type::Bool; }
  bool is_number() const { return type_ == Type::Number; }
  bool is_string() const { return type_ == Type::String; }
  bool is_array() const { return type_ == Type::Array; }
  bool is_object() const { return type_ == Type::Object; }

  // Typed reads. Each returns the fallback when the value has another type,
  // so callers that validate first can read without further checks.
  bool as_bool(bool fallback = false) const { return is_bool() ? bool_ : fallback; }
  double as_number(double fallback = 0) const { return is_number() ? number_ : fallback; }
  const std::string& as_string() const;
  const Array& as_array() const;
  const std::vector<Member>& members() const;

  // Integer view of a number: nullopt unless the number is integral and
  // within [lo, hi]. This is how "port 1e3" or "-1" is told apart from 1000.
  std::optional<long long> as_integer(long long lo, long long hi) const;

  // Object access. find() returns nullptr when absent or not an object.
  const Value* find(const std::string& key) const;
  Value& operator[](const std::string& key);  // inserts (and makes this an object)
  Value& push_back(Value v);                   // appends (and makes this an array)

  size_t size() const;

  bool operator==(const Value& other) const;
  bool operator!=(const Value& other) const { return !(*this == other); }

 private:
  Type type_ = Type::Null;
  bool bool_ = false;
  double number_ = 0;
  std::string string_;
  Array array_;
  std::vector<Member> members_;
};

struct ParseError {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in bytes
  std::string message;
};

struct ParseResult {
  std::optional<Value> value;
  ParseError error;  // meaningful only when value is empty
  bool ok() const { return value.has_value(); }
};

// Parses one JSON document (RFC 8259). Trailing non-space text is an error.
ParseResult parse(const std::string& text);

// Writes compact JSON (no spaces), or indented with `indent` spaces per level.
std::string write(const Value& value, int indent = -1);

// Escapes a string as a JSON string literal, quotes included.
std::string quote(const std::string& s);

// Maximum nesting of arrays/objects the parser accepts.
inline constexpr int kMaxDepth = 64;

}  // namespace portlab::json
