#include "core/quiz/exam_objectives.h"

#include <algorithm>

namespace portlab::quiz {

const std::vector<Objective>& itemised_objectives() {
  // CompTIA Network+ N10-009 exam objectives (version 1.0), objective 1.4:
  // the ports and protocols it lists, then its IP types. The exam's own
  // names are kept (it calls 587 "SMTPS"; the standards' names are taught
  // beside it, networking-facts.md section 6).
  static const std::vector<Objective> objectives = {
      {"network-plus:1.4",
       "Explain common networking ports, protocols, services, and traffic types",
       {
           {"ftp", "FTP (20/21)"},
           {"sftp", "SFTP (22)"},
           {"ssh", "SSH (22)"},
           {"telnet", "Telnet (23)"},
           {"smtp", "SMTP (25)"},
           {"dns", "DNS (53)"},
           {"dhcp", "DHCP (67/68)"},
           {"tftp", "TFTP (69)"},
           {"http", "HTTP (80)"},
           {"ntp", "NTP (123)"},
           {"snmp", "SNMP (161/162)"},
           {"ldap", "LDAP (389)"},
           {"https", "HTTPS (443)"},
           {"smb", "SMB (445)"},
           {"syslog", "Syslog (514)"},
           {"smtps", "SMTPS (587)"},
           {"ldaps", "LDAPS (636)"},
           {"sql-server", "SQL Server (1433)"},
           {"rdp", "RDP (3389)"},
           {"sip", "SIP (5060/5061)"},
           {"icmp", "ICMP"},
           {"tcp", "TCP"},
           {"udp", "UDP"},
           {"gre", "GRE"},
           {"ipsec-ah", "IPsec AH"},
           {"ipsec-esp", "IPsec ESP"},
           {"ipsec-ike", "IPsec IKE"},
       }},
  };
  return objectives;
}

const Objective* objective_of_item(std::string_view item) {
  for (const Objective& objective : itemised_objectives())
    for (const ObjectiveItem& i : objective.items)
      if (item == i.key) return &objective;
  return nullptr;
}

std::vector<ItemCoverage> coverage(const Objective& objective,
                                   const std::vector<Question>& questions) {
  std::vector<ItemCoverage> out;
  for (const ObjectiveItem& item : objective.items) out.push_back({&item, 0, 0});
  for (const Question& q : questions) {
    if (std::find(q.exam_tags.begin(), q.exam_tags.end(), objective.tag) == q.exam_tags.end())
      continue;
    for (ItemCoverage& c : out) {
      if (std::find(q.covers.begin(), q.covers.end(), c.item->key) == q.covers.end()) continue;
      ++c.questions;
      if (q.reasoning) ++c.reasoning;
    }
  }
  return out;
}

}  // namespace portlab::quiz
