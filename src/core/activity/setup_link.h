// A lab's whole setup as a link a teacher can paste into slides:
//
//   #/bind/setup/os=linux&uid=1000&sysctl=net.ipv4.ip_unprivileged_port_start%3D443&goal=bind%20ok%20port%3D80
//
// The items are the lab's ```sim keys (docs/lesson-format.md), so a setup
// link, a lesson preset and `portlab-cli` mean the same thing, plus `do=`
// items: the learner's actions since the configuration (the activity
// vocabulary of activity.h: `do=open 3`, `do=close-all`), replayed in order,
// and an optional `goal=` the teacher typed. Opening the link in a fresh
// browser sets the lab up from the items and replays the actions, so every
// engine result is the same (the engines are deterministic for a seed).
//
// Links come from outside: parsing is strict, bounded and reports the first
// problem; a bad link changes nothing.
#pragma once

#include <string>

#include "core/activity/activity.h"
#include "core/nav/route.h"

namespace portlab::activity {

// The longest setup link accepted (its fragment, '#' included); the whole
// fragment limit (nav::kMaxFragmentLength) is the same.
inline constexpr size_t kMaxSetupLinkLength = 2000;

// The current setup of a lab ("bind", "ephemeral", "nat") as a ```sim block:
// `lab:`, every configuration key, `do:` lines, and `goal:` when given.
course::Directive current_setup(const std::string& lab, const Labs& labs, const std::string& goal = "");

// "#/bind/setup/..." for a setup; "" when it would be longer than
// kMaxSetupLinkLength (`problem` says so).
std::string setup_fragment(const course::Directive& setup, std::string& problem);

// A route #/<lab>/setup/<items> back to its setup; "" or the problem.
std::string parse_setup(const nav::Route& route, course::Directive& out);

// Sets the lab up from a setup (its preset, then its `do:` lines); "" or
// the problem, in which case the labs are as they were.
std::string apply_setup(const course::Directive& setup, Labs& labs);

}  // namespace portlab::activity
