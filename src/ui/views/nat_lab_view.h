// The NAT Lab screen (#/nat[/<challenge or scenario>]): the topology with
// packets moving along its links, each packet's headers before and after
// translation, the router's NAT table, a forwarding-rule editor, the
// behaviour preset, timeline controls and the challenge panel. All rules
// live in labs::NatLab; this view only draws it and forwards commands.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "ui/view.h"
#include "ui/widgets/challenge_list.h"
#include "ui/widgets/setup_link_button.h"

namespace portlab::ui {

class NatLabView : public View {
 public:
  // The screen: its title and the menu that opens challenges and
  // scenarios, then the lab.
  void draw();
  // The lab alone (what is open, its controls, topology, headers, rules and
  // NAT table), laid out for the width available: the screen and a lesson
  // step (see lab_views.h) draw the same lab through this. Also runs the
  // lab's clock and its N/B/K keys.
  void draw_lab();

 private:
  void handle_keys();
  void draw_open_menu();
  void draw_controls();
  void draw_topology();
  // Makes the drawing's text alternative again if the step or network changed.
  void describe_drawing();
  void draw_packets();
  void draw_table();
  void draw_rules();
  void draw_challenge();

  // Widget state of the rule editor.
  char protocol_[8] = "tcp";
  char address_[40] = "";
  char external_port_[8] = "";
  char internal_port_[8] = "";
  std::string rule_problem_;
  int hints_shown_ = 0;
  // What was open last frame, to reset the widget state when it changes.
  std::string shown_title_;
  // The drawing's text alternative, made again only when the step or the
  // network changes (never per animation frame).
  std::string figure_key_, figure_summary_;
  std::vector<std::string> packet_lines_;
  // Node centres of the drawing, reused every frame.
  std::vector<ImVec2> centres_;
  std::vector<ImVec2> path_points_;
  // The screen's own widgets around the lab.
  ChallengeList challenges_;
  SetupLinkButton share_;
};

}  // namespace portlab::ui
