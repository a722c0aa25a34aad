#include "ui/widgets/challenge_list.h"

#include <imgui.h>

#include <algorithm>

#include "core/activity/lab_screens.h"
#include "core/labs/nat_lab.h"
#include "core/labs/nat_lab_challenges.h"
#include "ui/a11y/semantics.h"
#include "ui/widgets.h"

namespace portlab::ui {

namespace {

constexpr const char* kCheck = "\xE2\x9C\x93";  // ✓

// Where a course activity comes from: its lesson and step, by their titles.
std::string origin_of(const model::Model& model, const activity::Activity& activity, std::string& title) {
  const course::Lesson* lesson = model.content.course.find(activity.lesson_id);
  if (!lesson) return "";
  const bool has_step = activity.step >= 0 && activity.step < static_cast<int>(lesson->steps.size());
  if (has_step) title = lesson->steps[static_cast<size_t>(activity.step)].title;
  return "From the lesson \"" + lesson->title + "\", step " + std::to_string(activity.step + 1);
}

}  // namespace

bool ChallengeList::draw_open(const ViewContext& ctx, const std::string& lab) {
  const model::Model& model = *ctx.model;
  if (!model.activity_run || activity::screen_lab(model.activity_run->activity.lab) != lab) return false;
  return card_.draw(ctx);
}

void ChallengeList::row(const ViewContext& ctx, const std::string& id, const std::string& title,
                        const std::string& goal, bool goal_is_code, const std::string& origin, bool done, bool open,
                        bool& try_it) {
  ImGui::PushID(id.c_str());
  ImGui::Separator();
  // A named group, so its "Try it" says which challenge it tries.
  a11y::begin(a11y::Role::Group, title.c_str());
  // The done mark leads the row, as a level's star does; an undone row
  // keeps the same indent so the titles line up.
  const float mark_width = ImGui::CalcTextSize(kCheck).x + ImGui::GetStyle().ItemSpacing.x;
  if (done) {
    // A mark for the eye only: the row's last line says "done" in words.
    ImGui::PushStyleColor(ImGuiCol_Text, tone(Tone::Success));
    ImGui::TextUnformatted(kCheck);
    ImGui::PopStyleColor();
    ImGui::SameLine();
  } else {
    ImGui::Dummy(ImVec2(mark_width - ImGui::GetStyle().ItemSpacing.x, 0));
    ImGui::SameLine();
  }
  ImGui::BeginGroup();
  ImGui::PushFont(ctx.fonts->bold);
  paragraph(title.c_str());
  ImGui::PopFont();
  if (!goal.empty()) {
    // Goal lines are the vocabulary a teacher types: shown as code.
    if (goal_is_code) ImGui::PushFont(ctx.fonts->mono);
    paragraph(goal.c_str(), Tone::Text);
    if (goal_is_code) ImGui::PopFont();
  }
  std::string where = origin;
  if (done) where += where.empty() ? "Done" : " \xC2\xB7 done";
  if (open) where += where.empty() ? "Open above" : " \xC2\xB7 open above";
  if (!where.empty()) {
    ImGui::AlignTextToFramePadding();
    text(Tone::Muted, where.c_str());
  }
  // "Try it" again restarts an open challenge from its setup. Beside the
  // origin, as tall as the lab's own buttons, so a long list stays short.
  const std::string button = std::string(open ? "Start again" : "Try it") + "##" + id;
  const float width = std::max(button_width(button.c_str()), ImGui::GetFontSize() * 6);
  if (!where.empty()) same_line_if_fits(width);
  try_it = ImGui::Button(button.c_str(), ImVec2(width, 0));
  ImGui::EndGroup();
  a11y::end();
  ImGui::PopID();
  shown_.push_back((done ? std::string(kCheck) + " " : std::string()) + title);
  if (!goal.empty()) shown_.push_back(goal);
  if (!where.empty()) shown_.push_back(where);
}

void ChallengeList::draw(const ViewContext& ctx, const std::string& lab) {
  model::Model& model = *ctx.model;
  shown_.clear();
  total_ = done_ = 0;

  const std::vector<const activity::Activity*> activities = model.lab_challenges(lab);
  const std::vector<labs::ChallengeSpec>* built_in = lab == "nat" ? &labs::challenge_specs() : nullptr;
  // Counted before drawing, so the count sits above the rows.
  for (const activity::Activity* a : activities) {
    ++total_;
    if (model.activity_done(a->key())) ++done_;
  }
  if (built_in) {
    for (const labs::ChallengeSpec& spec : *built_in) {
      ++total_;
      // Done once progress recorded it, or while solved on screen.
      if (model.lab_challenge_done(lab, spec.id)) ++done_;
    }
  }

  heading(ctx, "Challenges");
  const std::string count = std::to_string(done_) + " of " + std::to_string(total_) + " done";
  paragraph(count.c_str(), Tone::Muted);
  shown_.push_back(count);
  if (total_ == 0) return;

  const activity::Activity* to_open = nullptr;
  for (const activity::Activity* a : activities) {
    std::string title;
    const std::string origin = origin_of(model, *a, title);
    if (title.empty()) title = a->id;
    const bool open = model.activity_run && model.activity_run->activity.key() == a->key();
    bool try_it = false;
    // A prediction without a goal is listed by its question; goal lines
    // as written are code, an answer goal put in words is not.
    std::string goal = shown_goal_text(*a);
    const bool code = !goal.empty() && goal == goal_text(*a);
    if (goal.empty() && a->prediction) goal = "Predict: " + a->prediction->ask;
    row(ctx, a->key(), title, goal, code, origin, model.activity_done(a->key()), open, try_it);
    if (try_it) to_open = a;
  }
  std::string built_in_to_open;
  if (built_in) {
    const labs::NatLab& nat = model.nat();
    // A built-in challenge is open when no course activity is open over it.
    const bool activity_open = model.activity_run && activity::screen_lab(model.activity_run->activity.lab) == "nat";
    for (const labs::ChallengeSpec& spec : *built_in) {
      const bool open = !activity_open && nat.challenge_id() == spec.id;
      const bool done = model.lab_challenge_done(lab, spec.id);
      bool try_it = false;
      row(ctx, "nat-challenge/" + spec.id, spec.title, spec.goal, false, "Built into the NAT Lab", done, open, try_it);
      if (try_it) built_in_to_open = spec.id;
    }
  }
  ImGui::Separator();

  // Opened after the rows are drawn, so no row reads a lab mid-change.
  if (to_open) {
    const std::string problem = model.open_activity(*to_open);
    if (!problem.empty()) ctx.navigator->set_notice("This challenge could not be set up: " + problem);
    // The address no longer names a preset or a built-in challenge: it is
    // the bare lab screen, which a reload opens as the learner left it.
    if (!ctx.navigator->current().args.empty()) ctx.navigator->go(nav::Route{activity::lab_screen(lab).value_or(nav::Screen::Ephemeral), {}});
  }
  if (!built_in_to_open.empty()) {
    // As the NAT Lab's own "Open" menu and a #/nat/<id> link do; the card
    // of a course activity gives way to the built-in challenge's panel.
    const std::string problem = model.open_nat_challenge(built_in_to_open);
    if (!problem.empty()) ctx.navigator->set_notice("This challenge could not be opened: " + problem);
    else ctx.navigator->go(nav::Route{nav::Screen::Nat, {built_in_to_open}});
  }
}

}  // namespace portlab::ui
