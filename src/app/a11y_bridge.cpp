#include "app/a11y_bridge.h"

#include <imgui_internal.h>

#include <algorithm>

namespace portlab::app {

namespace a11y = ui::a11y;

namespace {

// A Tab that scrolls its way through a long pane gives up after this many
// frames (a page each): far more than any screen needs.
constexpr int kMaxTabFrames = 200;

bool editing_text() {
  const ImGuiContext& g = *GImGui;
  return g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID;
}

bool tab_stop(const a11y::Node& n) { return a11y::is_interactive(n.role) && (n.states & a11y::kDisabled) == 0; }

ImGuiWindow* parent_of(ImGuiWindow* w) { return (w->Flags & ImGuiWindowFlags_ChildWindow) ? w->ParentWindow : nullptr; }

// Whether `outer` is `w` or one of the windows `w` is nested in.
bool encloses(ImGuiWindow* outer, ImGuiWindow* w) {
  for (; w; w = parent_of(w))
    if (w == outer) return true;
  return false;
}

bool can_scroll(ImGuiWindow* w, int dir) {
  return dir > 0 ? w->Scroll.y < w->ScrollMax.y - 0.5f : w->Scroll.y > 0.5f;
}

}  // namespace

const a11y::Node* A11yBridge::find(ImGuiID id) const {
  if (id == 0) return nullptr;
  for (const a11y::Node& n : recorder_.nodes())
    if (n.id == id) return &n;
  return nullptr;
}

void A11yBridge::request(ImGuiID id, bool activate) {
  const a11y::Node* n = find(id);
  if (!n) return;
  request_ = Request{id, n->window, n->min, n->max, activate};
  tab_ = Tab{};
  left_from_ = 0;
}

void A11yBridge::focus(ImGuiID id) { request(id, false); }

void A11yBridge::activate(ImGuiID id) { request(id, true); }

void A11yBridge::blur() {
  request_ = Request{};
  GImGui->NavDisableHighlight = true;
  left_from_ = GImGui->NavId;
}

void A11yBridge::set_text(ImGuiID id, std::string text, bool submit) {
  recorder_.set_pending_text(id, std::move(text), submit);
}

void A11yBridge::set_value(ImGuiID id, float value) { recorder_.set_pending_value(id, value); }

std::vector<ImGuiID> A11yBridge::stops() const {
  std::vector<ImGuiID> out;
  for (const a11y::Node& n : recorder_.nodes())
    if (tab_stop(n)) out.push_back(n.id);
  return out;
}

A11yBridge::TabResult A11yBridge::tab_from_mirror(int dir) {
  if (editing_text()) ImGui::ClearActiveID();
  return tab(dir, false);
}

A11yBridge::TabResult A11yBridge::tab(int dir, bool wrap) {
  if (editing_text()) return TabResult::Editing;
  tab_ = Tab{};
  tab_.dir = dir;
  tab_.wrap = wrap;
  // Natively nothing records the items until a keyboard user needs them:
  // the first Tab starts recording and moves after the next frame.
  if (!recorder_.attached()) {
    recorder_.attach();
    tab_.phase = Phase::Start;
    return TabResult::Moved;
  }
  // A press still waiting for its frame (Enter, then Tab at once) goes
  // first, and the Tab moves on from where it leaves focus: moving now
  // would replace the press with a plain focus move.
  if (request_.activate) return TabResult::Moved;
  TabResult result = TabResult::Moved;
  if (step_tab(result)) tab_ = Tab{};
  return result;
}

// ImGui draws only the items in view: plain ImGui widgets out of view are
// missing from the nodes (the a11y wrappers' items and full-submission
// panes' are there). So a Tab whose way crosses a pane's hidden part
// scrolls that part into view first - leaving a pane that scrolls further,
// entering one scrolled away from its start, or heading for an item out of
// view - and then takes the nearest item that appeared, or goes on.
bool A11yBridge::step_tab(TabResult& result) {
  const std::vector<a11y::Node>& nodes = recorder_.nodes();
  const int dir = tab_.dir;
  if (tab_.phase == Phase::Start) {
    const int count = static_cast<int>(nodes.size());
    // Back from the rest of the page (the focus left the mirror, and no
    // click chose another item since): in at the near end, as the page's
    // own Tab order would.
    const ImGuiID nav = GImGui->NavId == left_from_ ? 0 : GImGui->NavId;
    const ImGuiID from = request_.id ? request_.id : nav;
    int current = -1;
    for (int i = 0; i < count && from != 0; ++i)
      if (nodes[static_cast<size_t>(i)].id == from) current = i;
    // ImGui keeps a focused item even when it shows no highlight (after a
    // click, or the item it chose on start-up): Tab first shows where it is.
    const bool hidden = GImGui->NavDisableHighlight && request_.id == 0;
    int next = -1;
    if (current >= 0 && hidden && tab_stop(nodes[static_cast<size_t>(current)])) next = current;
    for (int i = current < 0 ? (dir > 0 ? 0 : count - 1) : current + dir; next < 0 && i >= 0 && i < count; i += dir)
      if (tab_stop(nodes[static_cast<size_t>(i)])) next = i;
    tab_.from = current < 0 ? 0 : nodes[static_cast<size_t>(current)].id;
    tab_.from_window = current < 0 ? 0 : nodes[static_cast<size_t>(current)].window;
    tab_.target = next < 0 ? 0 : nodes[static_cast<size_t>(next)].id;
    tab_.seen = stops();
    tab_.phase = Phase::Leave;
  } else {
    // Items the last scroll brought into view: those right before the
    // target in order (after the end when there is none yet) lie between
    // here and there, and the nearest of them is next. (An item already in
    // view, or recorded out of view, ends the run: the item focus left or
    // one before it.)
    const std::vector<ImGuiID> now = stops();
    const int size = static_cast<int>(now.size());
    int k = tab_.target != 0 ? -2 : dir > 0 ? size : -1;  // -2: the target went away
    for (int i = 0; i < size && tab_.target != 0; ++i)
      if (now[static_cast<size_t>(i)] == tab_.target) k = i;
    ImGuiID nearest = 0;
    for (k -= dir; k >= 0 && k < size; k -= dir) {
      const ImGuiID id = now[static_cast<size_t>(k)];
      if (std::find(tab_.seen.begin(), tab_.seen.end(), id) != tab_.seen.end()) break;
      nearest = id;
    }
    if (nearest != 0) {
      request(nearest, false);
      return true;
    }
    if (++tab_.frames > kMaxTabFrames) return true;
  }
  auto scroll_to = [&](ImGuiWindow* w, float y) {
    ImGui::SetScrollY(w, y);
    for (ImGuiID id : stops())
      if (std::find(tab_.seen.begin(), tab_.seen.end(), id) == tab_.seen.end()) tab_.seen.push_back(id);
  };
  auto page = [](ImGuiWindow* w) { return std::max(w->InnerRect.GetHeight() * 0.8f, 40.0f); };
  ImGuiWindow* here = tab_.from_window ? ImGui::FindWindowByID(tab_.from_window) : nullptr;
  const a11y::Node* target = find(tab_.target);
  ImGuiWindow* there = target ? ImGui::FindWindowByID(target->window) : nullptr;
  if (tab_.phase == Phase::Leave) {
    for (ImGuiWindow* w = here; w && !(there && encloses(w, there)); w = parent_of(w)) {
      if (!can_scroll(w, dir)) continue;
      scroll_to(w, w->Scroll.y + static_cast<float>(dir) * page(w));
      return false;
    }
    if (!target) {
      if (tab_.target != 0) return true;  // it went away meanwhile
      // The end of the order: the page's turn, or round to the other end.
      const std::vector<ImGuiID> all = stops();
      if (!tab_.wrap || all.empty()) {
        result = TabResult::AtEnd;
        return true;
      }
      tab_.target = dir > 0 ? all.front() : all.back();
      target = find(tab_.target);
      there = ImGui::FindWindowByID(target->window);
    }
    tab_.phase = Phase::Enter;
  }
  if (tab_.phase == Phase::Enter) {
    tab_.phase = Phase::Reveal;
    bool scrolled = false;
    for (ImGuiWindow* w = there; w && !(here && encloses(w, here)); w = parent_of(w)) {
      if (!can_scroll(w, -dir)) continue;
      scroll_to(w, dir > 0 ? 0.0f : w->ScrollMax.y);
      scrolled = true;
    }
    if (scrolled) return false;
  }
  if (!target) return true;
  if (!target->visible() && target->id != tab_.from) {
    const float y = (target->min.y + target->max.y) * 0.5f;
    for (ImGuiWindow* w = there; w; w = parent_of(w)) {
      const int side = y < w->InnerClipRect.Min.y ? -1 : y > w->InnerClipRect.Max.y ? 1 : 0;
      if (side == 0 || !can_scroll(w, side)) continue;
      scroll_to(w, w->Scroll.y + static_cast<float>(side) * page(w));
      return false;
    }
  }
  request(target->id, false);
  result = TabResult::Moved;
  return true;
}

void A11yBridge::frame_started() {
  if (request_.id == 0) return;
  const Request r = request_;
  request_ = Request{};
  ImGuiWindow* window = ImGui::FindWindowByID(r.window);
  if (!window) return;
  ImGuiContext& g = *GImGui;
  // The mirror's <input> edits a text field from now on, not ImGui.
  if (g.ActiveId != 0 && (g.ActiveId != r.id || editing_text())) ImGui::ClearActiveID();
  const ImRect rect(r.min, r.max);
  ImGui::FocusWindow(window);
  ImGui::SetNavID(r.id, ImGuiNavLayer_Main, 0, ImGui::WindowRectAbsToRel(window, rect));
  g.NavDisableHighlight = false;
  g.NavDisableMouseHover = true;
  ImGui::ScrollToBringRectIntoView(window, rect);
  if (r.activate) {
    // What NavUpdate sets for a Space press on the focused item, read by
    // every widget's ButtonBehavior later in this frame.
    g.NavActivateId = g.NavActivateDownId = g.NavActivatePressedId = r.id;
    g.NavActivateFlags = ImGuiActivateFlags_None;
  }
}

bool A11yBridge::frame_done() {
  TabResult result = TabResult::Moved;
  if (tab_.dir != 0 && step_tab(result)) tab_ = Tab{};
  return tab_.dir != 0 || request_.id != 0;
}

ImGuiID A11yBridge::keyboard_focus() const {
  const ImGuiContext& g = *GImGui;
  return g.NavDisableHighlight ? 0 : g.NavId;
}

}  // namespace portlab::app
