#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/host/socket_listing.h"
#include "ui/a11y/semantics.h"
#include "ui/views/ephemeral_lab_view.h"
#include "a11y_nodes.h"
#include "view_harness.h"

using namespace portlab;
using EphemeralFixture = test::ViewFixture<ui::EphemeralLabView>;

TEST_CASE("ephemeral lab view: 'Open 5 connections' makes five allocations") {
  EphemeralFixture f;
  REQUIRE(f.click("Open 5 connections"));
  const auto& all = f.h.model.ephemeral.allocations();
  REQUIRE(all.size() == 5);
  for (const labs::Allocation& a : all) CHECK(a.decision.ok);
  CHECK(f.h.model.ephemeral.count(host::SocketState::Connected) == 5);
}

TEST_CASE("ephemeral lab view: the exhaustion demo fails the fifth connect and says why") {
  EphemeralFixture f;
  REQUIRE(f.click("Exhaustion demo (4 ports)"));
  REQUIRE(f.click("Open 5 connections"));
  const auto& all = f.h.model.ephemeral.allocations();
  REQUIRE(all.size() == 5);
  CHECK(std::string(all.back().decision.error) == "EADDRNOTAVAIL");
  f.h.frame(f.draw);
  CHECK(f.view.failure_line() ==
        "Call 5 failed: EADDRNOTAVAIL (rule " + std::string(all.back().decision.rule) + ")");
}

TEST_CASE("ephemeral lab view: closing starts TIME_WAIT, which ages only while time runs") {
  EphemeralFixture f;
  REQUIRE(f.click("Open 1 connection"));
  REQUIRE(f.click("Close all"));
  labs::EphemeralLab& lab = f.h.model.ephemeral;
  CHECK(lab.count(host::SocketState::TimeWait) == 1);
  f.h.frame(f.draw);
  CHECK(f.view.animating());
  REQUIRE(f.click("Pause"));
  CHECK(lab.speed() == 0);
  const sim::Millis paused_at = lab.host().now();
  f.h.frames(3, f.draw);
  CHECK(lab.host().now() == paused_at);
  CHECK_FALSE(f.view.animating());
  REQUIRE(f.click("60x"));
  f.h.frames(3, f.draw);
  CHECK(lab.host().now() > paused_at);
  for (int i = 0; i < 6; ++i) REQUIRE(f.click("Skip 10 s"));
  f.h.frame(f.draw);
  CHECK_FALSE(lab.ageing());
  CHECK_FALSE(f.view.animating());
}

TEST_CASE("ephemeral lab view: switching OS and algorithm reaches the model") {
  EphemeralFixture f;
  REQUIRE(f.click("FreeBSD"));
  CHECK(f.h.model.ephemeral.os().id == ports::OsId::Freebsd);
  f.h.model.ephemeral.set_algorithm(host::Rfc6056::DoubleHash);
  REQUIRE(f.click("Open 1 connection"));
  CHECK(f.h.model.ephemeral.allocations().back().decision.explanation.find("algorithm 4") !=
        std::string::npos);
}

TEST_CASE("ephemeral lab view: adding a server") {
  EphemeralFixture f;
  const size_t before = f.h.model.ephemeral.destinations().size();
  REQUIRE(f.click("Add server"));  // the field starts with 192.0.2.25:25
  CHECK(f.h.model.ephemeral.destinations().size() == before + 1);
  f.h.frame(f.draw);
  REQUIRE(f.click("192.0.2.25:25"));
  REQUIRE(f.click("Open 1 connection"));
  CHECK(net::to_string(f.h.model.ephemeral.allocations().back().dest) == "192.0.2.25:25");
}

TEST_CASE("ephemeral lab view: on a phone nothing reaches past the right edge") {
  EphemeralFixture f(390, 844);
  REQUIRE(f.click("Open 5 connections"));
  CHECK(f.h.model.ephemeral.allocations().size() == 5);
  for (const std::string& label : f.h.labels()) {
    INFO(label);
    CHECK(f.h.find(label)->max.x <= 390.0f);
  }
}

TEST_CASE("ephemeral lab view: choosing a row shows that call's explanation") {
  EphemeralFixture f;
  REQUIRE(f.click("Open 5 connections"));
  CHECK(f.h.model.ephemeral.selected_allocation()->number == 5);  // the newest by default
  REQUIRE(f.click("2##call"));
  CHECK(f.h.model.ephemeral.selected_allocation()->number == 2);
  REQUIRE(f.click("Start over"));
  CHECK(f.h.model.ephemeral.selected_allocation() == nullptr);
}

TEST_CASE("ephemeral lab view: the Sockets panel lists the client's connections, then TIME-WAIT") {
  EphemeralFixture f(1280, 4000);
  REQUIRE(f.click("Open 1 connection"));
  f.h.frames_until_settled(f.view, f.draw);
  const ui::SocketsPanel& panel = f.view.sockets_panel();
  const labs::EphemeralLab& lab = f.h.model.ephemeral;
  CHECK(panel.prompt() == "$ ss -tan");
  CHECK(panel.output() == host::list_sockets(lab.host(), host::ListingTool::SsTan,
                                             lab.processes(), panel.columns())
                              .text);
  CHECK(panel.output().find("ESTAB") != std::string::npos);
  CHECK(panel.output().find("203.0.113.10:443") != std::string::npos);
  REQUIRE(f.click("Close all"));
  f.h.frames_until_settled(f.view, f.draw);
  CHECK(panel.output().find("TIME-WAIT") != std::string::npos);
  CHECK(panel.output().find("ESTAB") == std::string::npos);
}

TEST_CASE("ephemeral lab view: fields are named, each call's result is read out, failures alert") {
  EphemeralFixture f;
  CHECK(test::node_with(ui::a11y::Role::TextField, "Port range") != nullptr);
  CHECK(test::node_with(ui::a11y::Role::TextField, "Server to add") != nullptr);
  CHECK(test::node_with(ui::a11y::Role::Combo, "Algorithm") != nullptr);
  REQUIRE(f.click("Open 1 connection"));
  f.h.frame(f.draw);
  const int port = f.h.model.ephemeral.allocations().back().decision.port;
  CHECK(test::node_with(ui::a11y::Role::Status, "Call 1: local port " + std::to_string(port)) != nullptr);
  REQUIRE(f.click("Exhaustion demo (4 ports)"));
  REQUIRE(f.click("Open 5 connections"));
  f.h.frame(f.draw);
  CHECK(test::node_with(ui::a11y::Role::Alert, "EADDRNOTAVAIL") != nullptr);
}

TEST_CASE("ephemeral lab view: the algorithm chart has a table of every algorithm's values") {
  EphemeralFixture f(1280, 4000);  // tall enough to draw the chart
  f.h.frames(2, f.draw);
  const ui::a11y::Node* chart = test::node_with(ui::a11y::Role::Figure, "Chart comparing the algorithms");
  REQUIRE(chart != nullptr);
  CHECK_FALSE(chart->description.empty());
  const auto tables = test::children(*chart, ui::a11y::Role::Table);
  REQUIRE(tables.size() == 1);
  const auto rows = test::children(*tables[0], ui::a11y::Role::Row);
  const auto& scores = f.h.model.ephemeral.comparison();
  REQUIRE(rows.size() == scores.size() + 1);  // the header row, then one per algorithm
  CHECK(test::children(*rows[0], ui::a11y::Role::ColumnHeader).size() == 3);
  const auto cells = test::children(*rows[1], ui::a11y::Role::Cell);
  REQUIRE(cells.size() == 3);
  CHECK(cells[0]->name == scores[0].name);
  char probes[32];
  std::snprintf(probes, sizeof probes, "%.2f", scores[0].probes_per_connect);
  CHECK(cells[2]->name == probes);
}
