// The Sockets panel of the labs' simulated host: a heading, a choice of the
// tools that system has (`ss -tan`, `netstat -ano`, ...), and what the
// chosen tool prints for the host, under its prompt line, in the monospace
// font, as a terminal as wide as the panel would show it. The listing is
// read-only; from the keyboard, Down reaches it, Space goes in, the arrows
// walk its lines (it scrolls along) and Escape comes back out.
//
// The listing is built by the model (host::list_sockets) when the host's
// sockets change (SocketTable::stamp), the tool or the width changes, not
// every frame; a panel scrolled out of sight waits until it is seen. A host
// of thousands of sockets takes milliseconds to list, so while such a host
// keeps changing the panel catches up at most every 40 builds' time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "core/host/socket_listing.h"
#include "ui/view_context.h"

namespace portlab::ui {

class SocketsPanel {
 public:
  SocketsPanel() = default;
  // lines_ points into listing_'s text, which a copy would not carry along.
  SocketsPanel(const SocketsPanel&) = delete;
  SocketsPanel& operator=(const SocketsPanel&) = delete;

  void init(const ViewContext& ctx) { ctx_ = ctx; }
  void draw(const host::Host& host, const host::Processes& processes);

  // What the panel showed last: the prompt line and the tool's output, for
  // tests and for views that check it.
  const std::string& prompt() const { return prompt_; }
  const std::string& output() const { return listing_.text; }
  // The width, in characters, of the terminal the listing was laid out for.
  int columns() const { return built_columns_; }
  // Milliseconds until a postponed rebuild is due, or -1: the owner asks
  // for a frame then, since an idle app draws none.
  int wake_after_ms() const { return wake_after_ms_; }

 private:
  // The tool choice; returns the tool to show.
  host::ListingTool draw_tools(const std::vector<host::ListingTool>& tools,
                               host::ListingTool current);
  // Builds the listing again if what it shows changed (see the top).
  void refresh(const host::Host& host, const host::Processes& processes, host::ListingTool tool,
               int columns, ImVec2 size);
  void draw_output(float height);

  ViewContext ctx_;
  std::optional<host::ListingTool> chosen_;  // the learner's pick while the OS has it
  // The listing shown and what it was built from.
  host::Listing listing_;
  std::vector<std::string_view> lines_;  // listing_.text as the panel's terminal wraps it
  std::string prompt_;
  bool built_ = false;
  uint64_t built_stamp_ = 0;
  ports::OsId built_os_ = ports::OsId::Linux;
  host::ListingTool built_tool_ = host::ListingTool::SsTan;
  int built_columns_ = 0;
  double built_at_ = 0;     // ImGui time of the last build
  double build_cost_ = 0;   // seconds it took
  int wake_after_ms_ = -1;
};

}  // namespace portlab::ui
