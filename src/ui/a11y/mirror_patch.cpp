#include "ui/a11y/mirror_patch.h"

#include <cmath>
#include <cstdio>

#include "core/json.h"

namespace portlab::ui::a11y {

namespace {

// Half-pixel steps: sub-pixel jitter (a scroll position, a float layout)
// makes no patch.
float half(float v) { return std::round(v * 2.0f) / 2.0f; }

struct Box {
  float x, y, w, h;
};

Box box_of(const Node& n) {
  if (n.min.x > n.max.x || n.min.y > n.max.y) return {0, 0, 0, 0};  // an empty container
  return {half(n.min.x), half(n.min.y), half(n.max.x - n.min.x), half(n.max.y - n.min.y)};
}

bool has_range(Role role) { return role == Role::Slider || role == Role::Progress; }

// Whether the mirror would show `a` and `b` alike.
bool same(const Node& a, const Node& b) {
  const Box p = box_of(a), q = box_of(b);
  if (a.parent != b.parent || a.role != b.role || a.states != b.states || a.level != b.level ||
      half(a.font_size) != half(b.font_size) || p.x != q.x || p.y != q.y || p.w != q.w || p.h != q.h)
    return false;
  if (has_range(a.role) &&
      (a.value_min != b.value_min || a.value_max != b.value_max || a.value_now != b.value_now))
    return false;
  return a.name == b.name && a.value == b.value && a.description == b.description && a.label == b.label;
}

void number(std::string& out, double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  out += buf;
}

void key(std::string& out, const char* name) {
  out += ",\"";
  out += name;
  out += "\":";
}

void write_node(std::string& out, const Node& n) {
  out += "{\"id\":";
  number(out, n.id);
  key(out, "parent");
  number(out, n.parent);
  key(out, "role");
  out += '"';
  out += aria_role(n.role);
  out += '"';
  key(out, "name");
  out += json::quote(n.name);
  if (!n.value.empty()) key(out, "value"), out += json::quote(n.value);
  if (!n.description.empty()) key(out, "desc"), out += json::quote(n.description);
  if (!n.label.empty() && n.label != n.name) key(out, "label"), out += json::quote(n.label);
  const Box b = box_of(n);
  key(out, "x"), number(out, b.x);
  key(out, "y"), number(out, b.y);
  key(out, "w"), number(out, b.w);
  key(out, "h"), number(out, b.h);
  key(out, "states"), number(out, n.states);
  if (n.level) key(out, "level"), number(out, n.level);
  if (n.font_size > 0) key(out, "font"), number(out, half(n.font_size));
  if (has_range(n.role)) {
    key(out, "min"), number(out, n.value_min);
    key(out, "max"), number(out, n.value_max);
    key(out, "now"), number(out, n.value_now);
  }
  out += '}';
}

void write_say(std::string& out, const std::string& text, bool assertive) {
  if (!out.empty()) out += ',';
  out += "{\"text\":";
  out += json::quote(text);
  out += assertive ? ",\"assertive\":true}" : ",\"assertive\":false}";
}

// Appends "name":[items] to the patch when there are items.
void section(std::string& patch, const char* name, const std::string& items) {
  if (items.empty()) return;
  patch += patch.empty() ? "{\"" : ",\"";
  patch += name;
  patch += "\":[";
  patch += items;
  patch += ']';
}

}  // namespace

std::string MirrorDiff::update(const std::vector<Node>& nodes, ImGuiID focused,
                               const std::vector<Announcement>& said) {
  std::vector<Node> now;
  now.reserve(nodes.size());
  std::unordered_map<ImGuiID, size_t> now_index;
  now_index.reserve(nodes.size());
  std::string changed, say;
  bool order_changed = false;
  for (const Node& n : nodes) {
    if (!now_index.emplace(n.id, now.size()).second) continue;  // a second item with one id
    const auto before = last_index_.find(n.id);
    const Node* old = before == last_index_.end() ? nullptr : &last_[before->second];
    if (!old || !same(*old, n)) {
      if (!changed.empty()) changed += ',';
      write_node(changed, n);
    }
    // A result or an error whose text is new: announce it (not what the first frame shows).
    const bool result = n.role == Role::Alert || (n.role == Role::Status && !new_screen_);
    if (result && !first_ && (!old || old->name != n.name))
      write_say(say, n.name, n.role == Role::Alert);
    if (now.size() >= last_.size() || last_[now.size()].id != n.id) order_changed = true;
    now.push_back(n);
  }
  if (now.size() != last_.size()) order_changed = true;
  for (const Announcement& a : said) write_say(say, a.text, a.assertive);

  std::string removed, order;
  for (const Node& n : last_) {
    if (now_index.count(n.id)) continue;
    if (!removed.empty()) removed += ',';
    number(removed, n.id);
  }
  if (order_changed) {
    for (const Node& n : now) {
      if (!order.empty()) order += ',';
      number(order, n.id);
    }
  }

  std::string patch;
  section(patch, "nodes", changed);
  section(patch, "remove", removed);
  section(patch, "order", order);
  if (focused != last_focus_) {
    patch += patch.empty() ? "{\"focus\":" : ",\"focus\":";
    number(patch, focused);
  }
  section(patch, "say", say);
  if (!patch.empty()) patch += '}';

  last_ = std::move(now);
  last_index_ = std::move(now_index);
  last_focus_ = focused;
  first_ = false;
  new_screen_ = false;
  return patch;
}

void MirrorDiff::reset() {
  last_.clear();
  last_index_.clear();
  last_focus_ = 0;
  first_ = true;
}

}  // namespace portlab::ui::a11y
