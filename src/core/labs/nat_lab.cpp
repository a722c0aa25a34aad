#include "core/labs/nat_lab.h"

namespace portlab::labs {

std::string NatLab::apply_preset(const course::Directive&) { return ""; }

std::string NatLab::open_link(const std::string&) { return ""; }

}  // namespace portlab::labs
