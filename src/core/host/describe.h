// Wording shared by the host's explanations: one place decides how a
// socket, an endpoint or a range is written in a sentence for learners.
#pragma once

#include <string>

#include "core/host/socket.h"
#include "core/ports/os_profile.h"

namespace portlab::host {

class Host;

// "0.0.0.0:8080/tcp"
std::string describe(const net::Endpoint& local, net::Transport t);
// "a listening socket on 0.0.0.0:8080/tcp", "a TIME_WAIT entry for
// 192.168.1.10:8080 -> 198.51.100.1:5000", ...
std::string describe(const Socket& s);
// "40000-40003"
std::string describe(ports::PortRange r);
// "127.0.0.1, 192.168.1.10"
std::string address_list(const Host& host);

}  // namespace portlab::host
