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

namespace portlab::ui {

class NatLabView : public View {
 public:
  void draw();

 private:
  void handle_keys();
  void draw_open_menu();
  void draw_controls();
  void draw_topology();
  void draw_packets();
  void draw_table();
  void draw_rules();
  void draw_challenge();

  // Widget state of the rule editor.
  char protocol_[8] = "tcp";
  char address_[40] = "";
  int external_port_ = 0;
  int internal_port_ = 0;
  std::string rule_problem_;
  int hints_shown_ = 0;
  // What was open last frame, to reset the widget state when it changes.
  std::string shown_title_;
  // Node centres of the drawing, reused every frame.
  std::vector<ImVec2> centres_;
  std::vector<ImVec2> path_points_;
};

}  // namespace portlab::ui
