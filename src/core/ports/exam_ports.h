// The exam reference of common service ports (networking-facts.md section 6)
// as data, so quizzes grade transport questions on what each protocol really
// uses (R6.1), not on what IANA registered: IANA usually registers a name on
// both TCP and UDP even where the protocol only ever uses one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/net/transport_set.h"

namespace portlab::ports {

struct ExamPort {
  uint16_t port;
  // The section 6 name column: what /etc/services calls it (R6.1 uses it
  // only for "what is it called" questions).
  const char* name;
  // The name in the IANA registry asset on the `used` transports. Differs
  // from `name` only where the reference's name is not IANA's (5061, 5351).
  const char* registry_name;
  // R6.1: the graded answer to "which transport does it use".
  net::TransportSet used;
  // Also seen in real use but never required (LDAP's CLDAP over UDP, RDP's
  // UDP since RDP 8); empty for most rows.
  net::TransportSet also_used;
  const char* note;  // one sentence for learners
  // [?] in the reference: shown, never graded.
  bool approximate;
};

// One row per port, ascending.
const std::vector<ExamPort>& exam_ports();
// nullptr when the port is not in the exam table.
const ExamPort* find_exam_port(uint16_t port);

// A service as CompTIA N10-009 objective 1.4 names it, with the ports it
// lists for it: "which port does SMTPS use" is asked in these words, not by
// IANA keyword.
struct ExamService {
  const char* name;  // "SMTPS", "SQL Server"
  // The objective item (core/quiz/exam_objectives.h) it belongs to.
  const char* item;
  std::vector<uint16_t> ports;  // every right answer, e.g. 20 and 21 for FTP
};

// The 20 services of objective 1.4, by port.
const std::vector<ExamService>& exam_services();
// The exam's name for the service on this port ("RDP" for 3389, "SMTPS" for
// 587), or nullptr when the exam lists nothing there.
const char* exam_name(uint16_t port);

// "ms-wbt-server (RDP)", "submission (SMTPS)": an IANA name with the exam's
// name beside it, when `iana_name` is the service the exam means at `port`
// and the two differ beyond case; otherwise the IANA name alone.
std::string with_exam_name(std::string_view iana_name, uint16_t port);

// R6.1/R6.2: whether `answer` is a right answer to "which transport(s) does
// the service on this port use": exactly `used`, or `used` plus `also_used`.
// So DNS 53 needs TCP and UDP, and DHCP, TFTP, NTP, SNMP and syslog accept
// UDP only. Callers must not grade approximate rows.
bool transport_answer_correct(const ExamPort& row, net::TransportSet answer);

}  // namespace portlab::ports
