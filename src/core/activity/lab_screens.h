// Which screen shows which lab, in one place: a setup link's screen, the
// lab screen an activity is done on, the lab a screen holds (the app's test
// hook, the lab screens' challenge lists). "port-map" activities use the
// Ephemeral Lab.
#pragma once

#include <optional>
#include <string>

#include "core/nav/route.h"

namespace portlab::activity {

// The lab screen an activity's lab is done on: "bind", "ephemeral" (also
// for "port-map") or "nat"; "" for the Port Explorer and unknown labs.
std::string screen_lab(const std::string& activity_lab);
// The screen of such a lab ("bind", "ephemeral", "port-map", "nat").
std::optional<nav::Screen> lab_screen(const std::string& activity_lab);
// The lab a screen holds: "bind", "ephemeral", "nat", or "" for others.
std::string lab_of_screen(nav::Screen screen);

}  // namespace portlab::activity
