#include <doctest/doctest.h>

#include "core/course/markdown.h"

using namespace portlab::course;
using Style = Span::Style;

TEST_CASE("markdown: inline bold, emphasis, code and links; underscores stay literal") {
  Inline spans = parse_inline("Set **ip_local_port_range** with *sysctl* or `ss -tan`, see [NAT](#/lesson/nat/2).");
  REQUIRE(spans.size() == 9);
  CHECK(spans[1] == Span{Style::Bold, "ip_local_port_range", ""});
  CHECK(spans[3] == Span{Style::Emphasis, "sysctl", ""});
  CHECK(spans[5] == Span{Style::Code, "ss -tan", ""});
  CHECK(spans[7] == Span{Style::Link, "NAT", "#/lesson/nat/2"});
  CHECK(plain_text(spans) == "Set ip_local_port_range with sysctl or ss -tan, see NAT.");
}

TEST_CASE("markdown: unmatched markers and escapes are plain text") {
  CHECK(plain_text(parse_inline("2 * 3 and `open")) == "2 * 3 and `open");
  CHECK(parse_inline("\\*not emphasis\\*").size() == 1);
  CHECK(plain_text(parse_inline("a [b] c")) == "a [b] c");
}

TEST_CASE("markdown: blocks with their file line numbers") {
  const char* text =
      "### Heading\n"
      "First line\n"
      "continues here.\n"
      "\n"
      "- one\n"
      "  - nested\n"
      "2. two\n"
      "\n"
      "| Range | Ports |\n"
      "|---|---|\n"
      "| System | 0-1023 |\n"
      "\n"
      "> A note\n"
      "> on two lines\n"
      "```\n"
      "sysctl net.ipv4.ip_local_port_range\n"
      "```\n";
  MarkdownDocument doc = parse_markdown(text, 10);
  CHECK(doc.issues.empty());
  REQUIRE(doc.blocks.size() == 8);
  CHECK(doc.blocks[0].kind == Block::Kind::Heading);
  CHECK(doc.blocks[0].level == 3);
  CHECK(doc.blocks[0].line == 10);
  CHECK(plain_text(doc.blocks[1].text) == "First line continues here.");
  CHECK(doc.blocks[1].line == 11);
  CHECK(doc.blocks[2].kind == Block::Kind::ListItem);
  CHECK(doc.blocks[3].level == 1);
  CHECK(doc.blocks[4].ordered);
  CHECK(doc.blocks[4].number == 2);
  REQUIRE(doc.blocks[5].kind == Block::Kind::Table);
  CHECK(doc.blocks[5].rows.size() == 2);
  CHECK(plain_text(doc.blocks[5].rows[1][1]) == "0-1023");
  CHECK(plain_text(doc.blocks[6].text) == "A note on two lines");
  MarkdownDocument code = parse_markdown("```sh\nsysctl -a\n```\n");
  REQUIRE(code.blocks.size() == 1);
  CHECK(code.blocks[0].code == "sysctl -a\n");
  CHECK(code.blocks[0].language == "sh");
}

TEST_CASE("markdown: a numbered line inside a paragraph starts a list only at 1.") {
  // A wrapped sentence may put a number and a full stop at a line's start.
  MarkdownDocument wrapped = parse_markdown("a web server on TCP\n8080. The host runs sshd.\n");
  REQUIRE(wrapped.blocks.size() == 1);
  CHECK(plain_text(wrapped.blocks[0].text) == "a web server on TCP 8080. The host runs sshd.");
  MarkdownDocument list = parse_markdown("Steps:\n1. first\n2. second\n");
  REQUIRE(list.blocks.size() == 3);
  CHECK(list.blocks[1].ordered);
  CHECK(list.blocks[2].number == 2);
}

TEST_CASE("markdown: an unclosed fence and a ragged table are reported at their lines") {
  MarkdownDocument doc = parse_markdown("| a | b |\n|---|---|\n| 1 |\n\n```\nnever closed\n", 5);
  REQUIRE(doc.issues.size() == 2);
  CHECK(doc.issues[0].line == 7);
  CHECK(doc.issues[0].message == "table row has 1 cells but the header has 2");
  CHECK(doc.issues[1].line == 9);
  CHECK(doc.issues[1].message == "code block opened here is never closed with ```");
}
