// The quiz screen's model (being written; see issue 6).
#pragma once

#include <string>
#include <vector>

namespace portlab::practice {

class QuizDesk {
 public:
  // Opens what a link names (#/quiz/<mode>/...); "" or a problem for the
  // learner, in which case nothing changed.
  std::string open_link(const std::vector<std::string>& args);
};

}  // namespace portlab::practice
