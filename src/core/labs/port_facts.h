// What the Port Explorer says about one port: its IANA range (R1.2), the
// service registered on each transport (R1.4) with nmap's open frequency,
// which OS profiles hand it out as an ephemeral port by default (section 2),
// and who may bind it on each OS (R4.x). Everything derived is computed here
// (the bind rights by asking a fresh simulated host of each profile), so the
// view only prints it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ports/exam_ports.h"
#include "core/ports/port_ranges.h"
#include "core/ports/registry.h"

namespace portlab::labs {

struct TransportFacts {
  net::Transport transport = net::Transport::Tcp;
  // Every service IANA registers at this port on this transport, usually one;
  // 465/tcp has two (urd and submissions). Empty: nothing registered.
  std::vector<const ports::ServiceEntry*> services;
  uint32_t seen_open_ppm = 0;                    // nmap: millionths of scanned hosts
  // Profiles whose default auto-assignment range on this transport holds the
  // port. Only TCP and UDP are modelled (R2.1, R2.4); empty for SCTP/DCCP.
  std::vector<const ports::OsProfile*> ephemeral_on;
  bool ephemeral_modelled = false;
};

enum class BindWho : uint8_t {
  Anyone,            // any user, any address (Windows; ports above the privileged limit)
  AnyoneOnWildcard,  // any user on 0.0.0.0, root for a specific address (macOS, R4.3)
  RootOrCapability,  // root or CAP_NET_BIND_SERVICE (Linux, R4.1)
  RootOnly,          // root (FreeBSD, Solaris)
  Nobody,            // port 0: bind() with port 0 asks the kernel to pick (R3.2)
};

struct BindRight {
  const ports::OsProfile* os = nullptr;
  BindWho who = BindWho::Anyone;
  std::string summary;      // "any user", "root or CAP_NET_BIND_SERVICE", ...
  const char* rule = "";    // the reference rule the host cited
  std::string explanation;  // the host's sentence for uid 1000 binding 127.0.0.1:<port>
  bool approximate = false;  // the host marked its answer [?]
};

struct PortFacts {
  uint16_t port = 0;
  const ports::IanaRange* range = nullptr;
  std::string range_sentence;  // "Port 443 is one of the System Ports (0-1023; older name: ...)."
  std::vector<TransportFacts> transports;  // tcp, udp, sctp, dccp
  std::vector<BindRight> bind;             // one per OS profile, in os_profiles() order
  const ports::ExamPort* exam = nullptr;   // the exam reference row, if any (R6.1)
};

PortFacts describe_port(const ports::PortRegistry& registry, uint16_t port);

// Which profiles hand `port` out by default on `t` (TCP or UDP): the
// profile's own settings before any change (R2.1, R2.4).
std::vector<const ports::OsProfile*> ephemeral_by_default(uint16_t port, net::Transport t);

// Who may bind `port` on a freshly booted host of `os`.
BindRight bind_right(const ports::OsProfile& os, uint16_t port);

// What an Explorer search box or link names: a port number, or a service
// name (exact names first, then names starting with it, most often seen
// open first).
struct PortQuery {
  std::optional<uint16_t> port;  // the port it names, when it names one
  std::vector<const ports::ServiceEntry*> matches;  // names matching, at most `limit`
  size_t exact = 0;                                 // how many of `matches` are exact
  std::string problem;  // for learners when it names nothing; "" otherwise
};

PortQuery resolve_port_query(const ports::PortRegistry& registry, std::string_view text,
                             size_t limit = 12);

}  // namespace portlab::labs
