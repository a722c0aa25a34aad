// The Port Explorer: look a port up by number or service name, see where it
// sits among the IANA ranges and each OS's ephemeral range, and read what
// every transport registers on it, how often it is seen open, which OS
// hands it out as an ephemeral port and who may bind it. The facts come
// from core (labs/port_facts.h); the port shown is the link's argument
// (#/explorer/<port or name>), so a link reopens the same port.
#pragma once

#include <optional>
#include <string>

#include "core/labs/port_facts.h"
#include "ui/view.h"

namespace portlab::ui {

class ExplorerView : public View {
 public:
  void draw();

  // What the page shows, for tests: the port (nullptr when none) and the
  // problem with the link ("" when none).
  const labs::PortFacts* shown() const { return facts_ ? &*facts_ : nullptr; }
  const std::string& problem() const { return link_query_.problem; }

 private:
  const ports::PortRegistry* registry();
  void sync_with_link();
  void draw_search();
  void draw_number_line(std::optional<uint16_t> selected);
  void draw_details(const labs::PortFacts& facts);
  void draw_bind_rights(const labs::PortFacts& facts);
  void open_port(uint16_t port);

  char search_[64] = "";
  std::string searched_;          // the text search_query_ answers
  labs::PortQuery search_query_;  // what the search box names
  std::optional<std::string> link_arg_;  // the link argument last shown
  labs::PortQuery link_query_;           // what the link names
  std::optional<labs::PortFacts> facts_;  // the port the link names
};

}  // namespace portlab::ui
