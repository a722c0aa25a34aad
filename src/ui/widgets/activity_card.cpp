#include "ui/widgets/activity_card.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/activity/goal_words.h"
#include "core/text.h"
#include "ui/widgets.h"
#include "ui/widgets/result_paragraph.h"

namespace portlab::ui {

namespace {

constexpr const char* kCheck = "\xE2\x9C\x93";  // ✓
constexpr const char* kCross = "\xE2\x9C\x97";  // ✗
constexpr const char* kDot = "\xC2\xB7";        // ·

bool is_answer_goal(const activity::Line& goal) {
  const std::string_view text = text::trim(goal.text);
  return text == "answer" || text::starts_with(text, "answer ");
}

bool has_answer_goal(const activity::Activity& activity) {
  return std::any_of(activity.goals.begin(), activity.goals.end(), is_answer_goal);
}

bool is_open(const model::Model& model, const activity::Activity& activity) {
  return model.activity_run && model.activity_run->activity.key() == activity.key() &&
         model.activity_run->activity.lab == activity.lab;
}

// A text field as wide as a short answer, its label visible beside it.
float field_width() { return std::min(ImGui::GetContentRegionAvail().x * 0.6f, ImGui::GetFontSize() * 16); }

}  // namespace

bool activity_button(const char* label) {
  const float h = ImGui::GetFrameHeight() * 1.4f;
  const float w = std::max(button_width(label), ImGui::GetFontSize() * 7);
  return ImGui::Button(label, ImVec2(w, h));
}

std::string goal_text(const activity::Activity& activity) {
  std::vector<std::string> lines;
  for (const activity::Line& goal : activity.goals) lines.push_back(goal.text);
  // A prediction-only activity has no goal line: its task is the question.
  if (lines.empty() && activity.prediction) lines.push_back("predict " + std::string(activity::to_string(activity.prediction->kind)) + ": " + activity.prediction->ask);
  return text::join(lines, "; ");
}

// In words (goal_words.h), which say an `answer` goal without the values
// it accepts: as written it would give the answer away.
std::string shown_goal(const activity::Line& goal) { return activity::goal_in_words(goal.text); }

std::string shown_goal_text(const activity::Activity& activity) {
  std::vector<std::string> lines;
  for (const activity::Line& goal : activity.goals) lines.push_back(shown_goal(goal));
  // Each goal in words is a sentence of its own.
  return text::join(lines, " ");
}

bool ActivityCard::shows(const std::string& text) const {
  return std::find(shown_.begin(), shown_.end(), text) != shown_.end();
}

void ActivityCard::say(const std::string& text, Tone role, a11y::Role result) {
  if (result == a11y::Role::Status) result_paragraph(text.c_str(), role);
  else if (result == a11y::Role::Alert) result_paragraph(text.c_str(), role, true);
  else paragraph(text.c_str(), role);
  shown_.push_back(text);
}

void ActivityCard::start(const std::string& key) {
  key_ = key;
  started_ = true;
  answer_[0] = '\0';
  answer_checked_ = false;
  prediction_[0] = '\0';
  choice_ = -1;
  start_problem_.clear();
}

bool ActivityCard::draw(const ViewContext& ctx, const activity::Activity* activity) {
  shown_.clear();
  model::Model& model = *ctx.model;
  if (!activity && !model.activity_run) return false;
  const activity::Activity& shown = activity ? *activity : model.activity_run->activity;
  const bool open = is_open(model, shown);
  if (!started_ || shown.key() != key_) start(shown.key());
  // Judged before drawing, so the banner shows the lab as it is this frame.
  if (open) model.update_activity();

  ImGui::PushID(shown.key().c_str());
  // The card grows with what it shows (a hint, the verdict); its height is
  // measured each frame, a guess on the first.
  const float height = height_ > 0 ? height_ : ImGui::GetFrameHeightWithSpacing() * 6;
  card("activity", height, [&] {
    const char* title = shown.prediction ? "Predict, then run" : "Your task";
    a11y::begin(a11y::Role::Group, title);
    ImGui::PushFont(ctx.fonts->bold);
    text(title);
    ImGui::PopFont();
    draw_goals(ctx, shown);
    if (open) {
      draw_open(ctx, *model.activity_run);
    } else {
      if (model.activity_done(shown.key())) say(std::string(kCheck) + " Done earlier", Tone::Success);
      if (activity_button("Start")) start_problem_ = model.open_activity(shown);
      if (!start_problem_.empty())
        say("This activity could not be set up: " + start_problem_, Tone::Warning, a11y::Role::Alert);
    }
    a11y::end();
    height_ = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
  });
  ImGui::PopID();
  return true;
}

void ActivityCard::draw_goals(const ViewContext& ctx, const activity::Activity& activity) {
  for (const activity::Line& goal : activity.goals) {
    ImGui::PushFont(ctx.fonts->bold);
    text("Goal:");
    ImGui::PopFont();
    ImGui::SameLine();
    const float x = ImGui::GetCursorPosX();
    const std::string words = shown_goal(goal);
    ImGui::PushTextWrapPos(x + reading_width());
    text(words.c_str());
    ImGui::PopTextWrapPos();
    shown_.push_back("Goal: " + words);
    // The line as the teacher wrote it stays visible below, small and quiet,
    // as code (it is the vocabulary of lessons and setup links); an answer
    // goal's line would give the answer away.
    if (is_answer_goal(goal) || words == goal.text) continue;
    ImGui::SetCursorPosX(x);
    ImGui::PushFont(ctx.fonts->mono);
    ImGui::SetWindowFontScale(0.9f);
    ImGui::PushStyleColor(ImGuiCol_Text, tone(Tone::Muted));
    ImGui::PushTextWrapPos(x + reading_width());
    text(goal.text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopFont();
    shown_.push_back(goal.text);
  }
}

void ActivityCard::draw_open(const ViewContext& ctx, model::ActivityRun& run) {
  if (run.activity.prediction) draw_prediction(ctx, run);
  if (has_answer_goal(run.activity)) draw_answer(ctx, run);
  draw_verdict(ctx, run);
  draw_hints(ctx, run);
}

void ActivityCard::draw_prediction(const ViewContext& ctx, model::ActivityRun& run) {
  const activity::Prediction& prediction = *run.activity.prediction;
  if (run.prediction) {
    const activity::PredictionOutcome& outcome = *run.prediction;
    if (!outcome.problem.empty()) {
      say("The simulation could not run: " + outcome.problem, Tone::Warning, a11y::Role::Alert);
      return;
    }
    ImGui::PushFont(ctx.fonts->bold);
    say("You predicted " + outcome.predicted + " " + kDot + " the engine: " + outcome.engine + " " +
            (outcome.right ? kCheck : kCross),
        outcome.right ? Tone::Success : Tone::Danger, a11y::Role::Status);
    ImGui::PopFont();
    if (!outcome.explanation.empty()) say(outcome.explanation, Tone::Text, a11y::Role::Status);
    return;
  }
  ImGui::Spacing();
  const std::string ask = prediction.ask.empty() ? "What will the engine do?" : prediction.ask;
  say(ask);
  std::string value;
  if (!prediction.choices.empty()) {
    // Radio buttons carry their choice as a visible label: a keyboard (and
    // a test) finds them by what they say; their group by the question.
    a11y::begin(a11y::Role::Group, ask.c_str());
    for (size_t i = 0; i < prediction.choices.size(); ++i) {
      if (i > 0) same_line_if_fits(button_width(prediction.choices[i].c_str()) + ImGui::GetFrameHeight());
      if (radio(prediction.choices[i].c_str(), choice_ == static_cast<int>(i))) choice_ = static_cast<int>(i);
    }
    a11y::end();
    if (choice_ >= 0 && choice_ < static_cast<int>(prediction.choices.size()))
      value = prediction.choices[static_cast<size_t>(choice_)];
  } else {
    ImGui::SetNextItemWidth(field_width());
    text_field("Your prediction", prediction_, sizeof prediction_, 0, "type it before you run");
    value = std::string(text::trim(prediction_));
  }
  ImGui::BeginDisabled(value.empty());
  if (activity_button("Run the simulation")) ctx.model->predict(value);
  ImGui::EndDisabled();
}

void ActivityCard::draw_answer(const ViewContext& ctx, model::ActivityRun& run) {
  ImGui::Spacing();
  ImGui::SetNextItemWidth(field_width());
  const bool enter = text_field("Your answer", answer_, sizeof answer_, ImGuiInputTextFlags_EnterReturnsTrue,
                                "the value you found");
  if (ImGui::IsItemEdited()) answer_checked_ = false;
  same_line_if_fits(std::max(button_width("Check"), ImGui::GetFontSize() * 7));
  if (activity_button("Check") || enter) {
    ctx.model->set_activity_answer(answer_);
    ctx.model->update_activity();
    answer_checked_ = true;
  }
  if (answer_checked_ && !run.verdict.met && run.inputs.answer == answer_)
    say("Not yet: that is not the value the goal asks for.", Tone::Warning, a11y::Role::Status);
}

void ActivityCard::draw_hints(const ViewContext& ctx, model::ActivityRun& run) {
  const std::vector<std::string>& hints = run.activity.hints;
  const int count = static_cast<int>(hints.size());
  const int shown = std::min(run.hints_shown, count);
  for (int i = 0; i < shown; ++i)
    say("Hint " + std::to_string(i + 1) + " of " + std::to_string(count) + ": " + hints[static_cast<size_t>(i)],
        Tone::Accent, a11y::Role::Status);
  if (shown < count && activity_button("Show a hint")) ctx.model->reveal_hint();
}

void ActivityCard::draw_verdict(const ViewContext& ctx, const model::ActivityRun& run) {
  const bool done = ctx.model->activity_done(run.activity.key());
  if (run.activity.goals.empty()) return;  // a prediction only: its grade is the verdict
  ImGui::Spacing();
  if (run.verdict.met) {
    ImGui::PushFont(ctx.fonts->bold);
    say(std::string(kCheck) + " Goal met", Tone::Success, a11y::Role::Status);
    ImGui::PopFont();
    if (!run.verdict.explanation.empty()) say(run.verdict.explanation, Tone::Text, a11y::Role::Status);
    return;
  }
  if (done) say(std::string(kCheck) + " Done earlier (you can do it again)", Tone::Success);
  if (!run.verdict.explanation.empty()) say("So far: " + run.verdict.explanation, Tone::Muted);
}

}  // namespace portlab::ui
