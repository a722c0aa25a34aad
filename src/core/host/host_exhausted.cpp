// What each system answers when an automatic port choice finds nothing
// (section 3.5 "Exhaustion"; experiment 4).
#include "core/host/describe.h"
#include "core/host/host.h"

namespace portlab::host {

using ports::OsId;

void Host::exhausted(Decision& d, const Socket& s, PortOrigin origin, const net::Endpoint* dst,
                     int usable, bool saw_time_wait) const {
  const ports::PortRange range = settings_.ephemeral(s.transport);
  const bool windows = profile().id == OsId::WindowsModern || profile().id == OsId::WindowsXp;
  const char* call = origin == PortOrigin::Connect     ? "connect()"
                     : origin == PortOrigin::BindZero ? "bind(0)"
                                                       : "sendto()";
  std::string held;
  if (origin == PortOrigin::Connect && dst)
    held = (is_linux() || profile().id == OsId::Freebsd)
               ? "is held by bind()/listen() or already connects to " + net::to_string(*dst)
               : "is in use";
  else
    held = std::string("is held by another ") + net::to_string(s.transport) + " socket";
  if (saw_time_wait) held += " (some by TIME_WAIT entries)";

  d.ok = false;
  d.port = 0;
  if (is_linux()) {
    if (origin == PortOrigin::Connect) {
      d.error = "EADDRNOTAVAIL";
      d.rule = "R3.1";
    } else if (s.transport == net::Transport::Udp) {
      // inet_autobind turns a failed UDP autobind into EAGAIN.
      d.error = origin == PortOrigin::BindZero ? "EADDRINUSE" : "EAGAIN";
      d.rule = "R3.3";
    } else {
      d.error = "EADDRINUSE";
      d.rule = "R3.2";
    }
  } else if (windows) {
    // WSAENOBUFS (10055) / WSAEADDRINUSE (10048): the reference marks both [?].
    d.error = origin == PortOrigin::BindZero ? "EADDRINUSE" : "ENOBUFS";
    d.rule = "R3.5";
    d.approximate = true;
  } else {
    // BSD in_pcb_lport: EADDRNOTAVAIL for every caller; not in the reference.
    d.error = "EADDRNOTAVAIL";
    d.rule = "R3.4";
    d.approximate = true;
  }
  std::string shown = d.error;
  if (windows)
    shown = origin == PortOrigin::BindZero ? "WSAEADDRINUSE (10048)" : "WSAENOBUFS (10055)";
  d.explanation = "Every one of the " + std::to_string(usable) + " usable ports of " +
                  describe(range) + " " + held + ", so " + call + " fails with " + shown + ".";
}

}  // namespace portlab::host
