#include "core/nav/navigator.h"

namespace portlab::nav {

namespace {
// Enough to walk back through a lesson; old entries fall off the bottom.
constexpr size_t kMaxHistory = 100;
}

void Navigator::go(const Route& route) {
  if (route == current_) return;
  back_.push_back(current_);
  if (back_.size() > kMaxHistory) back_.erase(back_.begin());
  forward_.clear();
  current_ = route;
  notice_.clear();
  url_change_ = UrlChange{to_fragment(current_), UrlChangeKind::Push};
}

void Navigator::open_fragment(const std::string& fragment) {
  ParsedRoute parsed = parse_fragment(fragment);
  bool completed = false;
  if (parsed.problem.empty() && check_) {
    const Route asked = parsed.route;
    parsed.problem = check_(parsed.route);
    if (!parsed.problem.empty()) parsed.route = Route{};
    completed = parsed.problem.empty() && parsed.route != asked;
  }
  current_ = parsed.route;
  notice_ = parsed.problem;
  // A fragment that had to be corrected or completed is replaced in the
  // address bar too, so a reload does not repeat the message.
  if (!parsed.problem.empty() || completed)
    url_change_ = UrlChange{to_fragment(current_), UrlChangeKind::Replace};
}

void Navigator::back() {
  if (back_.empty()) return;
  forward_.push_back(current_);
  current_ = back_.back();
  back_.pop_back();
  url_change_ = UrlChange{to_fragment(current_), UrlChangeKind::Back};
}

void Navigator::forward() {
  if (forward_.empty()) return;
  back_.push_back(current_);
  current_ = forward_.back();
  forward_.pop_back();
  url_change_ = UrlChange{to_fragment(current_), UrlChangeKind::Forward};
}

std::optional<Navigator::UrlChange> Navigator::take_url_change() {
  std::optional<UrlChange> change;
  change.swap(url_change_);
  return change;
}

}  // namespace portlab::nav
