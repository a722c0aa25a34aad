#include "core/labs/bind_lab.h"

namespace portlab::labs {

std::string BindLab::apply_preset(const course::Directive&) { return ""; }

std::string BindLab::open_link(const std::string&) { return ""; }

}  // namespace portlab::labs
