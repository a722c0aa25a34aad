#include "ui/widgets/question_card.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "core/practice/answer_text.h"
#include "ui/a11y/semantics.h"
#include "ui/widgets.h"
#include "ui/widgets/result_paragraph.h"

namespace portlab::ui {

namespace {

// A choice the width of the card, its text wrapped, with a round (radio) or
// square (check box) marker: long options stay readable on a phone and the
// whole row is the tap target. The Selectable carries the option's text as
// its label (drawn invisibly) so keyboard navigation and tests find it by
// what it says; the wrapped text is drawn on top.
// After the answer (`locked`), `ink` marks the right options green and a
// wrong choice red, so the feedback points at the options themselves.
bool option_row(const char* text, int index, bool selected, bool square, bool locked,
                Tone ink_tone = Tone::Text) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float marker = ImGui::GetFontSize();
  const float pad = style.FramePadding.y * 2;
  const float text_x = marker + style.ItemInnerSpacing.x * 2;
  // As wide as reading text, so the row's highlight stays near its words.
  const float width = reading_width();
  const float wrap = std::max(width - text_x, marker * 4);
  const ImVec2 size = ImGui::CalcTextSize(text, nullptr, false, wrap);
  const float height = std::max(ImGui::GetFrameHeight() * 1.4f, size.y + pad * 2);
  const ImVec2 pos = ImGui::GetCursorScreenPos();

  char label[48];
  std::snprintf(label, sizeof label, "##option%d", index);
  std::string full = std::string(text) + label;
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0, 0, 0, 0));
  // To assistive technology a radio button or a check box, named by its text.
  a11y::next_item(square ? a11y::Role::Checkbox : a11y::Role::Radio,
                  (selected ? a11y::kChecked : 0u) | (locked ? a11y::kDisabled : 0u));
  const bool clicked =
      ImGui::Selectable(full.c_str(), selected, locked ? ImGuiSelectableFlags_Disabled : 0,
                        ImVec2(width, height));
  ImGui::PopStyleColor();

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 ink = ImGui::GetColorU32(tone(ink_tone));
  const ImU32 accent = ImGui::GetColorU32(tone(Tone::Accent));
  const ImVec2 centre(pos.x + marker * 0.5f + style.ItemInnerSpacing.x, pos.y + height * 0.5f);
  const float r = marker * 0.4f;
  if (square) {
    draw->AddRect(ImVec2(centre.x - r, centre.y - r), ImVec2(centre.x + r, centre.y + r), ink, 2,
                  0, 1.5f);
    if (selected)
      draw->AddRectFilled(ImVec2(centre.x - r * 0.55f, centre.y - r * 0.55f),
                          ImVec2(centre.x + r * 0.55f, centre.y + r * 0.55f), accent, 1);
  } else {
    draw->AddCircle(centre, r, ink, 20, 1.5f);
    if (selected) draw->AddCircleFilled(centre, r * 0.55f, accent, 20);
  }
  draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                ImVec2(pos.x + text_x, pos.y + (height - size.y) * 0.5f), ink, text, nullptr,
                wrap);
  return clicked && !locked;
}

Tone option_tone(const quiz::ChoiceOption& option, bool chosen, bool locked) {
  if (!locked) return Tone::Text;
  if (option.fraction > 0) return Tone::Success;
  return chosen ? Tone::Danger : Tone::Muted;
}

// A button at least a line and a half tall, so a finger finds it.
bool big_button(const char* label) {
  const float h = ImGui::GetFrameHeight() * 1.4f;
  const float w = std::max(button_width(label), ImGui::GetFontSize() * 7);
  return ImGui::Button(label, ImVec2(w, h));
}

// A True/False button that shows when it is the learner's choice (a radio
// button to assistive technology).
bool choice_button(const char* label, bool chosen) {
  if (chosen)
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  a11y::next_item(a11y::Role::Radio, chosen ? a11y::kChecked : 0u);
  const bool clicked = big_button(label);
  if (chosen) ImGui::PopStyleColor();
  return clicked;
}

}  // namespace

void QuestionCard::reset() {
  started_ = false;
  question_id_.clear();
}

void QuestionCard::start(const quiz::Question& q) {
  question_id_ = q.id;
  started_ = true;
  single_ = -1;
  multiple_.assign(q.options.size(), false);
  truth_.reset();
  text_[0] = '\0';
  match_prompts_ = quiz::matching_prompts(q);
  match_choices_ = quiz::matching_choices(q);
  matches_.assign(match_prompts_.size(), -1);
  revealed_ = false;
  problem_.clear();
  response_ = quiz::Response{};
}

QuestionCard::Action QuestionCard::draw(const ViewContext& ctx, const quiz::Question& q,
                                        const std::optional<quiz::Grade>& feedback,
                                        const Options& options) {
  if (!started_ || q.id != question_id_) start(q);
  Action action = Action::None;
  shown_.clear();
  ImGui::PushID(q.id.c_str());

  paragraph(q.prompt.c_str());
  ImGui::Spacing();
  const bool locked = feedback.has_value();
  draw_input(ctx, q, locked);
  ImGui::Spacing();

  if (!problem_.empty() && !locked) result_paragraph(problem_.c_str(), Tone::Warning, true);

  if (!locked) {
    if (q.type == quiz::QuestionType::Simulation) {
      paragraph("This is a task for a lab: do it there, then come back and have the lab's engine "
                "check your work.", Tone::Muted);
      a11y::next_item(a11y::Role::Link);  // it goes to the lab
      if (big_button("Open the task")) action = Action::OpenTask;
      same_line_if_fits(std::max(button_width("Check my work"), ImGui::GetFontSize() * 7));
      if (big_button("Check my work")) action = Action::CheckTask;
    } else {
      ImGui::BeginDisabled(!complete(q));
      const bool submit = big_button(options.submit_label) || (enter_pressed_ && complete(q));
      if (submit && build_response(q)) action = Action::Submit;
      enter_pressed_ = false;
      ImGui::EndDisabled();
    }
    if (options.allow_reveal && !revealed_) {
      same_line_if_fits(std::max(button_width("Reveal answer"), ImGui::GetFontSize() * 7));
      if (big_button("Reveal answer")) revealed_ = true;
    }
    if (options.allow_skip || q.type == quiz::QuestionType::Simulation) {
      const char* skip = q.type == quiz::QuestionType::Simulation ? "Skip" : options.next_label;
      same_line_if_fits(std::max(button_width(skip), ImGui::GetFontSize() * 7));
      if (big_button(skip)) action = Action::Next;
    }
    if (revealed_) draw_answer(ctx, q);
  } else {
    draw_feedback(ctx, q, *feedback);
    if (big_button(options.next_label)) action = Action::Next;
  }
  ImGui::PopID();
  return action;
}

void QuestionCard::draw_input(const ViewContext& ctx, const quiz::Question& q, bool locked) {
  const float input_width = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 20);
  switch (q.type) {
    case quiz::QuestionType::SingleChoice:
      for (size_t i = 0; i < q.options.size(); ++i)
        if (option_row(q.options[i].text.c_str(), static_cast<int>(i),
                       single_ == static_cast<int>(i), false, locked,
                       option_tone(q.options[i], single_ == static_cast<int>(i), locked)))
          single_ = static_cast<int>(i);
      break;
    case quiz::QuestionType::MultipleChoice:
      paragraph("Choose every answer that applies.", Tone::Muted);
      for (size_t i = 0; i < q.options.size(); ++i)
        if (option_row(q.options[i].text.c_str(), static_cast<int>(i), multiple_[i], true, locked,
                       option_tone(q.options[i], multiple_[i], locked)))
          multiple_[i] = !multiple_[i];
      break;
    case quiz::QuestionType::TrueFalse:
      ImGui::BeginDisabled(locked);
      if (choice_button("True", truth_ == true)) truth_ = true;
      same_line_if_fits(std::max(button_width("False"), ImGui::GetFontSize() * 7));
      if (choice_button("False", truth_ == false)) truth_ = false;
      ImGui::EndDisabled();
      break;
    case quiz::QuestionType::Numeric:
    case quiz::QuestionType::ShortAnswer: {
      const bool numeric = q.type == quiz::QuestionType::Numeric;
      ImGui::BeginDisabled(locked);
      ImGui::PushFont(numeric ? ctx.fonts->mono : ctx.fonts->body);
      ImGui::SetNextItemWidth(input_width);
      // Enter checks the answer, so a typed answer needs no trip to the button.
      const ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue |
                                        (numeric ? ImGuiInputTextFlags_CharsDecimal : 0);
      if (text_field("##Your answer", text_, sizeof text_, flags, numeric ? "a number, e.g. 443" : "your answer"))
        enter_pressed_ = true;
      ImGui::PopFont();
      ImGui::EndDisabled();
      break;
    }
    case quiz::QuestionType::Matching:
      ImGui::BeginDisabled(locked);
      for (size_t i = 0; i < match_prompts_.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        text(match_prompts_[i].c_str());
        ImGui::SetNextItemWidth(input_width);
        const char* preview = matches_[i] < 0 ? "choose..." : match_choices_[matches_[i]].c_str();
        // Named by its prompt, the text above it.
        const std::string label = "##" + match_prompts_[i];
        if (begin_combo(label.c_str(), preview)) {
          for (size_t c = 0; c < match_choices_.size(); ++c)
            if (option(match_choices_[c].c_str(), matches_[i] == static_cast<int>(c)))
              matches_[i] = static_cast<int>(c);
          ImGui::EndCombo();
        }
        ImGui::PopID();
      }
      ImGui::EndDisabled();
      break;
    case quiz::QuestionType::Simulation: break;
  }
}

bool QuestionCard::complete(const quiz::Question& q) const {
  switch (q.type) {
    case quiz::QuestionType::SingleChoice: return single_ >= 0;
    case quiz::QuestionType::MultipleChoice:
      return std::find(multiple_.begin(), multiple_.end(), true) != multiple_.end();
    case quiz::QuestionType::TrueFalse: return truth_.has_value();
    case quiz::QuestionType::Numeric:
    case quiz::QuestionType::ShortAnswer: return text_[0] != '\0';
    case quiz::QuestionType::Matching:
      return std::find(matches_.begin(), matches_.end(), -1) == matches_.end();
    case quiz::QuestionType::Simulation: return false;
  }
  return false;
}

bool QuestionCard::build_response(const quiz::Question& q) {
  problem_.clear();
  switch (q.type) {
    case quiz::QuestionType::SingleChoice:
      response_ = quiz::ChoiceResponse{{static_cast<size_t>(single_)}};
      return true;
    case quiz::QuestionType::MultipleChoice: {
      quiz::ChoiceResponse r;
      for (size_t i = 0; i < multiple_.size(); ++i)
        if (multiple_[i]) r.selected.push_back(i);
      response_ = r;
      return true;
    }
    case quiz::QuestionType::TrueFalse: response_ = quiz::TrueFalseResponse{*truth_}; return true;
    case quiz::QuestionType::Numeric: {
      std::optional<double> n = quiz::parse_number(text_);
      if (!n) {
        problem_ = std::string("\"") + text_ + "\" is not a number; type digits only, e.g. 443.";
        return false;
      }
      response_ = quiz::NumericResponse{*n};
      return true;
    }
    case quiz::QuestionType::ShortAnswer: response_ = quiz::TextResponse{text_}; return true;
    case quiz::QuestionType::Matching: {
      quiz::MatchingResponse r;
      for (int m : matches_) r.chosen.push_back(match_choices_[static_cast<size_t>(m)]);
      response_ = r;
      return true;
    }
    case quiz::QuestionType::Simulation: return false;
  }
  return false;
}

void QuestionCard::say(const std::string& text, Tone role) {
  // Feedback appears after an answer (or a reveal): read out when it does.
  result_paragraph(text.c_str(), role);
  shown_.push_back(text);
}

void QuestionCard::draw_feedback(const ViewContext& ctx, const quiz::Question& q,
                                 const quiz::Grade& grade) {
  ImGui::PushFont(ctx.fonts->bold);
  if (grade.correct) {
    say("Right.", Tone::Success);
  } else if (grade.credit > 0) {
    const std::string partly = "Partly right: " +
                               std::to_string(static_cast<int>(std::lround(grade.credit * 100))) +
                               " % of the credit.";
    say(partly, Tone::Warning);
  } else {
    say("Not right.", Tone::Danger);
  }
  ImGui::PopFont();
  for (const std::string& line : grade.feedback) say(line);
  draw_answer(ctx, q);
}

void QuestionCard::draw_answer(const ViewContext& ctx, const quiz::Question& q) {
  ImGui::Spacing();
  ImGui::PushFont(ctx.fonts->bold);
  text("The answer:");
  shown_.push_back("The answer:");
  ImGui::PopFont();
  ImGui::SameLine();
  const std::string answer = practice::describe_correct_answer(q);
  say(answer, Tone::Accent);
  if (!q.explanation.empty()) say(q.explanation);
  ImGui::Spacing();
}

}  // namespace portlab::ui
