// Draws a lesson's Markdown (course/markdown.h blocks and inline spans):
// wrapped paragraphs mixing bold, emphasis, code and links, headings, nested
// lists, notes, tables and code blocks. The parser lives in core; this only
// lays the words out.
//
// The words are drawn one by one, so ImGui knows nothing of them: each block
// also tells assistive technology (ui/a11y) its whole text as one node over
// the words, a heading with its level, a list item inside its list, and each
// inline link as a link it can focus and follow.
#pragma once

#include <string>
#include <vector>

#include "core/course/markdown.h"
#include "ui/a11y/semantics.h"
#include "ui/theme.h"
#include "ui/view_context.h"

namespace portlab::ui {

// Inline spans wrapped to `wrap_width` from the cursor, plain text in
// `base_font` (the body font when null), told to assistive technology as
// one node of `role` (a heading of `level`). Returns the target of a link
// the learner clicked or activated this frame, or "".
std::string rich_inline(const ViewContext& ctx, const course::Inline& spans, float wrap_width,
                        Tone tone_of_text = Tone::Text, ImFont* base_font = nullptr,
                        a11y::Role role = a11y::Role::Text, int level = 0);

// One block (a heading, paragraph, list item, note, table or code block).
// Returns a clicked link's target, or "".
std::string rich_block(const ViewContext& ctx, const course::Block& block, float wrap_width);

// Puts consecutive list items in a list (nested items in a nested one) for
// assistive technology: call next() with each block before drawing it and
// close() before drawing anything else between or after the blocks.
class RichListNesting {
 public:
  void next(const course::Block& block);
  void close();
  ~RichListNesting() { close(); }

 private:
  int open_ = 0;
};

}  // namespace portlab::ui
