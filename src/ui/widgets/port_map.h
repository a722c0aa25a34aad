// The Port Map: all 65,536 ports of a simulated host as one 256 x 256
// texture (a pixel per port, row = port / 256), coloured by state, with a
// legend, a hover tooltip naming the port and the sockets holding it, and
// an "Inspect port" field that gives the same answer from the keyboard.
//
// Only rows the model reports as changed are uploaded, so a frame where
// nothing happened costs no texture traffic; a theme switch re-uploads all.
// The owner keeps the model current (labs::PortMap::update after each
// change to the host) and calls draw() every frame.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/labs/port_map.h"
#include "ui/view_context.h"

namespace portlab::ui {

class PortMapWidget {
 public:
  void init(const ViewContext& ctx) { ctx_ = ctx; }
  // `max_side`: the largest square to draw, in pixels; 0 picks a size that
  // suits the window (the full width on a phone).
  void draw(const labs::PortMap& map, const host::Host& host, float max_side = 0);
  // Destroys the texture; draw() would make a new one.
  void discard();

  ImTextureID texture() const { return texture_; }
  // Rows sent to the texture by the last draw(): 0 when nothing changed.
  int rows_uploaded() const { return rows_uploaded_; }
  // The port the "Inspect port" field names, if it names one.
  std::optional<uint16_t> inspected() const { return inspected_; }

 private:
  void upload(const labs::PortMap& map);
  void draw_legend(const labs::PortMap& map);
  void tooltip_for(const labs::PortMap& map, const host::Host& host, uint16_t port);

  ViewContext ctx_;
  ImTextureID texture_ = nullptr;
  uint64_t uploaded_version_ = 0;
  int uploaded_theme_ = -1;  // the theme the texture's colours belong to
  int rows_uploaded_ = 0;
  char inspect_[8] = "";                 // the "Inspect port" field
  std::optional<uint16_t> inspected_;     // the port it names, if it names one
  std::vector<uint8_t> rgba_;  // one reusable buffer for changed rows
  // The picture's text alternative (see describe()), made again only when
  // the map or the inspected port changes.
  void describe(const labs::PortMap& map);
  uint64_t described_version_ = ~0ull;
  int described_port_ = -2;
  std::string summary_;
  std::string where_[labs::kPortStateCount];  // each state's port ranges, in words
};

// The colour of a state in the current theme (ImGui's packed ABGR, as
// ImGui::GetColorU32 returns it and as the texture stores bytes R, G, B, A).
ImU32 port_state_colour(labs::PortState state, settings::Theme theme);
// The texture's pixel of `port` in `state`: the state's colour, and for the
// free-port states that cover ranges (ephemeral, privileged, reserved) a
// pattern of a lighter or darker shade over it, so they differ by more than
// colour. The legend's swatches carry the same patterns.
ImU32 port_pixel(labs::PortState state, uint16_t port, settings::Theme theme);
// Whether the pattern of `state` marks the cell at `col`, `row`.
bool port_pattern(labs::PortState state, int col, int row);

}  // namespace portlab::ui
