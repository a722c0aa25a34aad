// GIFT text with its escapes resolved but remembered (internal to the
// GIFT parser).
//
// GIFT gives ~ = # { } : their meaning unless a backslash escapes them, so
// after "\=" the text holds a plain '=' that must never split answers. Each
// character keeps a flag saying whether it was escaped, and the source line
// it came from, so every error can name the line where the problem is.
// All searches are linear in the text length.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace portlab::quiz::gift {

struct SourceLine {
  std::string_view text;  // without the line break
  int number = 0;         // 1-based
};

class MarkedText {
 public:
  static constexpr size_t npos = std::string::npos;

  // Joins the lines with '\n' and resolves GIFT escapes: \~ \= \# \{ \} \:
  // become that character, \n a line break, \\ one backslash; a backslash
  // before anything else stays as written.
  static MarkedText from_lines(const std::vector<SourceLine>& lines);

  size_t size() const { return chars_.size(); }
  bool empty() const { return chars_.empty(); }
  // The character at i means c in GIFT (it is c and was not escaped).
  bool is(size_t i, char c) const { return i < size() && chars_[i] == c && !escaped_[i]; }
  // First/last unescaped occurrence at or after `from`; npos if none.
  size_t find(char c, size_t from = 0) const;
  size_t find(std::string_view token, size_t from = 0) const;
  size_t rfind(std::string_view token) const;
  bool starts_with(std::string_view token) const { return find(token) == 0 && !empty(); }

  MarkedText slice(size_t from, size_t to) const;  // [from, to), clamped
  MarkedText slice(size_t from) const { return slice(from, size()); }
  // Without surrounding spaces, tabs and line breaks.
  MarkedText trimmed() const;
  bool blank() const { return trimmed().empty(); }
  // The text a learner sees: trimmed, without a leading [html], [moodle],
  // [plain] or [markdown] format tag (GIFT lets any text start with one).
  std::string text() const;
  const std::string& raw() const { return chars_; }

  // Source line of the character at i (the last character's line past the
  // end; `fallback` for an empty text).
  int line_at(size_t i, int fallback) const;
  int first_line(int fallback) const { return line_at(0, fallback); }

  // Appends another marked text (used to rebuild a missing-word prompt).
  void append(const MarkedText& other);
  void append_plain(std::string_view text, int line);

 private:
  std::string chars_;
  std::vector<uint8_t> escaped_;
  std::vector<int> lines_;
};

// A piece of bank text in an error message: in quotes, cut after 40 bytes
// so a hostile line cannot flood the output.
std::string quoted(const std::string& text);

}  // namespace portlab::quiz::gift
