#include <doctest/doctest.h>

#include "core/json.h"

using namespace portlab;

TEST_CASE("json: parses every value type and writes it back compactly") {
  auto r = json::parse(R"( {"a": [1, -2.5, true, false, null], "b": "x\n\u00e9", "c": {}} )");
  REQUIRE(r.ok());
  const json::Value& v = *r.value;
  CHECK(v.find("a")->size() == 5);
  CHECK(v.find("a")->as_array()[1].as_number() == -2.5);
  CHECK(v.find("b")->as_string() == "x\n\xc3\xa9");
  CHECK(json::write(v) == R"({"a":[1,-2.5,true,false,null],"b":"x\n)" "\xc3\xa9" R"(","c":{}})");
}

TEST_CASE("json: keeps object keys in insertion order") {
  json::Value v = json::Value::object();
  v["zeta"] = 1;
  v["alpha"] = 2;
  CHECK(json::write(v) == R"({"zeta":1,"alpha":2})");
}

TEST_CASE("json: reports line and column of the first error") {
  auto r = json::parse("{\n  \"a\": 1,\n  \"b\" 2\n}");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error.line == 3);
  CHECK(r.error.column == 7);
  CHECK(r.error.message == "expected ':' after key");
}

TEST_CASE("json: rejects malformed documents without crashing") {
  const char* bad[] = {"", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "\"abc", "\"\\x\"", "tru",
                       "[1] 2", "{\"a\":1,\"a\":2}", "\"\\ud800\"", "1e999", "\"\x01\""};
  for (const char* text : bad) {
    CAPTURE(text);
    CHECK_FALSE(json::parse(text).ok());
  }
}

TEST_CASE("json: bounds nesting depth") {
  std::string deep(json::kMaxDepth + 1, '[');
  deep += std::string(json::kMaxDepth + 1, ']');
  auto r = json::parse(deep);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error.message == "nesting deeper than 64 levels");
  std::string ok(json::kMaxDepth, '[');
  ok += std::string(json::kMaxDepth, ']');
  CHECK(json::parse(ok).ok());
}

TEST_CASE("json: integers are told apart from fractions and out-of-range values") {
  CHECK(json::parse("1000").value->as_integer(0, 65535) == 1000);
  CHECK(json::parse("1e3").value->as_integer(0, 65535) == 1000);  // same number in JSON
  CHECK_FALSE(json::parse("1.5").value->as_integer(0, 65535).has_value());
  CHECK_FALSE(json::parse("-1").value->as_integer(0, 65535).has_value());
  CHECK_FALSE(json::parse("70000").value->as_integer(0, 65535).has_value());
  CHECK_FALSE(json::parse("\"80\"").value->as_integer(0, 65535).has_value());
}

TEST_CASE("json: surrogate pairs decode to UTF-8 and strings escape control characters") {
  CHECK(json::parse(R"("\ud83d\ude00")").value->as_string() == "\xf0\x9f\x98\x80");
  CHECK(json::quote(std::string("a\"b\\c\x01")) == R"("a\"b\\c\u0001")");
}

TEST_CASE("json: indented output parses back to the same value") {
  auto r = json::parse(R"({"list":[1,2,{"k":"v"}],"n":0.1})");
  REQUIRE(r.ok());
  std::string pretty = json::write(*r.value, 2);
  CHECK(pretty.find("\n  \"list\": [") != std::string::npos);
  CHECK(*json::parse(pretty).value == *r.value);
}

TEST_CASE("json: fractions are written in the shortest form that reads back exactly") {
  CHECK(json::write(json::Value(0.042052)) == "0.042052");
  CHECK(json::write(json::Value(0.1)) == "0.1");
  const double sum = 0.1 + 0.2;  // not 0.3: needs all 17 digits
  std::string written = json::write(json::Value(sum));
  CHECK(written == "0.30000000000000004");
  CHECK(json::parse(written).value->as_number() == sum);
}
