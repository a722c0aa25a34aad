// Every screen of the shell, on a laptop and on a phone: each interactive
// item assistive technology is told about has a role and a name (what the
// browser suite asserts of Chromium's accessibility tree, checked here
// without a browser).
#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/nav/route.h"
#include "ui/a11y/semantics.h"
#include "ui/shell.h"
#include "view_harness.h"

using namespace portlab;
using ui::a11y::Node;
using ui::a11y::Role;

namespace {

// Every screen, and every step of every lesson (each can hold a lab, a
// quiz or an activity).
std::vector<std::string> every_route(const model::Model& model) {
  std::vector<std::string> routes = {"#/",          "#/explorer", "#/bind",          "#/ephemeral",
                                     "#/nat",       "#/quiz",     "#/quiz/practice", "#/settings",
                                     "#/about"};
  for (const course::Lesson& lesson : model.content.course.lessons)
    for (size_t step = 1; step <= lesson.steps.size(); ++step)
      routes.push_back("#/lesson/" + lesson.id + "/" + std::to_string(step));
  return routes;
}

}  // namespace

TEST_CASE("a11y: on every screen every interactive node has a role and a name") {
  for (const ImVec2 size : {ImVec2(1280, 800), ImVec2(390, 844)}) {
    test::ViewHarness h(size.x, size.y);
    h.load_shipped_content();
    h.navigator.set_route_check([&h](nav::Route& r) { return h.model.check_route(r); });
    ui::Shell shell;
    shell.init(h.context());
    const auto draw = [&shell] { shell.draw(); };
    std::set<std::string> nameless;
    size_t interactive = 0;
    for (const std::string& route : every_route(h.model)) {
      h.navigator.open_fragment(route);
      h.frames(3, draw);
      for (const Node& n : h.recorder().nodes()) {
        if (n.role == Role::None && !n.label.empty()) {
          nameless.insert(route + ": a node with no role, label \"" + n.label + "\"");
          continue;
        }
        if (!ui::a11y::is_interactive(n.role)) continue;
        ++interactive;
        if (n.name.find_first_not_of(" \t") == std::string::npos)
          nameless.insert(route + ": " + ui::a11y::aria_role(n.role) + " with label \"" + n.label + "\"");
      }
    }
    shell.discard();
    std::ostringstream list;
    for (const std::string& problem : nameless) list << "\n  " << problem;
    CAPTURE(size.x);
    CHECK(interactive > 100);
    CHECK_MESSAGE(nameless.empty(), nameless.size() << " nameless or roleless:" << list.str());
  }
}
