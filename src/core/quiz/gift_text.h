// GIFT text with its escapes resolved but remembered (internal to the
// GIFT parser).
//
// GIFT gives ~ = # { } : their meaning unless a backslash escapes them, so
// after "\=" the text holds a plain '=' that must never split answers. Each
// character keeps a flag saying whether it was escaped, and the source line
// it came from, so every error can name the line where the problem is.
//
// A MarkedText is a view: slices share the characters of the question they
// came from, so splitting a question into answers copies nothing. All
// searches are linear in the length of the view.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace portlab::quiz::gift {

// Trimmed, and without a leading format tag.
std::string without_format_tag(std::string_view text);

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

  size_t size() const { return end_ - begin_; }
  bool empty() const { return size() == 0; }
  // The character at i means c in GIFT (it is c and was not escaped).
  // Inline: the parser asks this of nearly every character.
  bool is(size_t i, char c) const {
    return i < size() && storage_->chars[begin_ + i] == c && !storage_->escaped[begin_ + i];
  }
  // First/last unescaped occurrence at or after `from`; npos if none.
  size_t find(char c, size_t from = 0) const;
  size_t find(std::string_view token, size_t from = 0) const;
  size_t rfind(std::string_view token) const;
  bool starts_with(std::string_view token) const { return matches_at(0, token); }

  MarkedText slice(size_t from, size_t to) const;  // [from, to), clamped
  MarkedText slice(size_t from) const { return slice(from, size()); }
  // Without surrounding spaces, tabs and line breaks.
  MarkedText trimmed() const;
  bool blank() const { return trimmed().empty(); }
  // The characters as a learner reads them (escapes resolved).
  std::string_view raw() const;
  // raw(), trimmed and without a leading [html], [moodle], [plain] or
  // [markdown] format tag (GIFT lets any text start with one).
  std::string text() const;

  // Source line of the character at i (the last character's line past the
  // end; `fallback` for an empty text).
  int line_at(size_t i, int fallback) const;
  int first_line(int fallback) const { return line_at(0, fallback); }

 private:
  struct LineStart {
    size_t at;   // index of the line's first character in `chars`
    int number;  // its source line
  };
  struct Storage {
    std::string chars;
    std::vector<uint8_t> escaped;  // 1 where chars[i] was written escaped
    std::vector<LineStart> lines;  // in order of `at`
  };
  std::shared_ptr<const Storage> storage_;
  size_t begin_ = 0, end_ = 0;

  bool matches_at(size_t i, std::string_view token) const;
};

// A piece of bank text in an error message: in quotes, cut after 40 bytes
// so a hostile line cannot flood the output.
std::string quoted(std::string_view text);

}  // namespace portlab::quiz::gift
