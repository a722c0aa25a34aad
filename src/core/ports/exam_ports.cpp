#include "core/ports/exam_ports.h"

#include <algorithm>

namespace portlab::ports {
namespace {
using net::Transport;
constexpr net::TransportSet kTcp{Transport::Tcp};
constexpr net::TransportSet kUdp{Transport::Udp};
constexpr net::TransportSet kBoth{Transport::Tcp, Transport::Udp};
constexpr net::TransportSet kNone{};
}  // namespace

const std::vector<ExamPort>& exam_ports() {
  // Source: networking-facts.md section 6 ("Used" column and notes).
  static const std::vector<ExamPort> table = {
      {20, "ftp-data", "ftp-data", kTcp, kNone,
       "FTP sends data from port 20 only in active mode; in passive mode the server picks a high "
       "port.",
       false},
      {21, "ftp", "ftp", kTcp, kNone, "FTP's control connection goes to TCP port 21.", false},
      {22, "ssh", "ssh", kTcp, kNone,
       "SFTP and SCP run over SSH on TCP 22; IANA's port 115 sftp is the unrelated Simple File "
       "Transfer Protocol.",
       false},
      {23, "telnet", "telnet", kTcp, kNone, "Telnet is unencrypted remote login over TCP 23.",
       false},
      {25, "smtp", "smtp", kTcp, kNone,
       "Port 25 is for relaying between mail servers; clients submit mail on 587 (submission, "
       "which CompTIA calls SMTPS) or 465 (submissions, implicit TLS, RFC 8314).",
       false},
      {53, "domain", "domain", kBoth, kNone,
       "DNS uses UDP 53 and also needs TCP 53 for large answers and zone transfers; DNS over TLS "
       "(RFC 7858) and zone transfers over TLS (RFC 9103) use 853.",
       false},
      {67, "bootps", "bootps", kUdp, kNone,
       "DHCP servers listen on UDP 67 (DHCPv6 servers on 547).", false},
      {68, "bootpc", "bootpc", kUdp, kNone,
       "DHCP clients receive on UDP 68 (DHCPv6 clients on 546).", false},
      {69, "tftp", "tftp", kUdp, kNone, "TFTP runs over UDP 69 only.", false},
      {80, "http", "http", kTcp, kNone,
       "HTTP uses TCP 80; IANA's http-alt is 591, 8008 and 8080, and 8443 is IANA's "
       "pcsync-https, HTTPS-alt only by convention.",
       false},
      {88, "kerberos", "kerberos", kBoth, kNone, "Kerberos uses both UDP and TCP 88.", false},
      {110, "pop3", "pop3", kTcp, kNone, "POP3 uses TCP 110; POP3 over TLS is 995.", false},
      {123, "ntp", "ntp", kUdp, kNone, "NTP runs over UDP 123.", false},
      {137, "netbios-ns", "netbios-ns", kUdp, kNone, "The NetBIOS name service uses UDP 137.",
       false},
      {138, "netbios-dgm", "netbios-dgm", kUdp, kNone,
       "The NetBIOS datagram service uses UDP 138.", false},
      {139, "netbios-ssn", "netbios-ssn", kTcp, kNone,
       "The NetBIOS session service (SMB over NetBIOS) uses TCP 139.", false},
      {143, "imap", "imap", kTcp, kNone, "IMAP uses TCP 143; IMAP over TLS is 993.", false},
      {161, "snmp", "snmp", kUdp, kNone, "SNMP managers query agents on UDP 161.", false},
      {162, "snmptrap", "snmptrap", kUdp, kNone, "SNMP agents send traps to managers on UDP 162.",
       false},
      {179, "bgp", "bgp", kTcp, kNone, "BGP peers talk over TCP 179.", false},
      {389, "ldap", "ldap", kTcp, kUdp,
       "LDAP uses TCP 389 (CLDAP uses UDP 389); StartTLS stays on 389 and LDAPS is 636.", false},
      // HTTPS is HTTP over TLS over TCP (RFC 9110): TCP is the exam's answer.
      // HTTP/3 runs over QUIC on UDP 443 (RFC 9114), so TCP and UDP is right too.
      {443, "https", "https", kTcp, kUdp,
       "HTTPS uses TCP 443 (the exam's answer); HTTP/3 over QUIC also uses UDP 443 (RFC 9114).",
       false},
      {445, "microsoft-ds", "microsoft-ds", kTcp, kNone,
       "SMB runs directly over TCP 445; 137-139 are the older NetBIOS ports.", false},
      {465, "submissions", "submissions", kTcp, kNone,
       "Mail submission over implicit TLS (RFC 8314); IANA lists 465/tcp as both urd and "
       "submissions. The standards call this SMTPS; CompTIA's exam keys SMTPS as 587.",
       false},
      // Syslog over TCP 514 is common but non-standard (RFC 6587, historic);
      // what the exam and RFC 5426 mean by syslog 514 is UDP.
      {514, "syslog", "syslog", kUdp, kNone,
       "Syslog uses UDP 514 (RFC 5426). IANA's 514/tcp is shell (rsh); many collectors also take "
       "plain syslog over TCP 514, which is common but non-standard (RFC 6587): the registered "
       "TCP port is 601, and syslog over TLS is 6514/tcp.",
       false},
      // CompTIA N10-009 objective 1.4 lists "SMTPS 587"; IANA calls 587
      // submission (RFC 6409), normally upgraded with STARTTLS.
      {587, "submission", "submission", kTcp, kNone,
       "Mail clients submit mail on TCP 587 (RFC 6409), normally with STARTTLS; CompTIA N10-009 "
       "lists 587 as SMTPS, while the standards' implicit-TLS port is 465 (RFC 8314).",
       false},
      {636, "ldaps", "ldaps", kTcp, kNone, "LDAP over TLS uses TCP 636.", false},
      {993, "imaps", "imaps", kTcp, kNone, "IMAP over TLS uses TCP 993.", false},
      {995, "pop3s", "pop3s", kTcp, kNone, "POP3 over TLS uses TCP 995.", false},
      {1433, "ms-sql-s", "ms-sql-s", kTcp, kNone, "Microsoft SQL Server listens on TCP 1433.",
       false},
      {1434, "ms-sql-m", "ms-sql-m", kUdp, kNone, "UDP 1434 is the SQL Server Browser service.",
       false},
      {1812, "radius", "radius", kUdp, kNone,
       "RADIUS authentication uses UDP 1812 (the old port 1645 is still seen).", false},
      {1813, "radius-acct", "radius-acct", kUdp, kNone,
       "RADIUS accounting uses UDP 1813 (the old port 1646 is still seen).", false},
      {1900, "ssdp", "ssdp", kUdp, kNone, "UPnP discovery (SSDP) uses UDP 1900.", false},
      {3306, "mysql", "mysql", kTcp, kNone, "MySQL listens on TCP 3306.", false},
      {3389, "ms-wbt-server", "ms-wbt-server", kTcp, kUdp,
       "Remote Desktop uses TCP 3389 and also UDP 3389 since RDP 8; \"RDP\" is not the IANA name.",
       false},
      {5060, "sip", "sip", kBoth, kNone, "SIP uses UDP and TCP 5060.", false},
      // IANA's name for 5061 is sips ("SIP-TLS" is its description); sip-tls
      // is only an alias in Debian's /etc/services.
      {5061, "sips", "sips", kTcp, kNone, "SIP over TLS uses TCP 5061 (IANA name sips).", false},
      // IANA names 5351 pcp and 5350 pcp-multicast; PCP took over NAT-PMP's
      // ports (RFC 6887 section 19.1).
      {5351, "pcp", "pcp", kUdp, kNone,
       "NAT-PMP and PCP servers listen on UDP 5351 (RFC 6886, RFC 6887); announcements go to "
       "5350 (pcp-multicast).",
       false},
      {5353, "mdns", "mdns", kUdp, kNone, "Multicast DNS uses UDP 5353.", false},
      {5432, "postgresql", "postgresql", kTcp, kNone, "PostgreSQL listens on TCP 5432.", false},
      {6379, "redis", "redis", kTcp, kNone, "Redis listens on TCP 6379.", false},
  };
  return table;
}

const std::vector<ExamService>& exam_services() {
  // CompTIA Network+ N10-009 exam objectives, objective 1.4 (networking-
  // facts.md section 6). SFTP and SSH share 22; SMTPS is the exam's name
  // for 587 (the standards' implicit-TLS port is 465, RFC 8314).
  static const std::vector<ExamService> services = {
      {"FTP", "ftp", {20, 21}},        {"SSH", "ssh", {22}},
      {"SFTP", "sftp", {22}},          {"Telnet", "telnet", {23}},
      {"SMTP", "smtp", {25}},          {"DNS", "dns", {53}},
      {"DHCP", "dhcp", {67, 68}},      {"TFTP", "tftp", {69}},
      {"HTTP", "http", {80}},          {"NTP", "ntp", {123}},
      {"SNMP", "snmp", {161, 162}},    {"LDAP", "ldap", {389}},
      {"HTTPS", "https", {443}},       {"SMB", "smb", {445}},
      {"Syslog", "syslog", {514}},     {"SMTPS", "smtps", {587}},
      {"LDAPS", "ldaps", {636}},       {"SQL Server", "sql-server", {1433}},
      {"RDP", "rdp", {3389}},          {"SIP", "sip", {5060, 5061}},
  };
  return services;
}

const char* exam_name(uint16_t port) {
  // SSH comes before SFTP in the table: port 22 is SSH's, and SFTP runs
  // inside an SSH connection.
  for (const ExamService& s : exam_services())
    if (std::find(s.ports.begin(), s.ports.end(), port) != s.ports.end()) return s.name;
  return nullptr;
}

std::string with_exam_name(std::string_view iana_name, uint16_t port) {
  std::string out(iana_name);
  const ExamPort* row = find_exam_port(port);
  const char* exam = exam_name(port);
  if (!row || !exam || iana_name != row->registry_name) return out;
  std::string lower(exam);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == iana_name) return out;
  return out + " (" + exam + ")";
}

const ExamPort* find_exam_port(uint16_t port) {
  for (const ExamPort& row : exam_ports())
    if (row.port == port) return &row;
  return nullptr;
}

bool transport_answer_correct(const ExamPort& row, net::TransportSet answer) {
  if (answer == row.used) return true;
  return !row.also_used.empty() && answer == (row.used | row.also_used);
}

}  // namespace portlab::ports
