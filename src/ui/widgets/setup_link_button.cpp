#include "ui/widgets/setup_link_button.h"

#include <imgui.h>

#include <algorithm>
#include <map>

#include "core/activity/activity_syntax.h"
#include "core/activity/lab_screens.h"
#include "core/activity/setup_link.h"
#include "core/text.h"
#include "ui/widgets.h"
#include "ui/widgets/activity_card.h"
#include "ui/widgets/result_paragraph.h"

namespace portlab::ui {

namespace {

std::map<std::string, std::string>& class_goals() {
  static std::map<std::string, std::string> goals;
  return goals;
}

// The labs current_setup reads. It changes nothing, but takes the labs the
// activity functions share; the NAT Lab is only built when it is asked for.
activity::Labs labs_of(const model::Model& model, const std::string& lab) {
  auto& m = const_cast<model::Model&>(model);
  activity::Labs labs;
  labs.bind = &m.bind;
  labs.ephemeral = &m.ephemeral;
  if (lab == "nat") labs.nat = &m.nat();
  return labs;
}

}  // namespace

const std::string& class_goal(const std::string& lab) {
  static const std::string none;
  auto it = class_goals().find(lab);
  return it == class_goals().end() ? none : it->second;
}

void set_class_goal(const std::string& lab, const std::string& goal) {
  // Kept even when empty: a teacher who cleared the field wants no goal,
  // not the one of a link opened earlier.
  class_goals()[lab] = goal;
}

void forget_class_goals() { class_goals().clear(); }

std::string goal_problem(const std::string& lab, const std::string& goal) {
  if (goal.empty()) return "";
  // The same reading as a lesson's `goal:` line gets when the course loads.
  const activity::GoalRead read = activity::read_goal(lab, goal);
  return read.goal ? "" : read.error;
}

std::string link_goal(const model::Model& model, const std::string& lab) {
  if (class_goals().count(lab)) return class_goal(lab);
  // A teacher's link opened here keeps its goal when shared on.
  const std::optional<model::ActivityRun>& run = model.activity_run;
  if (run && run->activity.lesson_id.empty() && activity::screen_lab(run->activity.lab) == lab && run->activity.goals.size() == 1)
    return run->activity.goals.front().text;
  return "";
}

std::string setup_link(const model::Model& model, const std::string& lab, const std::string& page_address,
                       std::string& problem) {
  problem.clear();
  const course::Directive setup = activity::current_setup(lab, labs_of(model, lab), link_goal(model, lab));
  const std::string fragment = activity::setup_fragment(setup, problem);
  if (fragment.empty()) {
    if (problem.empty()) problem = "This setup cannot be written as a link.";
    return "";
  }
  return page_address + fragment;
}

void SetupLinkButton::draw(const ViewContext& ctx, const std::string& lab) {
  if (lab != lab_) {
    lab_ = lab;
    const std::string goal = link_goal(*ctx.model, lab);
    const size_t n = std::min(goal.size(), sizeof goal_ - 1);
    goal.copy(goal_, n);
    goal_[n] = '\0';
    goal_problem_.clear();
    link_.clear();
    message_.clear();
  }
  ImGui::PushID("setup-link");
  ImGui::PushID(lab.c_str());

  // The goal is optional; it is checked as it is typed, and only a goal
  // PortLab can judge goes into the link.
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x * 0.6f, ImGui::GetFontSize() * 22));
  // An example goal in the lab's own words (activity.h lists them all).
  const char* example = lab == "nat"         ? "optional, e.g. reachable from=198.51.100.50 to=192.168.1.30:25565"
                        : lab == "ephemeral" ? "optional, e.g. call fails EADDRNOTAVAIL"
                                             : "optional, e.g. bind ok port=80 uid=1000";
  if (text_field("Goal for the class", goal_, sizeof goal_, 0, example)) {
    const std::string goal(text::trim(goal_));
    goal_problem_ = goal_problem(lab, goal);
    if (goal_problem_.empty()) set_class_goal(lab, goal);
  }
  // Polite: it changes as the goal is typed.
  if (!goal_problem_.empty())
    result_paragraph(("That goal cannot be used: " + goal_problem_).c_str(), Tone::Warning);

  if (activity_button("Copy link to this setup")) {
    link_.clear();
    message_is_problem_ = true;
    if (!goal_problem_.empty()) {
      message_ = "Not copied: the goal for the class cannot be used (" + goal_problem_ + ").";
    } else {
      std::string problem;
      link_ = setup_link(*ctx.model, lab, ctx.page_address, problem);
      if (link_.empty()) {
        message_ = problem;
      } else {
        ImGui::SetClipboardText(link_.c_str());
        message_ = "Copied to the clipboard. The link is also below, to copy by hand.";
        message_is_problem_ = false;
      }
    }
  }
  if (!message_.empty()) {
    if (message_is_problem_) result_paragraph(message_.c_str(), Tone::Warning, true);
    else result_paragraph(message_.c_str(), Tone::Muted);
  }
  if (!link_.empty()) {
    // Read-only but selectable: where the browser keeps the clipboard from
    // the page, the link can still be selected and copied by hand.
    ImGui::SetNextItemWidth(std::min(
        ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("Link").x - ImGui::GetStyle().ItemInnerSpacing.x,
        ImGui::GetFontSize() * 40));
    text_field("Link", link_.data(), link_.size() + 1, ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
  }
  ImGui::PopID();
  ImGui::PopID();
}

}  // namespace portlab::ui
