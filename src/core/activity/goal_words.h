// A goal line put in plain English for the learner. Teachers write goals in
// a small vocabulary (activity.h's top comment); a learner reading
// "bind ok port=80 uid=1000 cap=no" has to learn that syntax first, so the
// activity card leads with a sentence and keeps the line below it.
#pragma once

#include <string>

namespace portlab::activity {

// One sentence for a goal line, read by read_goal (activity_syntax.h), e.g.
// "bind fails EADDRINUSE port=8080 proto=tcp" ->
// "Make bind() on TCP port 8080 fail with EADDRINUSE."
// An `answer` goal never shows its values (they are the answer). A line
// that is no goal in any lab comes back unchanged.
std::string goal_in_words(const std::string& goal_line);

}  // namespace portlab::activity
