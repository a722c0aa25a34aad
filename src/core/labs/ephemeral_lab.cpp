#include "core/labs/ephemeral_lab.h"

namespace portlab::labs {

std::string EphemeralLab::apply_preset(const course::Directive&) { return ""; }

std::string EphemeralLab::open_link(const std::string&) { return ""; }

}  // namespace portlab::labs
