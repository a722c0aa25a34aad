#include "ui/views/home_view.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/model/course_summary.h"
#include "core/model/prediction_questions.h"
#include "core/progress/mastery.h"
#include "core/progress/review_queue.h"
#include "ui/a11y/semantics.h"
#include "ui/widgets.h"

namespace portlab::ui {

namespace {

struct LabLink {
  nav::Screen screen;
  const char* label;
  const char* summary;
};
constexpr LabLink kLabs[] = {
    {nav::Screen::Explorer, "Port Explorer", "Any port or service: its range, who may bind it, how often it is open."},
    {nav::Screen::Bind, "Bind Lab", "Try bind() as any user on any OS and see the error and the rule."},
    {nav::Screen::Ephemeral, "Ephemeral Lab", "Watch a kernel choose client ports, run out of them, and age TIME_WAIT."},
    {nav::Screen::Nat, "NAT Lab", "Send packets through a home router and open a way in with port forwarding."},
};

}  // namespace

void HomeView::draw() {
  model::Model& m = *ctx_.model;
  title(ctx_, "Learn how TCP and UDP ports really work");
  paragraph(
      "PortLab teaches ports by letting you run them: every simulation behaves the way real operating "
      "systems and routers do, and every quiz answer is computed by those simulations.",
      Tone::Muted);

  const std::vector<model::LessonSummary> lessons =
      model::summarize_lessons(m.content.course, m.progress, m.content.activities);
  draw_next_steps(lessons);
  draw_lessons(lessons);
  draw_mastery();

  heading(ctx_, "Labs");
  for (const LabLink& lab : kLabs) {
    if (link(lab.label)) ctx_.navigator->go(nav::Route{lab.screen, {}});
    ImGui::SameLine();
    text_wrapped(lab.summary, Tone::Muted);
  }

  heading(ctx_, "Before you start");
  paragraph(
      "Make the text larger or switch to a high-contrast theme in Settings. Everything can be reached from "
      "the keyboard: the arrow keys move between controls and Space activates the one that is highlighted. "
      "In a lesson, the Left and Right arrow keys turn the steps; P starts presenter mode for a classroom.");
  if (link("Open settings")) ctx_.navigator->go(nav::Route{nav::Screen::Settings, {}});
  draw_content_problems();
}

void HomeView::draw_next_steps(const std::vector<model::LessonSummary>& lessons) {
  const std::optional<nav::Route> next = model::continue_route(lessons);
  if (next) {
    // The summary of the lesson Continue leads to says whether it was begun.
    const auto it = std::find_if(lessons.begin(), lessons.end(),
                                 [&](const model::LessonSummary& s) { return s.lesson->id == next->args[0]; });
    const std::string label =
        (it->started() ? "Continue: " : "Start here: ") + it->lesson->title + ", step " + next->args[1];
    ImGui::PushFont(ctx_.fonts->bold);
    if (link(label.c_str())) ctx_.navigator->go(*next);
    ImGui::PopFont();
  } else if (!lessons.empty()) {
    paragraph("You have finished every lesson. Keep what you learned with the review queue and timed exams.",
              Tone::Success);
  }
  const size_t due = progress::due_questions(ctx_.model->progress, ctx_.model->now_ms).size();
  if (due > 0) {
    const std::string label = "Review " + std::to_string(due) + (due == 1 ? " question" : " questions") + " due now";
    same_line_if_fits(button_width(label.c_str()));
    if (link(label.c_str())) ctx_.navigator->go(nav::Route{nav::Screen::Quiz, {"review"}});
  }
}

void HomeView::draw_lessons(const std::vector<model::LessonSummary>& lessons) {
  heading(ctx_, "The course");
  if (lessons.empty()) {
    paragraph("No lessons could be loaded. See the problems listed at the bottom of this page.", Tone::Warning);
    return;
  }
  const float card_height = ImGui::GetTextLineHeightWithSpacing() * 6.4f + ImGui::GetStyle().WindowPadding.y * 2;
  // Two columns on wide screens, one on phones.
  const int columns = ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * 40 ? 2 : 1;
  if (!ImGui::BeginTable("lessons", columns, ImGuiTableFlags_SizingStretchSame)) return;
  int number = 0;
  for (const model::LessonSummary& s : lessons) {
    ++number;
    ImGui::TableNextColumn();
    ImGui::PushID(s.lesson->id.c_str());
    card("lesson", card_height, [&] {
      // A group named by the lesson, so its one-word button says which.
      a11y::begin(a11y::Role::Group, s.lesson->title.c_str());
      ImGui::PushFont(ctx_.fonts->bold);
      textf(Tone::Accent, "%d", number);
      ImGui::SameLine();
      text(s.lesson->title.c_str());
      ImGui::PopFont();
      text_wrapped(s.lesson->summary.c_str(), Tone::Muted);
      const float fraction = s.steps > 0 ? static_cast<float>(s.completed) / static_cast<float>(s.steps) : 0.0f;
      const std::string overlay = std::to_string(s.completed) + " of " + std::to_string(s.steps) + " steps" +
                                  (s.checkpoint_passed ? ", checkpoint passed" : "");
      progress_bar(fraction, ImVec2(-1, 0), overlay.c_str(), "Steps done");
      // One visible word; the id keeps each button's label unique.
      const std::string open = (s.started() ? "Continue##" : "Open##") + s.lesson->id;
      if (link(open.c_str())) ctx_.navigator->go(model::lesson_route(s.lesson->id, s.current_step));
      if (s.activities > 0) {
        // Beside the button, so the card keeps its height.
        const std::string done =
            "Activities: " + std::to_string(s.activities_done) + " of " + std::to_string(s.activities);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        text(s.activities_done == s.activities ? Tone::Success : Tone::Muted, done.c_str());
      }
      a11y::end();
    });
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void HomeView::draw_mastery() {
  // The bank's questions and the lessons' predictions (which count like
  // answered questions, see prediction_questions.h).
  const std::vector<progress::TopicMastery> topics = progress::mastery_by_topic(
      ctx_.model->progress, ctx_.model->content.bank, model::prediction_questions(ctx_.model->content));
  heading(ctx_, "Mastery");
  paragraph("A question counts as known once you answered it right on two visits a day apart.", Tone::Muted);
  // The bars start after the longest topic name ("protocols"), whatever the
  // font size or the column's indent.
  float name_width = 0;
  for (const progress::TopicMastery& t : topics)
    name_width = std::max(name_width, ImGui::CalcTextSize(quiz::to_string(t.topic)).x);
  name_width += ImGui::GetStyle().ItemSpacing.x * 2;
  for (const progress::TopicMastery& t : topics) {
    const std::string overlay = std::to_string(t.mastered) + " of " + std::to_string(t.questions) + " known";
    const float x = ImGui::GetCursorPosX();
    text(quiz::to_string(t.topic));
    ImGui::SameLine(x + name_width);
    progress_bar(static_cast<float>(t.percent()) / 100.0f, ImVec2(-1, 0), overlay.c_str(), quiz::to_string(t.topic));
  }
  if (link("Practise")) ctx_.navigator->go(nav::Route{nav::Screen::Quiz, {}});
}

void HomeView::draw_content_problems() {
  const std::vector<course::Issue>& problems = ctx_.model->content.problems;
  if (problems.empty()) return;
  const std::string header = "Problems in the lesson and question files (" + std::to_string(problems.size()) + ")";
  if (!ImGui::CollapsingHeader(header.c_str())) return;
  ImGui::PushFont(ctx_.fonts->mono);
  for (const course::Issue& issue : problems) text_wrapped((issue.where() + ": " + issue.message).c_str());
  ImGui::PopFont();
}

}  // namespace portlab::ui
