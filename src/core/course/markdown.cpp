#include "core/course/markdown.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"

namespace portlab::course {
namespace {

using text::starts_with;
using text::trim;


int leading_spaces(std::string_view s) {
  int n = 0;
  while (n < static_cast<int>(s.size()) && s[n] == ' ') ++n;
  return n;
}


// "- item", "* item" or "12. item" (after indentation); returns the offset
// of the item text, or 0 when the line is not a list item.
size_t list_marker(std::string_view s, bool& ordered, int& number) {
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') {
    ordered = false;
    return 2;
  }
  size_t i = 0;
  int n = 0;
  while (i < s.size() && i < 9 && std::isdigit(static_cast<unsigned char>(s[i]))) {
    n = n * 10 + (s[i] - '0');
    ++i;
  }
  if (i > 0 && i + 1 < s.size() && s[i] == '.' && s[i + 1] == ' ') {
    ordered = true;
    number = n;
    return i + 2;
  }
  return 0;
}

std::vector<std::string_view> table_cells(std::string_view row) {
  row = trim(row);
  if (!row.empty() && row.front() == '|') row.remove_prefix(1);
  if (!row.empty() && row.back() == '|') row.remove_suffix(1);
  std::vector<std::string_view> cells;
  size_t start = 0;
  for (size_t i = 0; i <= row.size(); ++i) {
    if (i == row.size() || (row[i] == '|' && (i == 0 || row[i - 1] != '\\'))) {
      cells.push_back(trim(row.substr(start, i - start)));
      start = i + 1;
    }
  }
  return cells;
}

bool is_separator_row(std::string_view row) {
  for (std::string_view cell : table_cells(row)) {
    if (cell.empty()) return false;
    for (char c : cell)
      if (c != '-' && c != ':') return false;
  }
  return true;
}

}  // namespace

Inline parse_inline(std::string_view text) {
  Inline spans;
  std::string plain;
  auto flush = [&] {
    if (!plain.empty()) spans.push_back({Span::Style::Plain, plain, {}});
    plain.clear();
  };
  bool no_links_after_here = false;
  size_t i = 0;
  while (i < text.size()) {
    // Ordinary characters up to the next one that may mark something are
    // copied as one run (lessons are mostly plain text).
    const size_t marker = std::min(text.find_first_of("\\`*[", i), text.size());
    if (marker > i) {
      plain.append(text.substr(i, marker - i));
      i = marker;
      continue;
    }
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (c == '`') {
      size_t end = text.find('`', i + 1);
      if (end != std::string_view::npos) {
        flush();
        spans.push_back({Span::Style::Code, std::string(text.substr(i + 1, end - i - 1)), {}});
        i = end + 1;
        continue;
      }
    }
    if (c == '*' && i + 1 < text.size() && text[i + 1] == '*') {
      size_t end = text.find("**", i + 2);
      if (end != std::string_view::npos && end > i + 2) {
        flush();
        spans.push_back({Span::Style::Bold, std::string(text.substr(i + 2, end - i - 2)), {}});
        i = end + 2;
        continue;
      }
    }
    // Only '*' marks emphasis: '_' is left alone because lessons are full of
    // names like ip_local_port_range.
    if (c == '*' && i + 1 < text.size() && text[i + 1] != ' ') {
      size_t end = text.find('*', i + 1);
      if (end != std::string_view::npos && end > i + 1) {
        flush();
        spans.push_back({Span::Style::Emphasis, std::string(text.substr(i + 1, end - i - 1)), {}});
        i = end + 1;
        continue;
      }
    }
    if (c == '[' && !no_links_after_here) {
      size_t close = text.find("](", i + 1);
      size_t end = close == std::string_view::npos ? close : text.find(')', close + 2);
      // Without a "](...)" ahead no later '[' can open a link either; knowing
      // it keeps a line of many '[' linear instead of quadratic.
      if (end == std::string_view::npos) no_links_after_here = true;
      if (end != std::string_view::npos) {
        flush();
        spans.push_back({Span::Style::Link, std::string(text.substr(i + 1, close - i - 1)),
                         std::string(text.substr(close + 2, end - close - 2))});
        i = end + 1;
        continue;
      }
    }
    plain += c;
    ++i;
  }
  flush();
  return spans;
}

std::string plain_text(const Inline& spans) {
  std::string out;
  for (const Span& s : spans) out += s.text;
  return out;
}

MarkdownDocument parse_markdown(std::string_view text, int first_line) {
  MarkdownDocument doc;
  std::vector<std::string_view> lines;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }

  // Paragraph, note and list-item text gathers over lines and is turned
  // into spans once the block ends.
  // `open` is an index, not a pointer, because blocks is a growing vector.
  std::string pending;
  int open = -1;
  // Code stands for "nothing open": code blocks never stay open.
  auto open_kind = [&] { return open < 0 ? Block::Kind::Code : doc.blocks[open].kind; };
  auto close_open = [&] {
    if (open >= 0) doc.blocks[open].text = parse_inline(pending);
    open = -1;
    pending.clear();
  };
  // Starts a block; text blocks stay open to gather following lines.
  auto start_block = [&](Block::Kind kind, int line) -> Block& {
    close_open();
    doc.blocks.push_back({});
    doc.blocks.back().kind = kind;
    doc.blocks.back().line = line;
    if (kind == Block::Kind::Paragraph || kind == Block::Kind::Note || kind == Block::Kind::ListItem)
      open = static_cast<int>(doc.blocks.size()) - 1;
    return doc.blocks.back();
  };
  auto append_text = [&](std::string_view t) {
    if (!pending.empty()) pending += ' ';
    pending += std::string(t);
  };

  for (size_t i = 0; i < lines.size(); ++i) {
    const int line_no = first_line + static_cast<int>(i);
    std::string_view raw = lines[i];
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string_view line = trim(raw);

    if (starts_with(line, "```")) {
      Block& code = start_block(Block::Kind::Code, line_no);
      code.language = std::string(trim(line.substr(3)));
      bool closed = false;
      for (++i; i < lines.size(); ++i) {
        std::string_view body = lines[i];
        if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
        if (trim(body) == "```") {
          closed = true;
          break;
        }
        code.code += std::string(body) + "\n";
      }
      if (!closed) doc.issues.push_back({line_no, "code block opened here is never closed with ```"});
      continue;
    }
    if (line.empty()) {
      close_open();
      continue;
    }
    if (line[0] == '#') {
      int level = 0;
      while (level < static_cast<int>(line.size()) && line[level] == '#') ++level;
      if (level < static_cast<int>(line.size()) && line[level] == ' ') {
        Block& h = start_block(Block::Kind::Heading, line_no);
        h.level = level;
        h.text = parse_inline(trim(line.substr(level)));
        continue;
      }
    }
    if (line[0] == '|') {
      Block& table = start_block(Block::Kind::Table, line_no);
      const size_t columns = table_cells(line).size();
      size_t row_index = 0;
      for (; i < lines.size() && starts_with(trim(lines[i]), "|"); ++i, ++row_index) {
        std::string_view row = trim(lines[i]);
        const int row_line = first_line + static_cast<int>(i);
        if (row_index == 1) {
          if (!is_separator_row(row))
            doc.issues.push_back({row_line, "a table's second row must be a separator like |---|---|"});
          continue;
        }
        std::vector<std::string_view> cells = table_cells(row);
        if (cells.size() != columns)
          doc.issues.push_back({row_line, "table row has " + std::to_string(cells.size()) +
                                              " cells but the header has " +
                                              std::to_string(columns)});
        std::vector<Inline> parsed;
        for (std::string_view cell : cells) parsed.push_back(parse_inline(cell));
        table.rows.push_back(std::move(parsed));
      }
      --i;  // the loop's ++i moves to the line after the table
      continue;
    }
    if (starts_with(line, "> ") || line == ">") {
      if (open_kind() != Block::Kind::Note) start_block(Block::Kind::Note, line_no);
      append_text(trim(line.substr(1)));
      continue;
    }
    bool ordered = false;
    int number = 0;
    size_t offset = list_marker(line, ordered, number);
    // As in CommonMark, a numbered line starts a list inside a paragraph
    // only when it is "1.": a wrapped sentence whose next line begins
    // "8080. The ..." stays one paragraph.
    if (offset && ordered && number != 1 && open_kind() == Block::Kind::Paragraph) offset = 0;
    if (offset) {
      Block& item = start_block(Block::Kind::ListItem, line_no);
      item.level = leading_spaces(raw) / 2;
      item.ordered = ordered;
      item.number = number;
      append_text(trim(line.substr(offset)));
      continue;
    }
    // An indented line after a list item continues it; anything else joins
    // or starts a paragraph.
    if (open_kind() == Block::Kind::Paragraph ||
        (open_kind() == Block::Kind::ListItem && leading_spaces(raw) >= 2)) {
      append_text(line);
      continue;
    }
    start_block(Block::Kind::Paragraph, line_no);
    append_text(line);
  }
  close_open();
  return doc;
}

}  // namespace portlab::course
