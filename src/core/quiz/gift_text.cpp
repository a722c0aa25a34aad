#include "core/quiz/gift_text.h"

#include <algorithm>
#include <cstring>
#include <iterator>

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
  // Written by index into buffers sized for the unescaped text: this runs
  // for every question at start-up, where the browser runs it unoptimised.
  auto storage = std::make_shared<Storage>();
  size_t total = 0;
  for (const SourceLine& l : lines) total += l.text.size() + 1;
  storage->chars.resize(total);
  storage->escaped.assign(total, 0);
  storage->lines.reserve(lines.size());
  char* chars = storage->chars.data();
  uint8_t* escaped = storage->escaped.data();
  size_t n = 0;
  for (size_t k = 0; k < lines.size(); ++k) {
    const SourceLine& l = lines[k];
    storage->lines.push_back({n, l.number});  // with the '\n' that joins it on
    if (k > 0) chars[n++] = '\n';
    const char* text = l.text.data();
    const size_t size = l.text.size();
    for (size_t i = 0; i < size; ++i) {
      const char meant = text[i] == '\\' && i + 1 < size ? escaped_char(text[i + 1]) : 0;
      if (meant) {
        ++i;
        escaped[n] = 1;
      }
      chars[n++] = meant ? meant : text[i];
    }
  }
  storage->chars.resize(n);
  storage->escaped.resize(n);
  MarkedText t;
  t.end_ = n;
  t.storage_ = std::move(storage);
  return t;
}

bool MarkedText::matches_at(size_t i, std::string_view token) const {
  if (token.empty() || i + token.size() > size()) return false;
  for (size_t k = 0; k < token.size(); ++k)
    if (!is(i + k, token[k])) return false;
  return true;
}

size_t MarkedText::find(char c, size_t from) const {
  // memchr over the characters, then the escape check at each hit.
  const std::string_view chars = raw();
  while (from < chars.size()) {
    const void* hit = std::memchr(chars.data() + from, c, chars.size() - from);
    if (!hit) return npos;
    const size_t i = static_cast<size_t>(static_cast<const char*>(hit) - chars.data());
    if (!storage_->escaped[begin_ + i]) return i;
    from = i + 1;
  }
  return npos;
}

size_t MarkedText::find(std::string_view token, size_t from) const {
  // Tokens are at most a few characters ("::", "->", "####"): each place
  // their first character is found is checked for the rest.
  if (token.empty()) return npos;
  for (size_t i = find(token[0], from); i != npos; i = find(token[0], i + 1))
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
  if (!storage_ || storage_->chars.empty()) return fallback;
  size_t at = begin_ + std::min(i, size() == 0 ? 0 : size() - 1);
  at = std::min(at, storage_->chars.size() - 1);
  // The last line that starts at or before `at`.
  const auto& lines = storage_->lines;
  auto after = std::upper_bound(lines.begin(), lines.end(), at,
                                [](size_t index, const LineStart& line) { return index < line.at; });
  return after == lines.begin() ? lines.front().number : std::prev(after)->number;
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
