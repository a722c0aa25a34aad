// The Bind Lab's model: a simulated host the learner configures (OS, user,
// capability, sysctls, sockets already there) and a bind() form; every
// attempt is decided by host::Host and kept in a history.
//
// The host is rebuilt from its configuration whenever that changes, so
// removing an existing socket or switching OS leaves no trace of the old one.
#pragma once

#include <string>
#include <vector>

#include "core/course/lesson.h"
#include "core/host/host.h"
#include "core/labs/host_setup.h"

namespace portlab::labs {

// What the bind form asks for.
struct BindRequest {
  uint16_t port = 80;
  net::Ipv4 addr;  // 0.0.0.0: the wildcard
  net::Transport transport = net::Transport::Tcp;
  bool reuseaddr = false;
  bool reuseport = false;
  // Keep the socket bound afterwards (it joins the existing sockets, held
  // by the learner's program kLearnerProgram), so the next attempt meets
  // it; otherwise it is closed right away.
  bool keep_open = false;
};

struct BindAttempt {
  BindRequest request;
  const ports::OsProfile* os = nullptr;
  uint32_t uid = 0;
  bool cap_net_bind_service = false;
  host::Decision decision;
};

class BindLab {
 public:
  BindLab();

  // Sets the lab up as a lesson's ```sim block says; "" or what was wrong.
  std::string apply_preset(const course::Directive& preset);
  // Sets the lab up as a link's argument names (#/<lab>/<arg>); "" or a
  // problem for the learner, in which case nothing changed. The argument
  // is an OS key: #/bind/macos.
  std::string open_link(const std::string& arg);

  const host::Host& host() const { return host_; }
  // Which program holds each socket of the host (its sockets panel).
  const host::Processes& processes() const { return processes_; }
  const ports::OsProfile& os() const { return host_.profile(); }

  // Switching OS drops the sysctls (each system has its own) and keeps the
  // existing sockets that can still exist; "" or which ones were dropped.
  std::string set_os(const std::string& key);
  void set_uid(uint32_t uid) { uid_ = uid; }
  uint32_t uid() const { return uid_; }
  // CAP_NET_BIND_SERVICE; only Linux has it ("" or why not).
  std::string set_capability(bool on);
  bool capability() const { return cap_; }

  // Writes a setting by its real name; "" or the system's refusal.
  std::string set_sysctl(const std::string& name, const std::string& value);
  // The NAME=VALUE writes since the OS was chosen, in order (a setup link
  // replays them).
  const std::vector<std::string>& sysctls() const { return sysctls_; }

  // ADDR:PORT/PROTO[:flags] as in lessons; "" or why it cannot exist.
  std::string add_existing(const std::string& text);
  void remove_existing(size_t index);
  const std::vector<ExistingSocket>& existing() const { return existing_; }

  BindRequest& request() { return request_; }
  const BindRequest& request() const { return request_; }
  // bind() as the form says, by the chosen user; recorded in the history.
  const BindAttempt& try_bind();
  const std::vector<BindAttempt>& history() const { return history_; }
  void clear_history() { history_.clear(); }

 private:
  // Rebuilds the host from os/sysctls/existing; "" or the first problem.
  std::string rebuild(const ports::OsProfile& profile);

  host::Host host_;
  host::Processes processes_;
  uint32_t uid_ = 1000;
  bool cap_ = false;
  std::vector<std::string> sysctls_;  // NAME=VALUE writes, in order
  std::vector<ExistingSocket> existing_;
  BindRequest request_;
  std::vector<BindAttempt> history_;
};

}  // namespace portlab::labs
