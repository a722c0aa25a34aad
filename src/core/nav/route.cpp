#include "core/nav/route.h"

#include <array>

#include "core/text.h"

namespace portlab::nav {

namespace {

// Every screen's id and how many arguments it takes: extra segments are an
// error, so a mistyped link is reported instead of silently half-followed.
struct ScreenInfo {
  Screen screen;
  const char* id;
  size_t max_args;
  // Also takes "setup/<items>": a whole lab setup (activity/setup_link.h).
  bool takes_setup = false;
};
constexpr std::array<ScreenInfo, 9> kScreens{{
    {Screen::Home, "home", 0},
    {Screen::Lesson, "lesson", 2},     // lesson id, step counted from 1
    {Screen::Explorer, "explorer", 1}, // a port number or a service name
    {Screen::Bind, "bind", 1, true},   // a preset
    {Screen::Ephemeral, "ephemeral", 1, true},
    {Screen::Nat, "nat", 1, true},     // a challenge or scenario
    {Screen::Quiz, "quiz", 3},         // mode, then e.g. template and seed
    {Screen::Settings, "settings", 0},
    {Screen::About, "about", 0},
}};

bool is_unreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == '~';
}

// Left as they are in a segment: RFC 3986 allows them in a fragment and
// browsers do not escape them, and a setup link (key=value&key=value, with
// endpoints and lists) stays readable and a third shorter. Parentheses and
// quotes are escaped, so a link still works inside Markdown or HTML.
bool is_kept(char c) { return is_unreserved(c) || c == '=' || c == '&' || c == ':' || c == ',' || c == '@'; }

std::string encode_segment(const std::string& in) { return text::percent_encode(in, is_kept); }

ParsedRoute home_because(std::string problem) { return ParsedRoute{Route{}, std::move(problem)}; }

}  // namespace

const char* screen_id(Screen screen) {
  for (const ScreenInfo& info : kScreens)
    if (info.screen == screen) return info.id;
  return "home";
}

ParsedRoute parse_fragment(const std::string& fragment) {
  if (fragment.size() > kMaxFragmentLength) return home_because("That link is too long to be a PortLab link.");
  std::string path = fragment;
  if (!path.empty() && path[0] == '#') path.erase(0, 1);
  if (!path.empty() && path[0] == '/') path.erase(0, 1);
  while (!path.empty() && path.back() == '/') path.pop_back();
  if (path.empty()) return {};

  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string decoded;
    if (!text::percent_decode(path.substr(start, slash - start), decoded) || decoded.empty())
      return home_because("That link is malformed, so PortLab opened the course home.");
    segments.push_back(std::move(decoded));
    start = slash + 1;
  }

  for (const ScreenInfo& info : kScreens) {
    if (segments[0] != info.id) continue;
    const bool setup = info.takes_setup && segments.size() == 3 && segments[1] == "setup";
    if (segments.size() - 1 > info.max_args && !setup)
      return home_because("The page \"" + segments[0] + "\" does not take more after it in a link.");
    Route route{info.screen, std::vector<std::string>(segments.begin() + 1, segments.end())};
    // The app writes routes back to the address bar in canonical form, where
    // a raw byte becomes three ("%FF"): a link whose canonical form is over
    // the limit would be refused after a reload, so it is refused now.
    if (to_fragment(route).size() > kMaxFragmentLength)
      return home_because("That link is too long to be a PortLab link.");
    return {route, ""};
  }
  return home_because("There is no page called \"" + segments[0] + "\", so PortLab opened the course home.");
}

std::string to_fragment(const Route& route) {
  std::string out = "#/";
  out += screen_id(route.screen);
  for (const std::string& arg : route.args) {
    out += '/';
    out += encode_segment(arg);
  }
  return out;
}

}  // namespace portlab::nav
