// The shared half of the bind() templates (Linux R4.1/R4.2, macOS R4.3,
// FreeBSD R4.5): set up a simulated host, ask it what bind() returns, and
// turn its answer into the options "bind() succeeds", EACCES, EADDRINUSE
// and EADDRNOTAVAIL, each with feedback the engine backs up.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/host/host.h"
#include "core/quiz/templates/template.h"

namespace portlab::quiz::gen {

// A socket another (root) process already has when the learner's bind() runs.
struct ExistingSocket {
  net::Transport transport = net::Transport::Tcp;
  net::Endpoint local;
  bool listening = false;
};

struct BindSetup {
  const ports::OsProfile* os = nullptr;
  std::vector<std::pair<std::string, std::string>> settings;  // sysctl name, value
  host::Credentials who;
  net::Transport transport = net::Transport::Tcp;
  net::Ipv4 addr;
  uint16_t port = 0;
  std::optional<ExistingSocket> existing;
};

// The host before the learner's call: settings written, the existing
// socket bound (and listening) by root.
host::Host prepare_bind_host(const BindSetup& setup, uint64_t seed);

// "bind() succeeds" / the errno: the canonical option keys.
inline constexpr const char* kBindOk = "ok";

// Writes the options, answer and explanation. `why_allowed` says why the
// caller passes the privilege check (used when EACCES is wrong); the
// explanation cites `rule` and the rule the engine's decision names.
void ask_bind(Generated& g, const BindSetup& setup, uint64_t seed, const std::string& why_allowed,
              const char* rule);

// "a listening TCP socket on 0.0.0.0:80" for prompts.
std::string describe_existing(const ExistingSocket& s);

}  // namespace portlab::quiz::gen
