#include "core/quiz/gift_text.h"

#include <algorithm>
#include <cstddef>

namespace portlab::quiz::gift {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// What a backslash followed by c stands for; 0 when it is no escape.
char escaped_char(char c) {
  switch (c) {
    case '~': case '=': case '#': case '{': case '}': case ':': case '\\': return c;
    case 'n': return '\n';
    default: return 0;
  }
}

constexpr std::string_view kFormatTags[] = {"[html]", "[moodle]", "[plain]", "[markdown]"};

}  // namespace

MarkedText MarkedText::from_lines(const std::vector<SourceLine>& lines) {
  MarkedText t;
  size_t total = 0;
  for (const SourceLine& l : lines) total += l.text.size() + 1;
  t.chars_.reserve(total);
  t.escaped_.reserve(total);
  t.lines_.reserve(total);
  for (size_t n = 0; n < lines.size(); ++n) {
    const SourceLine& l = lines[n];
    if (n > 0) t.append_plain("\n", l.number);
    for (size_t i = 0; i < l.text.size(); ++i) {
      char c = l.text[i];
      char meant = c == '\\' && i + 1 < l.text.size() ? escaped_char(l.text[i + 1]) : 0;
      if (meant) ++i;
      t.chars_ += meant ? meant : c;
      t.escaped_.push_back(meant ? 1 : 0);
      t.lines_.push_back(l.number);
    }
  }
  return t;
}

size_t MarkedText::find(char c, size_t from) const {
  for (size_t i = from; i < size(); ++i)
    if (is(i, c)) return i;
  return npos;
}

size_t MarkedText::find(std::string_view token, size_t from) const {
  if (token.empty() || token.size() > size()) return npos;
  // Tokens are at most a few characters ("::", "->", "####"), so checking
  // each start is linear in the text.
  for (size_t i = from; i + token.size() <= size(); ++i) {
    size_t k = 0;
    while (k < token.size() && is(i + k, token[k])) ++k;
    if (k == token.size()) return i;
  }
  return npos;
}

size_t MarkedText::rfind(std::string_view token) const {
  if (token.empty() || token.size() > size()) return npos;
  for (size_t i = size() - token.size() + 1; i-- > 0;) {
    size_t k = 0;
    while (k < token.size() && is(i + k, token[k])) ++k;
    if (k == token.size()) return i;
  }
  return npos;
}

MarkedText MarkedText::slice(size_t from, size_t to) const {
  MarkedText t;
  to = std::min(to, size());
  if (from >= to) return t;
  t.chars_.assign(chars_, from, to - from);
  t.escaped_.assign(escaped_.begin() + static_cast<std::ptrdiff_t>(from),
                    escaped_.begin() + static_cast<std::ptrdiff_t>(to));
  t.lines_.assign(lines_.begin() + static_cast<std::ptrdiff_t>(from),
                  lines_.begin() + static_cast<std::ptrdiff_t>(to));
  return t;
}

MarkedText MarkedText::trimmed() const {
  size_t from = 0, to = size();
  while (from < to && is_space(chars_[from])) ++from;
  while (to > from && is_space(chars_[to - 1])) --to;
  if (from == 0 && to == size()) return *this;
  return slice(from, to);
}

std::string MarkedText::text() const {
  MarkedText t = trimmed();
  for (std::string_view tag : kFormatTags)
    if (t.chars_.compare(0, tag.size(), tag) == 0) return t.slice(tag.size()).trimmed().chars_;
  return t.chars_;
}

int MarkedText::line_at(size_t i, int fallback) const {
  if (lines_.empty()) return fallback;
  return lines_[std::min(i, lines_.size() - 1)];
}

void MarkedText::append(const MarkedText& other) {
  chars_ += other.chars_;
  escaped_.insert(escaped_.end(), other.escaped_.begin(), other.escaped_.end());
  lines_.insert(lines_.end(), other.lines_.begin(), other.lines_.end());
}

std::string quoted(const std::string& text) {
  constexpr size_t kMaxShown = 40;
  if (text.size() <= kMaxShown) return "'" + text + "'";
  size_t cut = kMaxShown;  // not inside a UTF-8 sequence
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "'" + text.substr(0, cut) + "...'";
}

void MarkedText::append_plain(std::string_view text, int line) {
  chars_ += text;
  escaped_.insert(escaped_.end(), text.size(), 0);
  lines_.insert(lines_.end(), text.size(), line);
}

}  // namespace portlab::quiz::gift
