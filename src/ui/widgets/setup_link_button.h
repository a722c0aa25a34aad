// "Copy link to this setup": a lab's whole setup as a link a teacher can put
// in slides (core/activity/setup_link.h), with an optional goal for the
// class. The goal is checked as a lesson's `goal:` line is (parse_activity),
// so a goal PortLab cannot judge is refused with the reason. The link goes
// to the clipboard (on the web the whole address, page plus fragment;
// natively the fragment) and stays in a read-only field, so it can be
// copied by hand where the browser does not allow the clipboard.
//
// Usage, on each lab screen and with a lesson step's inline lab
// (lab: "bind", "ephemeral" or "nat"):
//   SetupLinkButton share_;       // a member of the view
//   share_.draw(ctx_, "bind");
// The app's state().setup_link calls setup_link() below, so the test hook
// and the button agree.
#pragma once

#include <string>

#include "core/model/model.h"
#include "ui/view_context.h"

namespace portlab::ui {

// The goal a link for `lab` carries: the one a teacher set (class_goal),
// else that of a teacher's link opened in this lab ("" none).
std::string link_goal(const model::Model& model, const std::string& lab);

// The link the button copies for `lab` as it is now, carrying link_goal():
// `page_address` (the page without its fragment,
// "" natively) followed by "#/<lab>/setup/..."; "" with `problem` when the
// setup is too long for a link (activity::kMaxSetupLinkLength).
std::string setup_link(const model::Model& model, const std::string& lab, const std::string& page_address,
                       std::string& problem);

// Why `goal` cannot be a goal in `lab` ("" when it can; an empty goal can).
std::string goal_problem(const std::string& lab, const std::string& goal);

// The goal a teacher set for a lab's links ("" none). Kept per lab rather
// than per button, so the lab screen, a lesson step's inline lab and the
// app's state() give the same link for the same lab.
const std::string& class_goal(const std::string& lab);
void set_class_goal(const std::string& lab, const std::string& goal);  // must pass goal_problem
void forget_class_goals();                                             // every lab's (tests start from none)

class SetupLinkButton {
 public:
  void draw(const ViewContext& ctx, const std::string& lab);

  // The link the last click copied ("" before one, or when refused) and
  // what the button said then (copied, or why not), for tests.
  const std::string& link() const { return link_; }
  const std::string& message() const { return message_; }

 private:
  std::string lab_;  // the lab the fields belong to
  char goal_[256] = {};
  std::string goal_problem_;  // for the goal as typed
  std::string link_;
  std::string message_;
  bool message_is_problem_ = false;
};

}  // namespace portlab::ui
