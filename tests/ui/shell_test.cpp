#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <string>

#include "ui/keys.h"
#include "ui/shell.h"
#include "a11y_nodes.h"
#include "view_harness.h"

using namespace portlab;

namespace {

struct ShellFixture {
  test::ViewHarness h;
  ui::Shell shell;
  ShellFixture() {
    h.load_shipped_content();
    shell.init(h.context());
  }
  ~ShellFixture() { shell.discard(); }
  void draw() { shell.draw(); }
  test::ViewHarness::DrawFn fn() {
    return [this] { draw(); };
  }
};

}  // namespace

TEST_CASE("shell: opens on the course home with the navigation bar") {
  ShellFixture f;
  f.h.frames(2, f.fn());
  CHECK(f.h.navigator.current().screen == nav::Screen::Home);
  CHECK(f.h.find("Home") != nullptr);
  CHECK(f.h.find("Settings") != nullptr);
  CHECK(f.h.find("About") != nullptr);
  CHECK(f.h.find("Start here: What a port is, step 1") != nullptr);
}

TEST_CASE("shell: the navigation bar moves between screens and records history") {
  ShellFixture f;
  f.h.frames(2, f.fn());
  REQUIRE(f.h.click("About", f.fn()));
  CHECK(f.h.navigator.current().screen == nav::Screen::About);
  auto change = f.h.navigator.take_url_change();
  REQUIRE(change);
  CHECK(change->fragment == "#/about");
  REQUIRE(f.h.click("Settings", f.fn()));
  CHECK(f.h.navigator.current().screen == nav::Screen::Settings);
  f.h.press_key(ui::keys::kLeft, f.fn(), false, true);  // Alt+Left: back
  CHECK(f.h.navigator.current().screen == nav::Screen::About);
  f.h.press_key(ui::keys::kRight, f.fn(), false, true);  // Alt+Right: forward
  CHECK(f.h.navigator.current().screen == nav::Screen::Settings);
}

TEST_CASE("shell: a notice from a bad link is shown and can be dismissed") {
  ShellFixture f;
  f.h.navigator.open_fragment("#/no-such-page");
  f.h.frames(2, f.fn());
  CHECK_FALSE(f.h.navigator.notice().empty());
  REQUIRE(f.h.click("Dismiss", f.fn()));
  CHECK(f.h.navigator.notice().empty());
  CHECK(f.h.find("Dismiss") == nullptr);
}

TEST_CASE("shell: Ctrl with + and - change the text size, Ctrl+0 resets it") {
  ShellFixture f;
  f.h.frames(2, f.fn());
  f.h.press_key(ui::keys::kEqual, f.fn(), true);
  CHECK(f.h.settings.ui_scale == doctest::Approx(1.1f));
  f.h.press_key(ui::keys::kMinus, f.fn(), true);
  f.h.press_key(ui::keys::kMinus, f.fn(), true);
  CHECK(f.h.settings.ui_scale == doctest::Approx(0.9f));
  f.h.press_key(ui::keys::kNum0, f.fn(), true);
  CHECK(f.h.settings.ui_scale == 1.0f);
}

TEST_CASE("shell: on a phone-sized screen nothing is laid out past the right edge") {
  ShellFixture f;
  f.h.set_display_size(390, 844);
  for (nav::Screen screen : {nav::Screen::Home, nav::Screen::Settings, nav::Screen::About}) {
    f.h.navigator.go(nav::Route{screen, {}});
    f.h.frames(3, f.fn());
    for (const ui::ProbedItem& item : [&] {
           std::vector<ui::ProbedItem> v;
           for (const std::string& label : f.h.labels()) v.push_back(*f.h.find(label));
           return v;
         }()) {
      const std::string screen_name = nav::screen_id(screen);
      CAPTURE(screen_name);
      CAPTURE(item.label);
      CHECK(item.max.x <= 390.0f + 0.5f);
    }
  }
}

TEST_CASE("shell: dragging the page where there is no control scrolls it, as on a touch screen") {
  ShellFixture f;
  f.h.set_display_size(390, 844);
  f.h.frames(3, f.fn());
  ImGuiIO& io = ImGui::GetIO();
  const ImGuiWindow* screen = nullptr;
  auto scroll_y = [&] {
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
      if (w->ParentWindow && std::string(w->ParentWindow->Name) == "PortLab" &&
          std::string(w->Name).find("/screen_") != std::string::npos)
        screen = w;
    return screen ? screen->Scroll.y : -1.0f;
  };
  const float before = scroll_y();
  REQUIRE(before == 0.0f);
  // Press on the page away from any control (the course cards' margin),
  // drag upwards, release.
  io.MousePos = ImVec2(30, 600);
  f.h.frame(f.fn());
  io.MouseDown[0] = true;
  f.h.frame(f.fn());
  for (int i = 0; i < 10; ++i) {
    io.MousePos.y -= 20;
    f.h.frame(f.fn());
  }
  io.MouseDown[0] = false;
  f.h.frames(2, f.fn());
  CHECK(scroll_y() > 100.0f);
  CHECK(f.h.navigator.current().screen == nav::Screen::Home);  // nothing was clicked
}

TEST_CASE("shell: a lesson step draws the Bind Lab screen's own lab, and Open the full lab keeps its state") {
  ShellFixture f;
  f.h.set_display_size(1280, 2400);  // the whole lab on screen, no scrolling
  f.h.navigator.set_route_check([&](nav::Route& r) { return f.h.model.check_route(r); });
  f.h.navigator.open_fragment("#/lesson/privileged-binding/2");
  f.h.frames(3, f.fn());
  // The lab's widgets are among the frame's widgets (what the test hook's
  // command({widgets: true}) lists).
  REQUIRE(f.h.find("Try bind") != nullptr);
  REQUIRE(f.h.find("Resize the text and the lab") != nullptr);
  REQUIRE(f.h.click("root (uid 0)", f.fn()));
  REQUIRE(f.h.click("Try bind", f.fn()));
  REQUIRE(f.h.model.bind.history().size() == 1);
  REQUIRE(f.h.click("Open the full lab", f.fn()));
  CHECK(nav::to_fragment(f.h.navigator.current()) == "#/bind");
  f.h.frames(2, f.fn());
  // The Bind Lab screen: the same attempt in its history, the learner's
  // user, the preset not applied again.
  CHECK(f.h.model.bind.history().size() == 1);
  CHECK(f.h.model.bind.uid() == 0);
  CHECK(f.h.find("Clear attempts") != nullptr);
  CHECK(f.h.find("Resize the text and the lab") == nullptr);
  // Back to the step: the lab is still as it was.
  f.h.navigator.back();
  f.h.frames(2, f.fn());
  CHECK(nav::to_fragment(f.h.navigator.current()) == "#/lesson/privileged-binding/2");
  CHECK(f.h.model.bind.uid() == 0);
  CHECK(f.h.model.bind.history().size() == 1);
}

TEST_CASE("shell: a lesson step with a lab uses the window's width; one without keeps a reading column") {
  ShellFixture f;
  f.h.set_display_size(1600, 900);
  f.h.navigator.set_route_check([&](nav::Route& r) { return f.h.model.check_route(r); });
  f.h.navigator.open_fragment("#/lesson/privileged-binding/2");
  f.h.frames(3, f.fn());
  REQUIRE(f.h.find("Open the full lab") != nullptr);
  const ui::ProbedItem* wide = f.h.find("< Course");
  REQUIRE(wide != nullptr);
  CHECK(wide->min.x < 60);
  f.h.navigator.open_fragment("#/lesson/privileged-binding/1");  // text only
  f.h.frames(3, f.fn());
  const ui::ProbedItem* course = f.h.find("< Course");
  REQUIRE(course != nullptr);
  CHECK(course->min.x > (1600 - 64 * 17) * 0.5f - 20);  // centred reading column
}

TEST_CASE("shell: the navigation bar is links, the screen shown marked current; a notice is an alert") {
  using ui::a11y::Role;
  ShellFixture f;
  f.h.frames(2, f.fn());
  const ui::a11y::Node* home = test::node_with(Role::Link, "Home");
  REQUIRE(home);
  CHECK((home->states & ui::a11y::kCurrent) != 0);
  REQUIRE(test::node_with(Role::Link, "Settings"));
  CHECK_FALSE((test::node_with(Role::Link, "Settings")->states & ui::a11y::kCurrent) != 0);
  REQUIRE(f.h.click("Settings", f.fn()));
  f.h.frames(1, f.fn());
  CHECK((test::node_with(Role::Link, "Settings")->states & ui::a11y::kCurrent) != 0);
  CHECK_FALSE((test::node_with(Role::Link, "Home")->states & ui::a11y::kCurrent) != 0);

  f.h.navigator.open_fragment("#/no-such-page");
  f.h.frames(2, f.fn());
  REQUIRE_FALSE(f.h.navigator.notice().empty());
  const ui::a11y::Node* notice = test::node_with(Role::Alert, f.h.navigator.notice());
  REQUIRE(notice);
  CHECK(notice->name == f.h.navigator.notice());
}
