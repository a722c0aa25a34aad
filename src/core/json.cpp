#include "core/json.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace portlab::json {

namespace {

const std::string kEmptyString;
const Array kEmptyArray;
const std::vector<Member> kEmptyMembers;

class Parser {
 public:
  explicit Parser(const std::string& text) : text_(text) {}

  ParseResult run() {
    ParseResult result;
    skip_space();
    Value v;
    if (!parse_value(v, 0)) {
      result.error = error_;
      return result;
    }
    skip_space();
    if (pos_ != text_.size()) {
      fail("unexpected text after the JSON document");
      result.error = error_;
      return result;
    }
    result.value = std::move(v);
    return result;
  }

 private:
  const std::string& text_;
  size_t pos_ = 0;
  ParseError error_;

  bool fail(const std::string& message) {
    // Line and column are computed only on failure, so parsing stays linear.
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < pos_ && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    error_ = {line, static_cast<int>(pos_ - line_start) + 1, message};
    return false;
  }

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }

  void skip_space() {
    while (!at_end()) {
      char c = text_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      ++pos_;
    }
  }

  bool literal(const char* word, Value v, Value& out) {
    size_t n = std::char_traits<char>::length(word);
    if (text_.compare(pos_, n, word) != 0) return fail("invalid literal");
    pos_ += n;
    out = std::move(v);
    return true;
  }

  bool parse_value(Value& out, int depth) {
    if (at_end()) return fail("unexpected end of input, expected a value");
    switch (peek()) {
      case '{': return parse_object(out, depth + 1);
      case '[': return parse_array(out, depth + 1);
      case '"': {
        std::string s;
        if (!parse_string(s)) return false;
        out = Value(std::move(s));
        return true;
      }
      case 't': return literal("true", Value(true), out);
      case 'f': return literal("false", Value(false), out);
      case 'n': return literal("null", Value(), out);
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return parse_number(out);
        return fail(std::string("unexpected character '") + peek() + "'");
    }
  }

  bool parse_object(Value& out, int depth) {
    if (depth > kMaxDepth) return fail("nesting deeper than 64 levels");
    ++pos_;  // '{'
    out = Value::object();
    skip_space();
    if (peek() == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_space();
      if (peek() != '"') return fail("expected a string key");
      std::string key;
      if (!parse_string(key)) return false;
      if (out.find(key)) return fail("duplicate key \"" + key + "\"");
      skip_space();
      if (peek() != ':') return fail("expected ':' after key");
      ++pos_;
      skip_space();
      Value v;
      if (!parse_value(v, depth)) return false;
      out[key] = std::move(v);
      skip_space();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == '}') {
        ++pos_;
        return true;
      }
      return fail("expected ',' or '}' in object");
    }
  }

  bool parse_array(Value& out, int depth) {
    if (depth > kMaxDepth) return fail("nesting deeper than 64 levels");
    ++pos_;  // '['
    out = Value::array();
    skip_space();
    if (peek() == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_space();
      Value v;
      if (!parse_value(v, depth)) return false;
      out.push_back(std::move(v));
      skip_space();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == ']') {
        ++pos_;
        return true;
      }
      return fail("expected ',' or ']' in array");
    }
  }

  bool parse_number(Value& out) {
    size_t start = pos_;
    if (peek() == '-') ++pos_;
    if (peek() == '0') {
      ++pos_;
    } else if (peek() >= '1' && peek() <= '9') {
      while (peek() >= '0' && peek() <= '9') ++pos_;
    } else {
      return fail("invalid number");
    }
    if (peek() == '.') {
      ++pos_;
      if (!(peek() >= '0' && peek() <= '9')) return fail("invalid number: digits expected after '.'");
      while (peek() >= '0' && peek() <= '9') ++pos_;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!(peek() >= '0' && peek() <= '9')) return fail("invalid number: digits expected in exponent");
      while (peek() >= '0' && peek() <= '9') ++pos_;
    }
    std::string digits = text_.substr(start, pos_ - start);
    double d = std::strtod(digits.c_str(), nullptr);
    if (!std::isfinite(d)) {
      pos_ = start;
      return fail("number out of range");
    }
    out = Value(d);
    return true;
  }

  static void append_utf8(std::string& s, unsigned cp) {
    if (cp < 0x80) {
      s += static_cast<char>(cp);
    } else if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (cp >> 18));
      s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  bool parse_hex4(unsigned& out) {
    out = 0;
    for (int i = 0; i < 4; ++i) {
      char c = peek();
      unsigned digit;
      if (c >= '0' && c <= '9') digit = static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f') digit = static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') digit = static_cast<unsigned>(c - 'A' + 10);
      else return fail("invalid \\u escape");
      out = out * 16 + digit;
      ++pos_;
    }
    return true;
  }

  bool parse_string(std::string& out) {
    ++pos_;  // opening quote
    while (true) {
      if (at_end()) return fail("unterminated string");
      char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return fail("control character in string");
      if (c != '\\') {
        out += c;
        ++pos_;
        continue;
      }
      ++pos_;
      char e = peek();
      ++pos_;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp;
          if (!parse_hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            // A high surrogate must be followed by an escaped low surrogate.
            unsigned low;
            if (peek() != '\\' || pos_ + 1 >= text_.size() || text_[pos_ + 1] != 'u')
              return fail("unpaired surrogate in \\u escape");
            pos_ += 2;
            if (!parse_hex4(low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) return fail("unpaired surrogate in \\u escape");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return fail("unpaired surrogate in \\u escape");
          }
          append_utf8(out, cp);
          break;
        }
        default:
          --pos_;
          return fail("invalid escape in string");
      }
    }
  }
};

void write_number(std::string& out, double d) {
  if (std::floor(d) == d && std::fabs(d) < 9.007199254740992e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(d));
    out += buf;
    return;
  }
  // The shortest form that reads back as the same double, so 0.042052 is
  // written as 0.042052, not 0.042051999999999998; 17 digits always do.
  char buf[40];
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  out += buf;
}

void write_value(std::string& out, const Value& v, int indent, int level) {
  auto newline = [&](int lvl) {
    if (indent < 0) return;
    out += '\n';
    out.append(static_cast<size_t>(indent * lvl), ' ');
  };
  switch (v.type()) {
    case Type::Null: out += "null"; break;
    case Type::Bool: out += v.as_bool() ? "true" : "false"; break;
    case Type::Number: write_number(out, v.as_number()); break;
    case Type::String: out += quote(v.as_string()); break;
    case Type::Array: {
      out += '[';
      bool first = true;
      for (const Value& item : v.as_array()) {
        if (!first) out += ',';
        first = false;
        newline(level + 1);
        write_value(out, item, indent, level + 1);
      }
      if (!v.as_array().empty()) newline(level);
      out += ']';
      break;
    }
    case Type::Object: {
      out += '{';
      bool first = true;
      for (const Member& m : v.members()) {
        if (!first) out += ',';
        first = false;
        newline(level + 1);
        out += quote(m.first);
        out += indent < 0 ? ":" : ": ";
        write_value(out, m.second, indent, level + 1);
      }
      if (!v.members().empty()) newline(level);
      out += '}';
      break;
    }
  }
}

}  // namespace

const std::string& Value::as_string() const { return is_string() ? string_ : kEmptyString; }
const Array& Value::as_array() const { return is_array() ? array_ : kEmptyArray; }
const std::vector<Member>& Value::members() const { return is_object() ? members_ : kEmptyMembers; }

std::optional<long long> Value::as_integer(long long lo, long long hi) const {
  if (!is_number() || std::floor(number_) != number_) return std::nullopt;
  if (number_ < static_cast<double>(lo) || number_ > static_cast<double>(hi)) return std::nullopt;
  return static_cast<long long>(number_);
}

const Value* Value::find(const std::string& key) const {
  if (!is_object()) return nullptr;
  for (const Member& m : members_)
    if (m.first == key) return &m.second;
  return nullptr;
}

Value& Value::operator[](const std::string& key) {
  if (!is_object()) *this = object();
  for (Member& m : members_)
    if (m.first == key) return m.second;
  members_.emplace_back(key, Value());
  return members_.back().second;
}

Value& Value::push_back(Value v) {
  if (!is_array()) *this = array();
  array_.push_back(std::move(v));
  return array_.back();
}

size_t Value::size() const {
  if (is_array()) return array_.size();
  if (is_object()) return members_.size();
  return 0;
}

bool Value::operator==(const Value& o) const {
  if (type_ != o.type_) return false;
  switch (type_) {
    case Type::Null: return true;
    case Type::Bool: return bool_ == o.bool_;
    case Type::Number: return number_ == o.number_;
    case Type::String: return string_ == o.string_;
    case Type::Array: return array_ == o.array_;
    case Type::Object: return members_ == o.members_;
  }
  return false;
}

ParseResult parse(const std::string& text) { return Parser(text).run(); }

std::string write(const Value& value, int indent) {
  std::string out;
  write_value(out, value, indent, 0);
  return out;
}

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace portlab::json
