#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

#include "core/labs/port_map.h"
#include "ui/a11y/semantics.h"
#include "ui/widgets/port_map.h"
#include "a11y_nodes.h"
#include "view_harness.h"

using namespace portlab;
using labs::PortState;

namespace {

struct MapFixture {
  test::ViewHarness h;
  host::Host host{*ports::find_os_profile("linux")};
  labs::PortMap map;
  ui::PortMapWidget widget;
  test::ViewHarness::DrawFn draw =
      test::ViewHarness::in_window([this] { widget.draw(map, host); });

  MapFixture() { widget.init(h.context()); }
  ~MapFixture() { widget.discard(); }

  void listen_on(uint16_t port) {
    host::SocketId id = host.open(net::Transport::Tcp);
    REQUIRE(host.bind(id, net::Ipv4{}, port).ok);
    REQUIRE(host.listen(id).ok);
  }
  // The pixel of a port, as RGBA bytes packed like ImGui's colours.
  ImU32 pixel(uint16_t port) const {
    const test::MemoryTextures::Image* image = h.textures.image(widget.texture());
    REQUIRE(image != nullptr);
    const uint8_t* p = &image->rgba[static_cast<size_t>(port) * 4];
    return IM_COL32(p[0], p[1], p[2], p[3]);
  }
};

}  // namespace

TEST_CASE("port map widget: a listening port's pixel has the listening colour") {
  MapFixture f;
  f.listen_on(8080);
  f.map.update(f.host);
  f.h.frames(2, f.draw);
  const settings::Theme theme = f.h.settings.theme;
  CHECK(f.pixel(8080) == ui::port_state_colour(PortState::Listening, theme));
  CHECK(f.pixel(8081) == ui::port_state_colour(PortState::Free, theme));
  CHECK(f.pixel(80) == ui::port_pixel(PortState::Privileged, 80, theme));
  CHECK(f.pixel(81) == ui::port_state_colour(PortState::Privileged, theme));
  CHECK(f.pixel(40000) == ui::port_pixel(PortState::Ephemeral, 40000, theme));
  // Every state has its own colour in every theme.
  for (settings::Theme t : settings::kThemes)
    for (int a = 0; a < labs::kPortStateCount; ++a)
      for (int b = a + 1; b < labs::kPortStateCount; ++b)
        CHECK(ui::port_state_colour(PortState(a), t) != ui::port_state_colour(PortState(b), t));
}

TEST_CASE("port map widget: only changed rows are uploaded") {
  MapFixture f;
  f.map.update(f.host);
  f.h.frame(f.draw);
  CHECK(f.widget.rows_uploaded() == 256);  // a new texture gets everything once
  f.h.frame(f.draw);
  CHECK(f.widget.rows_uploaded() == 0);
  const int total = f.h.textures.image(f.widget.texture())->rows_uploaded;

  f.listen_on(9000);
  f.map.update(f.host);
  f.h.frame(f.draw);
  CHECK(f.widget.rows_uploaded() == 1);
  CHECK(f.h.textures.image(f.widget.texture())->rows_uploaded == total + 1);
  CHECK(f.pixel(9000) == ui::port_state_colour(PortState::Listening, f.h.settings.theme));

  // A theme switch recolours everything.
  f.h.settings.theme = settings::Theme::HighContrast;
  f.h.frame(f.draw);
  CHECK(f.widget.rows_uploaded() == 256);
  const settings::Theme contrast = settings::Theme::HighContrast;
  CHECK(f.pixel(9000) == ui::port_state_colour(PortState::Listening, contrast));
}

TEST_CASE("port map widget: an Inspect port field for the keyboard; discard frees the texture") {
  MapFixture f;
  f.listen_on(8080);
  f.map.update(f.host);
  f.h.frames(2, f.draw);
  REQUIRE(f.h.click("Inspect port", f.draw));
  ImGui::GetIO().AddInputCharactersUTF8("8080");
  f.h.frames(2, f.draw);
  REQUIRE(f.widget.inspected().has_value());
  CHECK(*f.widget.inspected() == 8080);
  REQUIRE(f.h.textures.count() == 1);
  f.widget.discard();
  CHECK(f.h.textures.count() == 0);
}

TEST_CASE("port map widget: the range states carry a pattern, in the map and in the legend") {
  MapFixture f;
  f.map.update(f.host);
  f.h.frames(2, f.draw);
  for (settings::Theme t : settings::kThemes)
    for (PortState s : {PortState::Ephemeral, PortState::Privileged, PortState::Reserved}) {
      // Some cells of a range are marked, others not, and the two shades differ.
      int marked = 0;
      for (int col = 0; col < 12; ++col) marked += ui::port_pattern(s, col, 0) ? 1 : 0;
      CHECK(marked > 0);
      CHECK(marked < 12);
      const uint16_t on = s == PortState::Reserved ? 3 : 4;  // a marked cell of row 0
      REQUIRE(ui::port_pattern(s, on, 0));
      CHECK(ui::port_pixel(s, on, t) != ui::port_state_colour(s, t));
    }
  // A port in use is a single pixel: solid.
  for (int col = 0; col < 8; ++col) CHECK_FALSE(ui::port_pattern(PortState::Listening, col, 0));
  // The map's own pixels: a pattern across the privileged ports 0-1023.
  CHECK(f.pixel(80) != f.pixel(81));
}

TEST_CASE("port map widget: a figure with a summary and a table of the states; Inspect says what it finds") {
  MapFixture f;
  f.listen_on(8080);
  f.map.update(f.host);
  f.h.frames(2, f.draw);
  const ui::a11y::Node* figure = test::node_with(ui::a11y::Role::Figure, "Port Map");
  REQUIRE(figure != nullptr);
  CHECK(figure->description.find("listening: 1 (8080)") != std::string::npos);
  CHECK(figure->description.find("free, ephemeral range: ") != std::string::npos);
  const auto tables = test::children(*figure, ui::a11y::Role::Table);
  REQUIRE(tables.size() == 1);
  const auto rows = test::children(*tables[0], ui::a11y::Role::Row);
  REQUIRE(rows.size() == labs::kPortStateCount + 1);
  CHECK(test::children(*rows[0], ui::a11y::Role::ColumnHeader).size() == 3);
  const auto listening = test::children(*rows[1], ui::a11y::Role::Cell);
  REQUIRE(listening.size() == 3);
  CHECK(listening[0]->name == "listening");
  CHECK(listening[1]->name == "1");
  CHECK(listening[2]->name == "8080");

  REQUIRE(f.h.click("Inspect port", f.draw));
  ImGui::GetIO().AddInputCharactersUTF8("8080");
  f.h.frames(2, f.draw);
  CHECK(test::node_with(ui::a11y::Role::Status, "Port 8080") != nullptr);
  CHECK(test::node_with(ui::a11y::Role::Figure, "Port Map")->description.find("Inspected: Port 8080") !=
        std::string::npos);
}
