// The Ephemeral Lab screen: a client opening connections (one, or bursts)
// to chosen servers, each local port listed with the probes and why; OS,
// algorithm and mode switches; a chart comparing RFC 6056's algorithms;
// TIME_WAIT ageing with a speed control; an exhaustion demonstration.
// Route: #/ephemeral or #/ephemeral/<os key | exhaustion>.
#pragma once

#include <string>

#include "ui/views/host_lab_view.h"
#include "ui/widgets/challenge_list.h"
#include "ui/widgets/setup_link_button.h"

namespace portlab::ui {

class EphemeralLabView : public HostLabView {
 public:
  // The screen: its title and introduction, then the lab.
  void draw();
  // The lab alone (client host, servers, connections, clock, ports handed
  // out, Port Map, sockets, comparison), laid out for the width available:
  // the screen and a lesson step (see lab_views.h) draw the same lab
  // through this.
  void draw_lab();
  // The failure line of the last frame ("Call 5 failed: EADDRNOTAVAIL ..."),
  // "" when the last call succeeded: what a learner reads, for tests.
  const std::string& failure_line() const { return failure_line_; }

 private:
  void draw_setup();
  void draw_destinations();
  void draw_actions();
  void draw_clock();
  void draw_allocations();
  void draw_comparison();

  // Widget state only.
  char range_text_[24] = "40000-40003";
  std::string range_message_;
  char dest_text_[32] = "192.0.2.25:25";
  std::string dest_message_;
  std::string os_message_;
  std::string failure_line_;
  // The screen's own widgets around the lab.
  ChallengeList challenges_;
  SetupLinkButton share_;
};

}  // namespace portlab::ui
