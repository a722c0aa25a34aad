// The NAT Lab's model (being written; see issue 6).
#pragma once

#include <string>

#include "core/course/lesson.h"

namespace portlab::labs {

class NatLab {
 public:
  // Sets the lab up as a lesson's ```sim block says; "" or what was wrong.
  std::string apply_preset(const course::Directive& preset);
  // Sets the lab up as a link's argument names (#/<lab>/<arg>); "" or a
  // problem for the learner, in which case nothing changed.
  std::string open_link(const std::string& arg);
};

}  // namespace portlab::labs
