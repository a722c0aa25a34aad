// What a bind(), listen() or connect() on the simulated host answered, and
// why: the errno, the reference rule that decided it, a sentence a learner
// can read, and (on request) the ports an allocator looked at.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/host/socket.h"

namespace portlab::host {

// Why an allocator passed over a port, or took it.
enum class Probe : uint8_t {
  Taken,           // the port was chosen
  Reserved,        // in ip_local_reserved_ports (R2.2)
  Privileged,      // Solaris never hands out a privileged port
  PinnedByBind,    // a bind()/listen() socket holds it: connect() never shares (R3.1)
  TupleInUse,      // a connection already has this 4-tuple
  TimeWait,        // a TIME_WAIT entry holds this 4-tuple (R3.6)
  TimeWaitReused,  // ... and tcp_tw_reuse let connect() take it over
  InUse,           // another socket holds the port and sharing is not allowed
};

struct ProbeStep {
  uint16_t port;
  Probe probe;
};

struct Decision {
  bool ok = false;
  const char* error = "";  // errno name ("EACCES"); empty when ok
  const char* rule = "";   // networking-facts.md rule id ("R4.1")
  // The reference marks the behaviour [?] (or does not cover it): the UI says
  // so and quizzes never grade it.
  bool approximate = false;
  uint16_t port = 0;  // the local port the socket has afterwards (0 if none)
  int probes = 0;     // ports an allocator examined (always counted, it is free)
  // One sentence naming the concrete values. Always set for bind() and for
  // failures; for a successful automatic choice only when the host traces.
  std::string explanation;
  std::vector<ProbeStep> trace;  // only when the host traces (Host::set_trace)
};

const char* to_string(Probe p);

}  // namespace portlab::host
