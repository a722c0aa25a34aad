#include "ui/widgets/rich_text.h"

#include <imgui.h>
#include <imgui_internal.h>  // ItemAdd, ButtonBehavior: a link is an item of its own

#include <algorithm>

#include "ui/widgets.h"

namespace portlab::ui {

namespace {

ImFont* font_for(const ViewContext& ctx, course::Span::Style style, ImFont* base) {
  switch (style) {
    case course::Span::Style::Bold: return ctx.fonts->bold;
    case course::Span::Style::Code: return ctx.fonts->mono;
    default: return base ? base : ctx.fonts->body;
  }
}

// The next piece to place: a word with the spaces that follow it, so lines
// break between words and never inside one (a word wider than the line is
// placed alone on its line).
size_t next_piece(const std::string& text, size_t from) {
  size_t end = text.find(' ', from);
  if (end == std::string::npos) return text.size();
  while (end < text.size() && text[end] == ' ') ++end;
  return end;
}

}  // namespace

std::string rich_inline(const ViewContext& ctx, const course::Inline& spans, float wrap_width,
                        Tone tone_of_text, ImFont* base_font, a11y::Role role, int level) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float line_height = ImGui::GetTextLineHeightWithSpacing();
  const float right = origin.x + std::max(wrap_width, ImGui::GetFontSize() * 4);
  ImVec2 pen = origin;
  std::string clicked;
  // Where the words went: the block's node covers them all, a link's covers its own.
  ImRect words(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);
  std::vector<std::pair<const course::Span*, ImRect>> links;
  for (const course::Span& span : spans) {
    ImFont* font = font_for(ctx, span.style, base_font);
    const float size = font->FontSize;
    ImU32 colour = ImGui::GetColorU32(tone(tone_of_text));
    if (span.style == course::Span::Style::Emphasis || span.style == course::Span::Style::Link)
      colour = ImGui::GetColorU32(tone(Tone::Accent));
    ImRect span_words(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);
    for (size_t at = 0; at < span.text.size();) {
      const size_t end = next_piece(span.text, at);
      const char* begin = span.text.data() + at;
      const char* stop = span.text.data() + end;
      ImVec2 piece = font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, stop);
      // Trailing spaces may hang past the edge; the word itself may not.
      const char* word_end = stop;
      while (word_end > begin && word_end[-1] == ' ') --word_end;
      const float word_width = font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, word_end).x;
      if (pen.x + word_width > right && pen.x > origin.x) {
        pen.x = origin.x;
        pen.y += line_height;
      }
      // Text of another size sits on the body text's baseline.
      const ImVec2 at_pos(pen.x, pen.y + (ImGui::GetFontSize() - size) * 0.8f);
      if (span.style == course::Span::Style::Code)
        draw->AddRectFilled(ImVec2(at_pos.x - 2, pen.y), ImVec2(at_pos.x + word_width + 2, pen.y + line_height - 2),
                            ImGui::GetColorU32(tone(Tone::CardBackground)), 3.0f);
      draw->AddText(font, size, at_pos, colour, begin, word_end);
      if (span.style == course::Span::Style::Link) {
        const ImVec2 low(at_pos.x, pen.y + ImGui::GetFontSize() + 1);
        draw->AddLine(low, ImVec2(low.x + word_width, low.y), colour);
      }
      span_words.Add(ImRect(pen.x, pen.y, pen.x + word_width, pen.y + ImGui::GetTextLineHeight()));
      pen.x += piece.x;
      at = end;
    }
    if (span_words.Min.x <= span_words.Max.x) {
      words.Add(span_words);
      if (span.style == course::Span::Style::Link) links.emplace_back(&span, span_words);
    }
  }
  if (a11y::Recorder* recorder = a11y::current(); recorder && words.Min.x <= words.Max.x) {
    const std::string plain = course::plain_text(spans);
    // A header row's cell is itself the column's header.
    if (role == a11y::Role::ColumnHeader) recorder->column_header(ImGui::TableGetColumnIndex(), plain.c_str(), words.Min, words.Max);
    else a11y::text_at(role, plain.c_str(), words.Min, words.Max, level);
  }
  // Each link is an item of its own after its text: the mouse, Tab and
  // Enter (and assistive technology) follow it like a button.
  ImGuiContext& g = *GImGui;
  for (size_t i = 0; i < links.size(); ++i) {
    const course::Span& span = *links[i].first;
    const ImRect& rect = links[i].second;
    ImGui::PushID(static_cast<int>(i));
    const ImGuiID id = ImGui::GetID(span.target.c_str());
    ImGui::PopID();
    a11y::next_item(a11y::Role::Link);
    const bool shown = ImGui::ItemAdd(rect, id);
    IMGUI_TEST_ENGINE_ITEM_INFO(id, span.text.c_str(), g.LastItemData.StatusFlags);  // its name
    if (!shown) continue;
    bool hovered = false, held = false;
    if (ImGui::ButtonBehavior(rect, id, &hovered, &held)) clicked = span.target;
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::RenderNavHighlight(rect, id);
  }
  // Reserve the space the words took, so the next item goes below them
  // (and the item callers measure is the whole block, not a link).
  ImGui::Dummy(ImVec2(std::max(0.0f, right - origin.x), pen.y - origin.y + line_height));
  return clicked;
}

std::string rich_block(const ViewContext& ctx, const course::Block& block, float wrap_width) {
  using Kind = course::Block::Kind;
  const ImGuiStyle& style = ImGui::GetStyle();
  switch (block.kind) {
    case Kind::Heading: {
      ImGui::Spacing();
      return rich_inline(ctx, block.text, wrap_width, Tone::Text, ctx.fonts->bold, a11y::Role::Heading,
                         std::clamp(block.level, 1, 6));
    }
    case Kind::Paragraph: return rich_inline(ctx, block.text, wrap_width);
    case Kind::ListItem: {
      const float indent = ImGui::GetFontSize() * 1.4f * static_cast<float>(block.level + 1);
      const ImVec2 start = ImGui::GetCursorScreenPos();
      const std::string marker = block.ordered ? std::to_string(block.number) + "." : "\xE2\x80\xA2";
      ImGui::GetWindowDrawList()->AddText(ImVec2(start.x + indent - ImGui::CalcTextSize(marker.c_str()).x - 6, start.y),
                                          ImGui::GetColorU32(tone(Tone::Muted)), marker.c_str());
      ImGui::SetCursorScreenPos(ImVec2(start.x + indent, start.y));
      return rich_inline(ctx, block.text, wrap_width - indent, Tone::Text, nullptr, a11y::Role::ListItem);
    }
    case Kind::Note: {
      // A bar down the left edge marks a note without a box around it.
      const ImVec2 start = ImGui::GetCursorScreenPos();
      const float bar = ImGui::GetFontSize() * 0.9f;
      ImGui::SetCursorScreenPos(ImVec2(start.x + bar, start.y));
      a11y::begin(a11y::Role::Group, "Note");  // what the bar says to the eye
      const std::string clicked = rich_inline(ctx, block.text, wrap_width - bar, Tone::Text);
      a11y::end();
      const float bottom = ImGui::GetItemRectMax().y;
      ImGui::GetWindowDrawList()->AddRectFilled(start, ImVec2(start.x + 4, bottom - style.ItemSpacing.y),
                                                ImGui::GetColorU32(tone(Tone::Accent)));
      return clicked;
    }
    case Kind::Code: {
      ImGui::PushFont(ctx.fonts->mono);
      ImGui::PushStyleColor(ImGuiCol_ChildBg, tone(Tone::CardBackground));
      const float lines = static_cast<float>(std::count(block.code.begin(), block.code.end(), '\n') + 1);
      const float height = lines * ImGui::GetTextLineHeightWithSpacing() + style.WindowPadding.y * 2;
      ImGui::BeginChild(ImGui::GetID(&block), ImVec2(wrap_width, height), true,
                        ImGuiWindowFlags_HorizontalScrollbar);
      text(block.code.c_str());
      ImGui::EndChild();
      ImGui::PopStyleColor();
      ImGui::PopFont();
      return "";
    }
    case Kind::Table: {
      std::string clicked;
      if (block.rows.empty()) return clicked;
      const int columns = static_cast<int>(block.rows.front().size());
      // Equal columns: ImGui 1.86 sizes proportional ones from the widths
      // their text had in the frame before, so the first frame of a step
      // drew every column about 20 px wide and wrapped each word. Cells
      // wrap to their column anyway, so proportional widths came out equal.
      const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame;
      if (!ImGui::BeginTable(std::to_string(block.line).c_str(), columns, flags, ImVec2(wrap_width, 0)))
        return clicked;
      for (size_t r = 0; r < block.rows.size(); ++r) {
        ImGui::TableNextRow();
        for (int c = 0; c < columns && c < static_cast<int>(block.rows[r].size()); ++c) {
          ImGui::TableSetColumnIndex(c);
          ImFont* font = r == 0 ? ctx.fonts->bold : nullptr;
          std::string link = rich_inline(ctx, block.rows[r][static_cast<size_t>(c)], ImGui::GetContentRegionAvail().x,
                                         Tone::Text, font, r == 0 ? a11y::Role::ColumnHeader : a11y::Role::Text);
          if (!link.empty()) clicked = link;
        }
      }
      ImGui::EndTable();
      return clicked;
    }
  }
  return "";
}

void RichListNesting::next(const course::Block& block) {
  const int wanted = block.kind == course::Block::Kind::ListItem ? block.level + 1 : 0;
  for (; open_ < wanted; ++open_) a11y::begin(a11y::Role::List, "");
  for (; open_ > wanted; --open_) a11y::end();
}

void RichListNesting::close() {
  for (; open_ > 0; --open_) a11y::end();
}

}  // namespace portlab::ui
