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
  // The screen: the port its link names (#/explorer/<port or name>).
  void draw();
  // The Explorer alone, inside another view (a lesson step, see
  // lab_views.h): it shows the port or name given to show_inline() and
  // moves to another port in place instead of following a link.
  void draw_lab();
  void show_inline(const std::string& port_or_name) { inline_arg_ = port_or_name; }
  // What draw_lab() shows now ("" for nothing yet): the full screen's link
  // argument when the learner opens it from there.
  const std::string& inline_arg() const { return inline_arg_; }

  // What the page shows, for tests: the port (nullptr when none) and the
  // problem with the link ("" when none).
  const labs::PortFacts* shown() const { return facts_ ? &*facts_ : nullptr; }
  const std::string& problem() const { return link_query_.problem; }

 private:
  const ports::PortRegistry* registry();
  // Shows the port or name `arg` names (the link's, or the inline one).
  void sync_with(const std::string& arg);
  void draw_body();
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
  std::string inline_arg_;        // what draw_lab() shows
  bool drawing_inline_ = false;   // inside draw_lab(): ports open in place
};

}  // namespace portlab::ui
