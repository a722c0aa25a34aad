// The Markdown subset lessons are written in, parsed into blocks and inline
// spans the UI can draw without knowing Markdown.
//
// Supported: ATX headings (### only: "##" starts a step, see lesson.h),
// paragraphs, **bold**, *emphasis*, `code`, [links](#/route), "- " and "1. "
// lists (two-space indent nests), | tables | with a separator row, fenced
// code blocks, and "> " notes. Anything else is plain text, never an error,
// except structure a teacher would want to hear about: an unclosed code
// fence or a table row with the wrong number of cells.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace portlab::course {

struct Span {
  enum class Style : unsigned char { Plain, Bold, Emphasis, Code, Link };
  Style style = Style::Plain;
  std::string text;
  std::string target;  // links only
  bool operator==(const Span& o) const {
    return style == o.style && text == o.text && target == o.target;
  }
};
using Inline = std::vector<Span>;

struct Block {
  enum class Kind : unsigned char { Heading, Paragraph, ListItem, Table, Code, Note };
  Kind kind = Kind::Paragraph;
  int line = 0;                     // first source line, 1-based in the file
  int level = 0;                    // heading level (3+), list nesting depth (0 = top)
  bool ordered = false;             // "1." list items
  int number = 0;                   // the number written for ordered items
  Inline text;                      // heading, paragraph, list item, note
  std::vector<std::vector<Inline>> rows;  // table: header row first
  std::string code;                 // code block text
  std::string language;             // code block info string
};

struct MarkdownIssue {
  int line = 0;
  std::string message;
};

struct MarkdownDocument {
  std::vector<Block> blocks;
  std::vector<MarkdownIssue> issues;
};

// `first_line` is the file line of text's first line, so blocks and issues
// carry file line numbers.
MarkdownDocument parse_markdown(std::string_view text, int first_line = 1);

// Inline spans of one line of text.
Inline parse_inline(std::string_view text);

// The spans' text without markup (for search, screen readers, tests).
std::string plain_text(const Inline& spans);

}  // namespace portlab::course
