// WCAG 1.4.10 Reflow: at 320 CSS pixels wide (a phone, or a 1280-pixel
// window at 400 % zoom) and at 640x400 (a 1280x800 window at 200 % zoom)
// every control of every screen stays within the window's width, so no
// one has to scroll sideways to reach it. Data tables (the NAT table, a
// Sockets listing, the call log) are the criterion's exception: their
// rows may scroll sideways inside their own frame.
#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <string>

#include "ui/a11y/semantics.h"
#include "ui/shell.h"
#include "view_harness.h"

using namespace portlab;
using ui::a11y::Node;
using ui::a11y::Role;

namespace {

// Whether a node sits in a table (its own row or cell, at any depth).
bool in_table(const std::vector<Node>& nodes, const Node& node) {
  ImGuiID parent = node.parent;
  for (int depth = 0; parent != 0 && depth < 16; ++depth) {
    const Node* p = nullptr;
    for (const Node& n : nodes)
      if (n.id == parent) p = &n;
    if (!p) return false;
    if (p->role == Role::Table) return true;
    parent = p->parent;
  }
  return false;
}

}  // namespace

TEST_CASE("reflow: at 320 px wide and at 200 % zoom every control fits the width") {
  for (const ImVec2 size : {ImVec2(320, 568), ImVec2(640, 400)}) {
    test::ViewHarness h(size.x, size.y);
    h.load_shipped_content();
    h.navigator.set_route_check([&h](nav::Route& r) { return h.model.check_route(r); });
    ui::Shell shell;
    shell.init(h.context());
    const auto draw = [&shell] { shell.draw(); };
    std::set<std::string> outside;
    size_t controls = 0;
    for (const char* route : {"#/", "#/explorer", "#/bind", "#/ephemeral", "#/nat/game-server", "#/quiz",
                              "#/quiz/practice", "#/quiz/question/ranges-classify-1024", "#/settings", "#/about",
                              "#/lesson/port-ranges/1", "#/lesson/privileged-binding/3"}) {
      h.navigator.open_fragment(route);
      h.frames(3, draw);
      const std::vector<Node>& nodes = h.recorder().nodes();
      for (const Node& n : nodes) {
        if (!ui::a11y::is_interactive(n.role) || in_table(nodes, n)) continue;
        ++controls;
        if (n.max.x > size.x + 0.5f || n.min.x < -0.5f)
          outside.insert(std::string(route) + ": \"" + n.label + "\" spans x " + std::to_string(n.min.x) + "-" +
                         std::to_string(n.max.x));
      }
    }
    shell.discard();
    std::ostringstream list;
    for (const std::string& problem : outside) list << "\n  " << problem;
    CAPTURE(size.x);
    CHECK(controls > 50);
    CHECK_MESSAGE(outside.empty(), outside.size() << " controls past the edge:" << list.str());
  }
}
