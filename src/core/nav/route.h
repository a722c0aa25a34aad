// Where the app is: a screen plus its arguments, written in the URL fragment
// (e.g. "#/settings") so that a link or a reload opens the same place and the
// browser's back button works. Parsing is strict and bounded because links
// come from outside: anything not understood opens the course home with a
// message saying what was wrong.
#pragma once

#include <string>
#include <vector>

namespace portlab::nav {

// Every screen of the app. Lab and quiz screens take their state from the
// link (a lesson step, a lab preset, a quiz seed) so one link reopens it.
enum class Screen { Home, Lesson, Explorer, Bind, Ephemeral, Nat, Quiz, Settings, About };

struct Route {
  Screen screen = Screen::Home;
  std::vector<std::string> args;  // decoded path segments after the screen id

  bool operator==(const Route& o) const { return screen == o.screen && args == o.args; }
  bool operator!=(const Route& o) const { return !(*this == o); }
};

struct ParsedRoute {
  Route route;
  std::string problem;  // empty when the fragment was understood
};

// Stable id of a screen: used in fragments and in window.portlab.state().view.
const char* screen_id(Screen screen);

// Accepts "", "#", "#/" (home), "#/<screen>[/<arg>...]", with or without '#'.
// The Bind, Ephemeral and NAT screens also take "setup/<items>" (a setup
// link, activity/setup_link.h): args {"setup", items}.
ParsedRoute parse_fragment(const std::string& fragment);

// The canonical fragment for a route, e.g. "#/settings".
std::string to_fragment(const Route& route);

// Longest fragment accepted; longer ones are rejected unread. A bound,
// because links come from outside, and as long as the longest setup link
// (activity::kMaxSetupLinkLength): a lab's whole setup travels in one.
inline constexpr size_t kMaxFragmentLength = 2000;

}  // namespace portlab::nav
