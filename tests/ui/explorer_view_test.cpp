#include <doctest/doctest.h>

#include <imgui.h>

#include <string>
#include <vector>

#include "ui/a11y/semantics.h"
#include "ui/keys.h"
#include "ui/views/explorer_view.h"
#include "a11y_nodes.h"
#include "view_harness.h"

using namespace portlab;

namespace {

std::string shown_arg(const nav::Navigator& n) {
  return n.current().args.empty() ? "" : n.current().args[0];
}

}  // namespace

TEST_CASE("explorer view: typing 'ssh' and pressing Enter opens port 22") {
  test::ViewFixture<ui::ExplorerView> f;
  f.h.navigator.go(nav::Route{nav::Screen::Explorer, {}});
  f.h.frames(2, f.draw);
  REQUIRE(f.click("Port or service"));
  ImGui::GetIO().AddInputCharactersUTF8("ssh");
  f.h.frames(2, f.draw);
  f.h.press_key(ui::keys::kEnter, f.draw);
  f.h.frames(2, f.draw);
  CHECK(f.h.navigator.current().screen == nav::Screen::Explorer);
  CHECK(shown_arg(f.h.navigator) == "22");
  REQUIRE(f.view.shown() != nullptr);
  CHECK(f.view.shown()->port == 22);
}

TEST_CASE("explorer view: clicking a search result navigates to its port") {
  test::ViewFixture<ui::ExplorerView> f;
  f.h.navigator.go(nav::Route{nav::Screen::Explorer, {"htt"}});  // a prefix, no port
  f.h.frames(2, f.draw);
  CHECK(f.view.shown() == nullptr);
  REQUIRE(f.h.find("http, port 80") != nullptr);
  REQUIRE(f.click("http, port 80"));
  CHECK(shown_arg(f.h.navigator) == "80");
  REQUIRE(f.view.shown() != nullptr);
  CHECK(f.view.shown()->port == 80);
}

TEST_CASE("explorer view: the link #/explorer/443 shows 443 as a System Port") {
  test::ViewFixture<ui::ExplorerView> f;
  f.h.navigator.open_fragment("#/explorer/443");
  f.h.frames(2, f.draw);
  REQUIRE(f.view.shown() != nullptr);
  CHECK(f.view.shown()->port == 443);
  CHECK(f.view.shown()->range->id == ports::PortClass::System);
  CHECK(f.view.shown()->range_sentence.find("System Ports") != std::string::npos);
  // Walking the edge from the keyboard-reachable buttons.
  REQUIRE(f.click("Next port"));
  CHECK(shown_arg(f.h.navigator) == "444");
  REQUIRE(f.click("Previous port"));
  CHECK(shown_arg(f.h.navigator) == "443");
}

TEST_CASE("explorer view: an unknown name in the link says so and shows no port") {
  test::ViewFixture<ui::ExplorerView> f;
  f.h.navigator.open_fragment("#/explorer/nosuchservice");
  f.h.frames(3, f.draw);
  CHECK(f.view.shown() == nullptr);
  CHECK(f.view.problem().find("no port or service called \"nosuchservice\"") != std::string::npos);
  CHECK(f.h.find("Next port") == nullptr);
}

TEST_CASE("explorer view: an example button opens its port, and the view fits a phone") {
  test::ViewFixture<ui::ExplorerView> f(390, 844);
  f.h.navigator.go(nav::Route{nav::Screen::Explorer, {}});
  f.h.frames(2, f.draw);
  REQUIRE(f.click("514"));
  REQUIRE(f.view.shown() != nullptr);
  CHECK(f.view.shown()->port == 514);
  for (const char* label : {"Port or service", "Next port"}) {
    const ui::ProbedItem* item = f.h.find(label);
    REQUIRE(item != nullptr);
    CHECK(item->max.x <= 390.0f);
  }
}

TEST_CASE("explorer view: the lookup result is a Status; the number line is a figure with a table") {
  test::ViewFixture<ui::ExplorerView> f;
  f.h.navigator.go(nav::Route{nav::Screen::Explorer, {"443"}});
  f.h.frames(2, f.draw);
  REQUIRE(f.view.shown() != nullptr);
  CHECK(test::node_with(ui::a11y::Role::Status, f.view.shown()->range_sentence) != nullptr);
  CHECK(test::node_with(ui::a11y::Role::TextField, "Port or service") != nullptr);
  const ui::a11y::Node* line = test::node_with(ui::a11y::Role::Figure, "number line");
  REQUIRE(line != nullptr);
  CHECK(line->description.find("Port 443 is marked") != std::string::npos);
  const auto tables = test::children(*line, ui::a11y::Role::Table);
  REQUIRE(tables.size() == 1);
  CHECK(test::node_with(ui::a11y::Role::Cell, "Linux ephemeral") != nullptr);
  // The pointer's click target is not exposed as a nameless button.
  CHECK(test::node_with(ui::a11y::Role::Button, "number line") == nullptr);
  // The transports table's headers are column headers.
  CHECK(test::node_with(ui::a11y::Role::ColumnHeader, "Registered service") != nullptr);
}
