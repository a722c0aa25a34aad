// Turning the words a learner or teacher writes about a simulated host
// (an OS key, "name=value" sysctls, a LO-HI range, existing sockets, a
// capability, an RFC 6056 algorithm) into a configured host::Host.
//
// The labs, lesson presets and `portlab-cli` all go through these, so a
// setting means the same everywhere. Each returns "" or one sentence saying
// what was wrong (the CLI puts "--<option>: " in front); on a problem the
// host is left as it was.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/host/host.h"
#include "core/host/processes.h"

namespace portlab::labs {

// The profile for a key ("windows_modern" is accepted for "windows");
// nullptr when unknown. os_error() is the message for an unknown key.
const ports::OsProfile* find_os(const std::string& key);
std::string os_error(const std::string& key);

// "NAME=VALUE" written to the host as the real system would take it; a
// refusal carries the system's own message (Linux EINVAL, R2.3).
std::string apply_sysctl(host::Host& host, const std::string& item);

// "LO-HI": the ephemeral range, written through the profile's settings.
std::string apply_range(host::Host& host, const std::string& text);

// A socket that is already there before the learner's own calls:
// ADDR:PORT/PROTO[:reuseaddr][:reuseport][:listen][:timewait][:uid=N][:proc=NAME].
struct ExistingSocket {
  net::Endpoint at;
  net::Transport transport = net::Transport::Tcp;
  host::SocketOptions options;
  bool listen = false;
  bool time_wait = false;  // a served connection the server closed first
  uint32_t uid = 0;
  std::string program;  // proc=NAME, as ss -p shows it; "": kServerProgram
  std::string text;  // as written, to list and to remove it by
};

// The program an existing socket belongs to when it names none, and the one
// the learner's own sockets in the labs come from (the Bind Lab's "keep it
// bound", the Ephemeral Lab's client).
inline constexpr const char* kServerProgram = "server";
inline constexpr const char* kLearnerProgram = "lab";

// Parses one existing socket; `default_uid` when it names no uid=N.
std::string parse_existing(const std::string& text, uint32_t default_uid, ExistingSocket& out);
// Creates it on the host; `peer` numbers the made-up clients of TIME_WAIT
// entries so two of them never share a 4-tuple. With `processes`, its program
// holds it there (a TIME_WAIT entry belongs to no process).
std::string add_existing(host::Host& host, const ExistingSocket& socket, int& peer,
                         host::Processes* processes = nullptr);

// "net_bind_service" on Linux; other values and other systems are refused.
std::string check_capability(const std::string& cap, const ports::OsProfile& profile);

// "rfc6056-1" ... "rfc6056-5".
std::string parse_algorithm(const std::string& text, std::optional<host::Rfc6056>& out);
std::string algorithm_key(host::Rfc6056 algorithm);

}  // namespace portlab::labs
