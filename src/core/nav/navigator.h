// The navigation model: the current route, a native back/forward history, and
// the one-line notice shown when a link could not be followed.
//
// In the browser the page's own history is the source of truth: the app
// pushes a fragment for every in-app move (take_url_change) and follows the
// fragment when the user presses back (open_fragment, which never pushes).
// Natively there is no browser, so back()/forward() walk the stacks here.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/nav/route.h"

namespace portlab::nav {

class Navigator {
 public:
  // Checks a route that came from outside against the model (does this
  // lesson and step exist?). It may complete the route (a lesson link with
  // no step opens where the learner left off) and returns a problem for the
  // learner, or "" when the route can be followed. A route with a problem
  // is replaced by the course home.
  using RouteCheck = std::function<std::string(Route& route)>;
  void set_route_check(RouteCheck check) { check_ = std::move(check); }

  const Route& current() const { return current_; }

  // An in-app move (a click, a key). Records history; no-op if already there.
  void go(const Route& route);

  // The URL changed outside the app (link, reload, back button): follow it
  // without adding history. A fragment that does not parse opens home and
  // sets the notice.
  void open_fragment(const std::string& fragment);

  bool can_go_back() const { return !back_.empty(); }
  bool can_go_forward() const { return !forward_.empty(); }
  void back();
  void forward();

  // What the address bar should do after a move, handed out once: a new
  // history entry for in-app moves, a replacement for corrected links, and
  // the browser's own back/forward for back()/forward().
  enum class UrlChangeKind { Push, Replace, Back, Forward };
  struct UrlChange {
    std::string fragment;
    UrlChangeKind kind = UrlChangeKind::Push;
  };
  std::optional<UrlChange> take_url_change();

  const std::string& notice() const { return notice_; }
  void set_notice(std::string text) { notice_ = std::move(text); }
  void clear_notice() { notice_.clear(); }

 private:
  Route current_;
  std::vector<Route> back_;
  std::vector<Route> forward_;
  std::optional<UrlChange> url_change_;
  std::string notice_;
  RouteCheck check_;
};

}  // namespace portlab::nav
