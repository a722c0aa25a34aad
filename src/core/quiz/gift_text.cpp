#include "core/quiz/gift_text.h"

#include <algorithm>

#include "core/text.h"

namespace portlab::quiz::gift {
namespace {

using text::is_space;
using text::trim;


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
  auto storage = std::make_shared<Storage>();
  size_t total = 0;
  for (const SourceLine& l : lines) total += l.text.size() + 1;
  storage->chars.reserve(total);
  storage->escaped.reserve(total);
  storage->lines.reserve(total);
  for (size_t n = 0; n < lines.size(); ++n) {
    const SourceLine& l = lines[n];
    if (n > 0) {
      storage->chars += '\n';
      storage->escaped.push_back(0);
      storage->lines.push_back(l.number);
    }
    for (size_t i = 0; i < l.text.size(); ++i) {
      char c = l.text[i];
      char meant = c == '\\' && i + 1 < l.text.size() ? escaped_char(l.text[i + 1]) : 0;
      if (meant) ++i;
      storage->chars += meant ? meant : c;
      storage->escaped.push_back(meant ? 1 : 0);
      storage->lines.push_back(l.number);
    }
  }
  MarkedText t;
  t.end_ = storage->chars.size();
  t.storage_ = std::move(storage);
  return t;
}

bool MarkedText::is(size_t i, char c) const {
  if (i >= size()) return false;
  size_t at = begin_ + i;
  return storage_->chars[at] == c && !storage_->escaped[at];
}

bool MarkedText::matches_at(size_t i, std::string_view token) const {
  if (token.empty() || i + token.size() > size()) return false;
  for (size_t k = 0; k < token.size(); ++k)
    if (!is(i + k, token[k])) return false;
  return true;
}

size_t MarkedText::find(char c, size_t from) const {
  for (size_t i = from; i < size(); ++i)
    if (is(i, c)) return i;
  return npos;
}

size_t MarkedText::find(std::string_view token, size_t from) const {
  // Tokens are at most a few characters ("::", "->", "####"), so checking
  // each start is linear in the text.
  for (size_t i = from; i + token.size() <= size(); ++i)
    if (matches_at(i, token)) return i;
  return npos;
}

size_t MarkedText::rfind(std::string_view token) const {
  if (token.empty() || token.size() > size()) return npos;
  for (size_t i = size() - token.size() + 1; i-- > 0;)
    if (matches_at(i, token)) return i;
  return npos;
}

MarkedText MarkedText::slice(size_t from, size_t to) const {
  MarkedText t = *this;
  to = std::min(to, size());
  from = std::min(from, to);
  t.begin_ = begin_ + from;
  t.end_ = begin_ + to;
  return t;
}

MarkedText MarkedText::trimmed() const {
  std::string_view s = raw();
  size_t from = 0, to = s.size();
  while (from < to && is_space(s[from])) ++from;
  while (to > from && is_space(s[to - 1])) --to;
  return slice(from, to);
}

std::string_view MarkedText::raw() const {
  if (!storage_) return {};
  return std::string_view(storage_->chars).substr(begin_, size());
}

std::string MarkedText::text() const { return without_format_tag(raw()); }

int MarkedText::line_at(size_t i, int fallback) const {
  if (!storage_ || storage_->lines.empty()) return fallback;
  size_t at = begin_ + std::min(i, size() == 0 ? 0 : size() - 1);
  at = std::min(at, storage_->lines.size() - 1);
  return storage_->lines[at];
}

std::string without_format_tag(std::string_view text) {
  text = trim(text);
  for (std::string_view tag : kFormatTags)
    if (text.substr(0, tag.size()) == tag) return std::string(trim(text.substr(tag.size())));
  return std::string(text);
}

std::string quoted(std::string_view text) {
  constexpr size_t kMaxShown = 40;
  if (text.size() <= kMaxShown) return "'" + std::string(text) + "'";
  size_t cut = kMaxShown;  // not inside a UTF-8 sequence
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(text.substr(0, cut)) + "...'";
}

}  // namespace portlab::quiz::gift
