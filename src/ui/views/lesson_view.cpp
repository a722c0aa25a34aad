#include "ui/views/lesson_view.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/model/course_summary.h"
#include "core/model/simulation_tasks.h"
#include "core/net/address.h"
#include "core/progress/lesson_progress.h"
#include "ui/keys.h"
#include "ui/widgets.h"
#include "ui/widgets/rich_text.h"

namespace portlab::ui {

namespace {

const char* lab_name(const std::string& lab) {
  if (lab == "bind") return "Bind Lab";
  if (lab == "ephemeral" || lab == "port-map") return "Ephemeral Lab";
  if (lab == "nat") return "NAT Lab";
  return "Port Explorer";
}

// The lesson and 0-based step the route names; null when the route does not
// name a loaded lesson (links were checked, but a lesson file may be gone).
const course::Lesson* routed_lesson(const model::Model& m, const nav::Route& route, int& step) {
  if (route.args.size() != 2) return nullptr;
  const course::Lesson* lesson = m.content.course.find(route.args[0]);
  if (!lesson || lesson->steps.empty()) return nullptr;
  const net::Parsed<long long> n = net::parse_integer(route.args[1], 1, static_cast<long long>(lesson->steps.size()));
  if (!n.ok()) return nullptr;
  step = static_cast<int>(*n.value) - 1;
  return lesson;
}

}  // namespace

void LessonView::draw() {
  model::Model& m = *ctx_.model;
  int step = 0;
  const course::Lesson* lesson = routed_lesson(m, ctx_.navigator->current(), step);
  if (!lesson) {
    paragraph("This lesson is not available. It may have been removed from the lessons folder.", Tone::Warning);
    if (ImGui::Button("Course home")) ctx_.navigator->go(nav::Route{});
    return;
  }
  // The step on screen is where the lesson reopens next time.
  auto record = m.progress.lessons.find(lesson->id);
  if (record == m.progress.lessons.end() || record->second.current_step != step)
    progress::open_step(m.progress, lesson->id, step, m.now_ms);

  const ImGuiIO& io = ImGui::GetIO();
  if (!io.WantTextInput && !io.KeyAlt && !io.KeyCtrl) {
    if (ImGui::IsKeyPressed(keys::kRight) || ImGui::IsKeyPressed(keys::kPageDown)) go_to_step(*lesson, step + 1);
    if (ImGui::IsKeyPressed(keys::kLeft) || ImGui::IsKeyPressed(keys::kPageUp)) go_to_step(*lesson, step - 1);
  }
  draw_header(*lesson, step);
  draw_step(*lesson, step);
  draw_footer(*lesson, step);
}

void LessonView::draw_header(const course::Lesson& lesson, int step) {
  if (!ctx_.model->presenter) {
    if (ImGui::SmallButton("< Course")) ctx_.navigator->go(nav::Route{});
    ImGui::SameLine();
    ImGui::TextColored(tone(Tone::Muted), "Lesson: %s", lesson.title.c_str());
  }
  const int steps = static_cast<int>(lesson.steps.size());
  // One small button per step: where you are, what is done, a jump anywhere.
  const auto record = ctx_.model->progress.lessons.find(lesson.id);
  for (int i = 0; i < steps; ++i) {
    const bool done = record != ctx_.model->progress.lessons.end() && record->second.completed_steps.count(i) > 0;
    const std::string label = std::to_string(i + 1) + (done ? "*" : "") + "##step";
    if (i > 0) same_line_if_fits(button_width(label.c_str()));
    const bool here = i == step;
    ImGui::PushID(i);
    if (here) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::SmallButton(label.c_str())) go_to_step(lesson, i);
    if (here) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Step %d: %s%s", i + 1, lesson.steps[static_cast<size_t>(i)].title.c_str(),
                                                  done ? " (done)" : "");
    ImGui::PopID();
  }
  const course::Step& s = lesson.steps[static_cast<size_t>(step)];
  ImGui::TextColored(tone(Tone::Muted), "Step %d of %d", step + 1, steps);
  title(ctx_, s.title.c_str());
  if (step == 0 && !lesson.objectives.empty()) {
    ImGui::PushFont(ctx_.fonts->bold);
    ImGui::TextUnformatted("In this lesson you will");
    ImGui::PopFont();
    for (const std::string& objective : lesson.objectives) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s", objective.c_str());
    }
    ImGui::Spacing();
  }
}

void LessonView::draw_step(const course::Lesson& lesson, int step) {
  const course::Step& s = lesson.steps[static_cast<size_t>(step)];
  const float width = std::min(ImGui::GetContentRegionAvail().x, reading_width());
  std::string clicked;
  // Directives sit between text blocks, after the block count they name.
  auto directives_after = [&](int blocks_drawn) {
    for (const course::Directive& d : s.directives) {
      if (d.after_block != blocks_drawn) continue;
      ImGui::PushID(d.line);
      if (d.kind == course::Directive::Kind::Sim) draw_simulation(d);
      else draw_checkpoint(lesson, step, d);
      ImGui::PopID();
    }
  };
  directives_after(0);
  for (size_t i = 0; i < s.blocks.size(); ++i) {
    const std::string link = rich_block(ctx_, s.blocks[i], width);
    if (!link.empty()) clicked = link;
    directives_after(static_cast<int>(i) + 1);
  }
  if (!clicked.empty()) follow_link(clicked);
}

void LessonView::draw_simulation(const course::Directive& sim) {
  const std::string lab = sim.get("lab");
  const float height = ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeightWithSpacing() * 2.4f +
                       ImGui::GetStyle().WindowPadding.y * 2;
  card("simulation", height, [&] {
    ImGui::PushFont(ctx_.fonts->bold);
    ImGui::Text("Try it in the %s", lab_name(lab));
    ImGui::PopFont();
    // The preset in the words of the lesson file, so the teacher and the
    // learner see the same settings the lab will use.
    std::string settings;
    for (const course::Param& p : sim.params)
      if (p.key != "lab") settings += (settings.empty() ? "" : ", ") + p.key + " " + p.value;
    ImGui::PushFont(ctx_.fonts->mono);
    ImGui::TextColored(tone(Tone::Muted), "%s", settings.c_str());
    ImGui::PopFont();
    const std::string label = std::string("Open the ") + lab_name(lab);
    if (ImGui::Button(label.c_str())) {
      std::string problem;
      const nav::Route route = ctx_.model->open_preset(sim, problem);
      ctx_.navigator->go(route);
      if (!problem.empty()) ctx_.navigator->set_notice("This step's simulation could not be set up: " + problem);
    }
  });
}

void LessonView::draw_checkpoint(const course::Lesson& lesson, int step, const course::Directive& quiz) {
  model::Model& m = *ctx_.model;
  heading(ctx_, "Checkpoint quiz");
  const bool ours = m.checkpoint && m.checkpoint->lesson_id == lesson.id && m.checkpoint->step == step;
  if (!ours) {
    paragraph("A few questions on this lesson. Each answer is explained, right or wrong.", Tone::Muted);
    if (ImGui::Button("Start the checkpoint")) {
      // A fresh draw each attempt, so a retry asks other questions where the
      // category has more.
      const std::string problem =
          m.start_checkpoint(lesson.id, step, quiz, static_cast<uint64_t>(m.now_ms) ^ 0x9e3779b97f4a7c15ULL);
      if (!problem.empty()) ctx_.navigator->set_notice("The checkpoint cannot start: " + problem);
      card_.reset();
    }
    return;
  }
  model::Checkpoint& cp = *m.checkpoint;
  const practice::CheckpointSession& session = cp.session;
  const quiz::Question* question = cp.shown_question();
  if (question) {
    ImGui::TextColored(tone(Tone::Muted), "Question %d of %d. %d right so far, %d needed to pass.",
                       static_cast<int>(session.run().position()) + (cp.showing_feedback ? 0 : 1),
                       static_cast<int>(session.run().size()), session.right(), session.needed());
    std::optional<quiz::Grade> feedback;
    if (cp.showing_feedback && cp.last_attempt()) feedback = cp.last_attempt()->grade;
    QuestionCard::Options options;
    options.allow_reveal = m.presenter;  // a teacher reveals; a learner answers
    const QuestionCard::Action action = card_.draw(ctx_, *question, feedback, options);
    if (action == QuestionCard::Action::Submit) m.answer_checkpoint(card_.response());
    if (action == QuestionCard::Action::OpenTask) ctx_.navigator->go(model::task_route(question->task));
    if (action == QuestionCard::Action::CheckTask) m.answer_checkpoint(model::check_task(question->task, m.nat()));
    if (action == QuestionCard::Action::Next) m.next_checkpoint_question();
    return;
  }
  // Finished.
  if (session.passed()) {
    paragraph(("Checkpoint passed: " + std::to_string(session.right()) + " of " +
               std::to_string(session.run().size()) + " right.").c_str(),
              Tone::Success);
  } else {
    paragraph(("Not passed yet: " + std::to_string(session.right()) + " of " + std::to_string(session.run().size()) +
               " right, " + std::to_string(session.needed()) + " needed. Read the explanations and try again.")
                  .c_str(),
              Tone::Warning);
  }
  if (ImGui::Button("Try the checkpoint again")) {
    m.start_checkpoint(lesson.id, step, quiz, static_cast<uint64_t>(m.now_ms) ^ 0x5bd1e995ULL);
    card_.reset();
  }
}

void LessonView::draw_footer(const course::Lesson& lesson, int step) {
  ImGui::Spacing();
  ImGui::Separator();
  const int last = static_cast<int>(lesson.steps.size()) - 1;
  if (step > 0) {
    if (ImGui::Button("< Previous")) go_to_step(lesson, step - 1);
    ImGui::SameLine();
  }
  if (step < last) {
    const std::string label = "Next: " + lesson.steps[static_cast<size_t>(step + 1)].title + " >";
    if (ImGui::Button(label.c_str())) go_to_step(lesson, step + 1);
  } else if (ImGui::Button("Finish the lesson")) {
    progress::complete_step(ctx_.model->progress, lesson.id, step, ctx_.model->now_ms);
    ctx_.navigator->go(nav::Route{});
  }
  if (!ctx_.model->presenter)
    ImGui::TextColored(tone(Tone::Muted), "Left and Right arrow keys turn the steps; P presents to a class.");
}

void LessonView::go_to_step(const course::Lesson& lesson, int step) {
  const int current = std::stoi(ctx_.navigator->current().args[1]) - 1;
  if (step < 0 || step >= static_cast<int>(lesson.steps.size()) || step == current) return;
  // Moving on from a step finishes it; going back does not undo that.
  if (step > current) progress::complete_step(ctx_.model->progress, lesson.id, current, ctx_.model->now_ms);
  ctx_.navigator->go(model::lesson_route(lesson.id, step));
  ImGui::SetScrollY(0);
}

void LessonView::follow_link(const std::string& target) {
  nav::ParsedRoute parsed = nav::parse_fragment(target);
  if (!parsed.problem.empty() || ctx_.model->check_route(parsed.route) != "") {
    ctx_.navigator->set_notice("That link in the lesson leads nowhere: " + target);
    return;
  }
  ctx_.navigator->go(parsed.route);
}

}  // namespace portlab::ui
