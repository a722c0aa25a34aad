// A lab screen's challenges, listed as Learn Git Branching lists its levels:
// the course's activities that use this lab (model.lab_challenges) and, in
// the NAT Lab, its built-in challenges, each with its goal, the lesson it
// comes from, a done mark from progress and "Try it", which opens it in the
// lab and keeps the learner on the lab screen; above them "3 of 6 done".
//
// Usage, in a lab screen's draw() (lab: "bind", "ephemeral" or "nat"):
//   ChallengeList challenges_;              // a member of the view
//   challenges_.draw_open(ctx_, "bind");    // above the lab: the open
//                                           // activity's card (ActivityCard)
//   ... the lab ...
//   challenges_.draw(ctx_, "bind");         // the list (below or beside)
// Only lab screens: a lesson step draws its own activity with ActivityCard.
#pragma once

#include <string>
#include <vector>

#include "ui/view_context.h"
#include "ui/widgets/activity_card.h"

namespace portlab::ui {

class ChallengeList {
 public:
  // The open activity's card when it is done in this lab; true if drawn.
  bool draw_open(const ViewContext& ctx, const std::string& lab);
  // The heading, the count and one row per challenge.
  void draw(const ViewContext& ctx, const std::string& lab);

  // As of the last draw(): how many challenges, how many done, and the
  // rows' texts (title, goal, origin, done mark), for tests.
  int total() const { return total_; }
  int done() const { return done_; }
  const std::vector<std::string>& shown() const { return shown_; }
  const ActivityCard& card() const { return card_; }

 private:
  void row(const ViewContext& ctx, const std::string& id, const std::string& title, const std::string& goal,
           bool goal_is_code, const std::string& origin, bool done, bool open, bool& try_it);

  ActivityCard card_;
  int total_ = 0;
  int done_ = 0;
  std::vector<std::string> shown_;
};

}  // namespace portlab::ui
