#include "core/ports/exam_ports.h"

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
       "Port 25 is for relaying between mail servers; clients submit mail on 587 (submission) or "
       "465 (submissions, implicit TLS, RFC 8314).",
       false},
      {53, "domain", "domain", kBoth, kNone,
       "DNS uses UDP 53 and also needs TCP 53 for large answers and zone transfers; DNS over TLS "
       "is 853.",
       false},
      {67, "bootps", "bootps", kUdp, kNone,
       "DHCP servers listen on UDP 67 (DHCPv6 servers on 547).", false},
      {68, "bootpc", "bootpc", kUdp, kNone,
       "DHCP clients receive on UDP 68 (DHCPv6 clients on 546).", false},
      {69, "tftp", "tftp", kUdp, kNone, "TFTP runs over UDP 69 only.", false},
      {80, "http", "http", kTcp, kNone,
       "HTTP uses TCP 80; 8080 is http-alt and 8443 is IANA's pcsync-https, HTTPS-alt only by "
       "convention.",
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
      {443, "https", "https", kBoth, kNone,
       "HTTPS uses TCP 443, and HTTP/3 over QUIC uses UDP 443.", false},
      {445, "microsoft-ds", "microsoft-ds", kTcp, kNone,
       "SMB runs directly over TCP 445; 137-139 are the older NetBIOS ports.", false},
      {514, "syslog", "syslog", kUdp, kNone,
       "Syslog uses UDP 514, while 514/tcp is shell (rsh), not syslog; syslog over TLS is "
       "6514/tcp.",
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
      // IANA's name for 5061 is sips ("SIP-TLS" is its description); Debian's
      // /etc/services calls it sip-tls, as the reference does.
      {5061, "sip-tls", "sips", kTcp, kNone, "SIP over TLS uses TCP 5061.", false},
      // [?] in the reference: NAT-PMP and PCP share this port; IANA names it pcp.
      {5351, "nat-pmp / pcp", "pcp", kUdp, kNone,
       "NAT-PMP and PCP (RFC 6886/6887) servers listen on UDP 5351.", true},
      {5353, "mdns", "mdns", kUdp, kNone, "Multicast DNS uses UDP 5353.", false},
      {5432, "postgresql", "postgresql", kTcp, kNone, "PostgreSQL listens on TCP 5432.", false},
      {6379, "redis", "redis", kTcp, kNone, "Redis listens on TCP 6379.", false},
  };
  return table;
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
