// Small string helpers every parser in the core shares (lessons, GIFT
// banks, settings values, learner answers), so "whitespace" means the same
// thing everywhere.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace portlab::text {

// Space, tab, carriage return, line feed.
constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s);

constexpr bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

constexpr bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "a, b, c" (or any separator).
std::string join(const std::vector<std::string>& parts, std::string_view separator);

// Percent-encoding (RFC 3986 section 2.1), as links need it: every byte for
// which keep(byte) is false becomes %XX (upper-case hex).
std::string percent_encode(std::string_view in, bool (*keep)(char));
// Undoes it; false on a broken escape or a control byte (below 0x20, or
// 0x7f), which no link or one-line value holds.
bool percent_decode(std::string_view in, std::string& out);

}  // namespace portlab::text
