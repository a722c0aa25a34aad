// Draws a lesson's Markdown (course/markdown.h blocks and inline spans):
// wrapped paragraphs mixing bold, emphasis, code and links, headings, nested
// lists, notes, tables and code blocks. The parser lives in core; this only
// lays the words out.
#pragma once

#include <string>
#include <vector>

#include "core/course/markdown.h"
#include "ui/theme.h"
#include "ui/view_context.h"

namespace portlab::ui {

// Inline spans wrapped to `wrap_width` from the cursor, plain text in
// `base_font` (the body font when null). Returns the target of a link the
// learner clicked this frame, or "".
std::string rich_inline(const ViewContext& ctx, const course::Inline& spans, float wrap_width,
                        Tone tone_of_text = Tone::Text, ImFont* base_font = nullptr);

// One block (a heading, paragraph, list item, note, table or code block).
// Returns a clicked link's target, or "".
std::string rich_block(const ViewContext& ctx, const course::Block& block, float wrap_width);

}  // namespace portlab::ui
