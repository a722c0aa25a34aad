#include "core/activity/lab_screens.h"

#include "core/activity/activity_syntax.h"

namespace portlab::activity {

std::optional<nav::Screen> lab_screen(const std::string& activity_lab) {
  switch (lab_kind(activity_lab)) {
    case LabKind::Bind: return nav::Screen::Bind;
    case LabKind::Ephemeral: return nav::Screen::Ephemeral;
    case LabKind::Nat: return nav::Screen::Nat;
    default: return std::nullopt;
  }
}

std::string lab_of_screen(nav::Screen screen) {
  switch (screen) {
    case nav::Screen::Bind: return "bind";
    case nav::Screen::Ephemeral: return "ephemeral";
    case nav::Screen::Nat: return "nat";
    default: return "";
  }
}

std::string screen_lab(const std::string& activity_lab) {
  const std::optional<nav::Screen> screen = lab_screen(activity_lab);
  return screen ? lab_of_screen(*screen) : "";
}

}  // namespace portlab::activity
