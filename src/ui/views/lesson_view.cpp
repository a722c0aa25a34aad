#include "ui/views/lesson_view.h"

#include <imgui.h>
#include <imgui_internal.h>  // SetNextWindowScroll: a new step's panes start at the top

#include <algorithm>
#include <string>

#include "core/activity/activity.h"
#include "core/model/course_summary.h"
#include "core/model/simulation_tasks.h"
#include "core/net/address.h"
#include "core/progress/lesson_progress.h"
#include "ui/a11y/full_submission.h"
#include "ui/a11y/semantics.h"
#include "ui/keys.h"
#include "ui/widgets.h"
#include "ui/widgets/drag_scroll.h"
#include "ui/widgets/result_paragraph.h"
#include "ui/widgets/rich_text.h"

namespace portlab::ui {

namespace {

// Text and lab side by side from this content width (in font sizes) up:
// about 26 for the text, a divider, and 34 for a lab (the Bind and NAT Labs
// use two columns from 40). Below it, the lab sits in the text.
constexpr float kSplitFonts = 62.0f;
// The narrowest either pane may be dragged to, in font sizes.
constexpr float kMinTextFonts = 18.0f;
constexpr float kMinLabFonts = 26.0f;
constexpr const char* kDividerLabel = "Resize the text and the lab";

const char* lab_name(const std::string& lab) {
  if (lab == "bind") return "Bind Lab";
  if (lab == "ephemeral" || lab == "port-map") return "Ephemeral Lab";
  if (lab == "nat") return "NAT Lab";
  return "Port Explorer";
}

bool is_activity_key(const std::string& key) {
  for (const char* k : activity::kActivityKeys)
    if (key == k) return true;
  return false;
}

// The preset in the words of the lesson file, so the teacher and the
// learner see the same settings the lab uses (an activity's goal and
// solution are not settings: the card shows the goal, the solution stays
// hidden).
std::string settings_text(const course::Directive& sim) {
  std::string settings;
  for (const course::Param& p : sim.params)
    if (p.key != "lab" && !is_activity_key(p.key)) settings += (settings.empty() ? "" : ", ") + p.key + " " + p.value;
  return settings;
}

// The lesson and 0-based step the route names; null when the route does not
// name a loaded lesson (links were checked, but a lesson file may be gone).
const course::Lesson* routed_lesson(const model::Model& m, const nav::Route& route, int& step) {
  if (route.screen != nav::Screen::Lesson || route.args.size() != 2) return nullptr;
  const course::Lesson* lesson = m.content.course.find(route.args[0]);
  if (!lesson || lesson->steps.empty()) return nullptr;
  const net::Parsed<long long> n = net::parse_integer(route.args[1], 1, static_cast<long long>(lesson->steps.size()));
  if (!n.ok()) return nullptr;
  step = static_cast<int>(*n.value) - 1;
  return lesson;
}

const course::Directive* first_sim(const course::Step& s) {
  for (const course::Directive& d : s.directives)
    if (d.kind == course::Directive::Kind::Sim) return &d;
  return nullptr;
}

}  // namespace

void LessonView::init(const ViewContext& ctx, const LabViews& labs) {
  View::init(ctx);
  labs_ = labs;
}

bool LessonView::wants_width(float width) const {
  int step = 0;
  const course::Lesson* lesson = routed_lesson(*ctx_.model, ctx_.navigator->current(), step);
  return lesson && first_sim(lesson->steps[static_cast<size_t>(step)]) &&
         width >= ImGui::GetFontSize() * kSplitFonts + ImGui::GetStyle().WindowPadding.x * 2;
}

void LessonView::draw() {
  model::Model& m = *ctx_.model;
  animating_ = false;
  wake_after_ms_ = -1;
  split_ = false;
  int step = 0;
  const course::Lesson* lesson = routed_lesson(m, ctx_.navigator->current(), step);
  if (!lesson) {
    result_paragraph("This lesson is not available. It may have been removed from the lessons folder.", Tone::Warning,
                     true);
    if (link("Course home")) ctx_.navigator->go(nav::Route{});
    return;
  }
  // The step on screen is where the lesson reopens next time.
  auto record = m.progress.lessons.find(lesson->id);
  if (record == m.progress.lessons.end() || record->second.current_step != step)
    progress::open_step(m.progress, lesson->id, step, m.now_ms);
  const course::Directive* staged = stage(*lesson, step);

  // The arrows turn the steps, unless the keyboard rests on the divider:
  // then they move it (Page Up and Page Down still turn the steps).
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.WantTextInput && !io.KeyAlt && !io.KeyCtrl) {
    const bool arrows = !divider_has_keys_;
    if ((arrows && ImGui::IsKeyPressed(keys::kRight)) || ImGui::IsKeyPressed(keys::kPageDown))
      go_to_step(*lesson, step + 1);
    if ((arrows && ImGui::IsKeyPressed(keys::kLeft)) || ImGui::IsKeyPressed(keys::kPageUp))
      go_to_step(*lesson, step - 1);
  }
  draw_header(*lesson, step);
  if (staged && ImGui::GetContentRegionAvail().x >= ImGui::GetFontSize() * kSplitFonts)
    draw_split(*lesson, step, *staged);
  else {
    // Stacked on a phone: the whole step, lab included, reaches the mirror.
    a11y::ScopedFullSubmission everything;
    draw_step(*lesson, step, staged, true);
  }
  const float footer_top = ImGui::GetCursorPosY();
  draw_footer(*lesson, step);
  footer_height_ = ImGui::GetCursorPosY() - footer_top;
  divider_has_keys_ = split_ && splitter_.keyboard_focused();
}

const course::Directive* LessonView::stage(const course::Lesson& lesson, int step) {
  const course::Step& s = lesson.steps[static_cast<size_t>(step)];
  const course::Directive* first = first_sim(s);
  // Back on screen after another screen: set up again (the model keeps the
  // lab as it is when the block is the one it last set up).
  const bool returned = last_drawn_frame_ != ImGui::GetFrameCount() - 1;
  last_drawn_frame_ = ImGui::GetFrameCount();
  const bool new_step = staged_lesson_ != lesson.id || staged_step_ != step;
  if (new_step) {
    staged_lesson_ = lesson.id;
    staged_step_ = step;
    staged_line_ = first ? first->line : 0;
    reset_pane_scroll_ = true;
  }
  if (!first) return nullptr;
  const course::Directive* chosen = first;
  for (const course::Directive& d : s.directives)
    if (d.kind == course::Directive::Kind::Sim && d.line == staged_line_) chosen = &d;
  if (new_step || returned) stage_block(lesson, step, *chosen, new_step);
  return chosen;
}

void LessonView::stage_block(const course::Lesson& lesson, int step, const course::Directive& sim, bool fresh) {
  staged_line_ = sim.line;
  const std::string problem = ctx_.model->stage_step_sim(lesson.id, step, sim);
  if (!problem.empty()) ctx_.navigator->set_notice("This step's simulation could not be set up: " + problem);
  // The Port Explorer keeps no state in the model: it is told what to show
  // (and keeps the port the learner moved to when the lesson comes back).
  const std::string lab = sim.get("lab");
  if (fresh && labs_.explorer && lab != "bind" && lab != "ephemeral" && lab != "port-map" && lab != "nat") {
    const std::string port = sim.get("port");
    labs_.explorer->show_inline(port.empty() ? sim.get("query") : port);
  }
}

void LessonView::draw_header(const course::Lesson& lesson, int step) {
  if (!ctx_.model->presenter) {
    a11y::next_item(a11y::Role::Link);
    if (ImGui::Button("< Course")) ctx_.navigator->go(nav::Route{});
    ImGui::SameLine();
    textf(Tone::Muted, "Lesson: %s", lesson.title.c_str());
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
    // A link to the step; the one on screen is the current step.
    a11y::next_item(a11y::Role::Link, here ? a11y::kCurrent : 0u);
    if (ImGui::Button(label.c_str())) go_to_step(lesson, i);
    if (here) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Step %d: %s%s", i + 1, lesson.steps[static_cast<size_t>(i)].title.c_str(),
                                                  done ? " (done)" : "");
    ImGui::PopID();
  }
  const course::Step& s = lesson.steps[static_cast<size_t>(step)];
  textf(Tone::Muted, "Step %d of %d", step + 1, steps);
  title(ctx_, s.title.c_str());
  if (step == 0 && !lesson.objectives.empty()) {
    ImGui::PushFont(ctx_.fonts->bold);
    text("In this lesson you will");
    ImGui::PopFont();
    a11y::begin(a11y::Role::List, "In this lesson you will");
    for (const std::string& objective : lesson.objectives) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s", objective.c_str());
      a11y::text(a11y::Role::ListItem, objective.c_str());
    }
    a11y::end();
    ImGui::Spacing();
  }
}

void LessonView::draw_split(const course::Lesson& lesson, int step, const course::Directive& staged) {
  split_ = true;
  const float font = ImGui::GetFontSize();
  const float estimate = ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeightWithSpacing() +
                         ImGui::GetStyle().ItemSpacing.y * 3;
  const float footer = footer_height_ > 0 ? footer_height_ : estimate;
  // The panes fill the screen down to the footer, each scrolling on its
  // own; a very short window still gets panes worth reading.
  const float height = std::max(ImGui::GetContentRegionAvail().y - footer, font * 16);
  const float total = ImGui::GetContentRegionAvail().x - Splitter::thickness();
  const float min_text = font * kMinTextFonts, min_lab = font * kMinLabFonts;
  const float text_width = splitter_.first_width(total, min_text, min_lab);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NavFlattened | ImGuiWindowFlags_AlwaysUseWindowPadding;

  if (reset_pane_scroll_) ImGui::SetNextWindowScroll(ImVec2(0, 0));
  ImGui::BeginChild("step text", ImVec2(text_width, height), false, flags);
  {
    // Every item of the text, even below the fold, so assistive technology
    // can reach (and scroll to) the buttons further down.
    a11y::ScopedFullSubmission everything;
    draw_step(lesson, step, &staged, false);
  }
  scroll_by_background_drag();
  ImGui::EndChild();

  ImGui::SameLine(0, 0);
  splitter_.draw(kDividerLabel, total, height, min_text, min_lab);
  ImGui::SameLine(0, 0);

  if (reset_pane_scroll_) ImGui::SetNextWindowScroll(ImVec2(0, 0));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, tone(Tone::CardBackground));
  ImGui::BeginChild("step lab", ImVec2(0, height), false, flags);
  ImGui::PushID(staged.line);
  {
    // The activity card and the lab's result below the fold too: "Goal met"
    // is announced even when the card is scrolled away.
    a11y::ScopedFullSubmission everything;
    draw_lab(staged);
  }
  ImGui::PopID();
  scroll_by_background_drag();
  ImGui::EndChild();
  ImGui::PopStyleColor();
  reset_pane_scroll_ = false;
}

void LessonView::draw_step(const course::Lesson& lesson, int step, const course::Directive* staged,
                           bool lab_in_text) {
  const course::Step& s = lesson.steps[static_cast<size_t>(step)];
  const float width = std::min(ImGui::GetContentRegionAvail().x, reading_width());
  std::string clicked;
  RichListNesting lists;
  // Directives sit between text blocks, after the block count they name.
  auto directives_after = [&](int blocks_drawn) {
    for (const course::Directive& d : s.directives) {
      if (d.after_block != blocks_drawn) continue;
      lists.close();
      ImGui::PushID(d.line);
      if (d.kind == course::Directive::Kind::Quiz) draw_checkpoint(lesson, step, d);
      else if (&d != staged) draw_other_setup(lesson, step, d);
      else if (lab_in_text) draw_lab(d);
      else draw_staged_marker(d);
      ImGui::PopID();
    }
  };
  directives_after(0);
  for (size_t i = 0; i < s.blocks.size(); ++i) {
    lists.next(s.blocks[i]);
    const std::string link = rich_block(ctx_, s.blocks[i], width);
    if (!link.empty()) clicked = link;
    directives_after(static_cast<int>(i) + 1);
  }
  lists.close();
  if (!clicked.empty()) follow_link(clicked);
}

void LessonView::draw_other_setup(const course::Lesson& lesson, int step, const course::Directive& sim) {
  // A second (third...) setup of the step: the lab shows one at a time.
  const float height = ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeightWithSpacing() * 2.4f +
                       ImGui::GetStyle().WindowPadding.y * 2;
  card("other setup", height, [&] {
    ImGui::PushFont(ctx_.fonts->bold);
    textf("Another setup for the %s", lab_name(sim.get("lab")));
    ImGui::PopFont();
    ImGui::PushFont(ctx_.fonts->mono);
    text(Tone::Muted, settings_text(sim).c_str());
    ImGui::PopFont();
    if (ImGui::Button("Use this setup in the lab")) stage_block(lesson, step, sim, true);
  });
}

void LessonView::draw_staged_marker(const course::Directive& sim) {
  // Where the block stands in the text, a pointer to the lab beside it.
  const std::string settings = settings_text(sim);
  const std::string text = std::string("The ") + lab_name(sim.get("lab")) + " beside this text is set up for this" +
                           (settings.empty() ? "." : ": " + settings + ".");
  ImGui::Spacing();
  paragraph(text.c_str(), Tone::Accent);
  ImGui::Spacing();
}

void LessonView::draw_lab(const course::Directive& sim) {
  const std::string lab = sim.get("lab");
  if (!split_) {
    ImGui::Spacing();
    ImGui::Separator();
  }
  ImGui::PushFont(ctx_.fonts->bold);
  ImGui::AlignTextToFramePadding();
  textf("Try it: the %s", lab_name(lab));
  ImGui::PopFont();
  // The lab screen shows the same lab as it is now: nothing is set up again.
  same_line_if_fits(button_width("Open the full lab"));
  if (link("Open the full lab")) open_full_lab(sim);

  // The block's activity (goal, hints, answer, prediction, the engine's
  // verdict) right above the lab it is about, so both are in view.
  if (const activity::Activity* a = ctx_.model->find_activity(staged_lesson_, staged_step_, sim.line))
    activity_card_.draw(ctx_, a);

  View* shown = nullptr;
  if (lab == "bind" && labs_.bind) {
    labs_.bind->draw_lab();
    shown = labs_.bind;
  } else if ((lab == "ephemeral" || lab == "port-map") && labs_.ephemeral) {
    labs_.ephemeral->draw_lab();
    shown = labs_.ephemeral;
  } else if (lab == "nat" && labs_.nat) {
    labs_.nat->draw_lab();
    shown = labs_.nat;
  } else if (lab != "bind" && lab != "ephemeral" && lab != "port-map" && lab != "nat" && labs_.explorer) {
    labs_.explorer->draw_lab();
    shown = labs_.explorer;
  }
  // A packet moving in the step keeps the frames coming, as on the lab screen.
  if (shown) {
    animating_ = animating_ || shown->animating();
    const int wake = shown->wake_after_ms();
    if (wake >= 0) wake_after_ms_ = wake_after_ms_ < 0 ? wake : std::min(wake_after_ms_, wake);
  }
  if (!split_) {
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
  }
}

void LessonView::open_full_lab(const course::Directive& sim) {
  const std::string lab = sim.get("lab");
  nav::Route route{nav::Screen::Explorer, {}};
  if (lab == "bind") route.screen = nav::Screen::Bind;
  else if (lab == "ephemeral" || lab == "port-map") route.screen = nav::Screen::Ephemeral;
  else if (lab == "nat") route.screen = nav::Screen::Nat;
  else if (labs_.explorer && !labs_.explorer->inline_arg().empty()) route.args.push_back(labs_.explorer->inline_arg());
  ctx_.navigator->go(route);
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
    textf(Tone::Muted, "Question %d of %d. %d right so far, %d needed to pass.",
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
    const std::string passed = "Checkpoint passed: " + std::to_string(session.right()) + " of " +
                               std::to_string(session.run().size()) + " right.";
    result_paragraph(passed.c_str(), Tone::Success);
  } else {
    const std::string not_yet = "Not passed yet: " + std::to_string(session.right()) + " of " +
                                std::to_string(session.run().size()) + " right, " + std::to_string(session.needed()) +
                                " needed. Read the explanations and try again.";
    result_paragraph(not_yet.c_str(), Tone::Warning);
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
  std::string next;
  if (step < last) {
    next = "Next: " + lesson.steps[static_cast<size_t>(step + 1)].title + " >";
    // A long title would run past the edge of a phone (buttons do not wrap).
    if (button_width(next.c_str()) > ImGui::GetContentRegionAvail().x) next = "Next step >";
  }
  if (step > 0) {
    if (link("< Previous")) go_to_step(lesson, step - 1);
    same_line_if_fits(button_width(next.empty() ? "Finish the lesson" : next.c_str()));
  }
  if (step < last) {
    if (link(next.c_str())) go_to_step(lesson, step + 1);
  } else if (ImGui::Button("Finish the lesson")) {
    progress::complete_step(ctx_.model->progress, lesson.id, step, ctx_.model->now_ms);
    ctx_.navigator->go(nav::Route{});
  }
  if (!ctx_.model->presenter)
    text(Tone::Muted, "Left and Right arrow keys turn the steps; P presents to a class.");
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
