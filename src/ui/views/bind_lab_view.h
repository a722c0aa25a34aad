// The Bind Lab screen: set up a simulated host (OS, user, capability,
// sysctls, sockets already there), fill in a bind() and see what the model
// answers, with the errno, the rule and why; natively, the same bind() on
// this machine's loopback beside it. Route: #/bind or #/bind/<os key>.
#pragma once

#include <string>
#include <vector>

#include "ui/real_bind.h"
#include "ui/views/host_lab_view.h"
#include "ui/widgets/challenge_list.h"
#include "ui/widgets/setup_link_button.h"

namespace portlab::ui {

class BindLabView : public HostLabView {
 public:
  // The screen: its title and introduction, then the lab.
  void draw();
  // The lab alone (setup, bind() form, result, Port Map, sockets, attempts),
  // laid out for the width available: the screen and a lesson step (see
  // lab_views.h) draw the same lab through this.
  void draw_lab();
  // The result lines of the last frame ("Refused: EACCES"; the real bind()
  // on this machine), "" when not shown: what a learner reads, for tests.
  const std::string& result_line() const { return result_line_; }
  const std::string& real_line() const { return real_line_; }

 private:
  void draw_setup();
  void draw_sysctls();
  void draw_existing();
  void draw_form();
  void draw_result();
  void draw_history();

  // Widget state only: text being typed and the last messages.
  struct SettingField {
    std::string name;
    char value[64] = {};
  };
  std::vector<SettingField> settings_;
  const void* settings_for_ = nullptr;  // the OS profile the fields were made for
  std::string settings_message_;
  char existing_text_[96] = "0.0.0.0:8080/tcp:listen";
  std::string existing_message_;
  std::string os_message_;
  int uid_field_ = 1000;
  bool uid_editing_ = false;
  char addr_text_[32] = "0.0.0.0";
  std::string form_message_;
  bool has_real_ = false;
  RealBindResult real_;
  std::string real_request_;
  size_t real_attempt_ = 0;  // history size right after the real bind()
  std::string result_line_;
  std::string real_line_;
  // The screen's own widgets around the lab.
  ChallengeList challenges_;
  SetupLinkButton share_;
};

}  // namespace portlab::ui
