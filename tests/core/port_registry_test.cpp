#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/ports/exam_ports.h"
#include "core/ports/os_profile.h"
#include "core/ports/port_ranges.h"
#include "core/ports/registry.h"
#include "core/ports/registry_data.h"

using namespace portlab;
using namespace portlab::ports;
using net::Transport;
using net::TransportSet;

namespace {

const PortRegistry& registry() {
  const RegistryParse& parsed = embedded_port_registry();
  REQUIRE_MESSAGE(parsed.ok(), (parsed.errors.empty() ? "" : parsed.errors.front().message));
  return *parsed.registry;
}

std::string name_at(uint16_t port, Transport t) {
  const ServiceEntry* e = registry().find(port, t);
  return e ? std::string(e->name) : std::string("(none)");
}

// A small registry in the asset's format, for the parser's own tests.
const char* const kHeader = "# test\n@\tformat\tportlab-port-registry\t1\n";

RegistryParse parse_with_header(const std::string& records) {
  return parse_port_registry(kHeader + records);
}

}  // namespace

TEST_CASE("R1.2 classify: 0-1023 System, 1024-49151 User, 49152-65535 Dynamic, with older names") {
  CHECK(classify(0) == PortClass::System);
  CHECK(classify(1023) == PortClass::System);
  CHECK(classify(1024) == PortClass::User);
  CHECK(classify(49151) == PortClass::User);
  CHECK(classify(49152) == PortClass::Dynamic);
  CHECK(classify(65535) == PortClass::Dynamic);

  const IanaRange& system = iana_range(PortClass::System);
  CHECK(std::string(system.key) == "system");
  CHECK(std::string(system.name) == "System Ports");
  CHECK(std::string(system.older_names.at(0)) == "Well Known Ports");
  const IanaRange& user = iana_range(PortClass::User);
  CHECK(std::string(user.key) == "user");
  CHECK(std::string(user.name) == "User Ports");
  CHECK(std::string(user.older_names.at(0)) == "Registered Ports");
  const IanaRange& dynamic = iana_range(PortClass::Dynamic);
  CHECK(std::string(dynamic.key) == "dynamic");
  CHECK(std::string(dynamic.name) == "Dynamic Ports");
  CHECK(std::set<std::string>(dynamic.older_names.begin(), dynamic.older_names.end()) ==
        std::set<std::string>{"Private Ports", "Ephemeral Ports"});

  CHECK(find_iana_range("user") == &user);
  CHECK(find_iana_range("registered") == nullptr);
  // The table and classify() agree on every port, and the ranges tile 0-65535.
  for (int p = 0; p <= 65535; ++p) {
    const IanaRange& r = iana_range(classify(static_cast<uint16_t>(p)));
    if (!r.ports.contains(p)) FAIL("port " << p << " classified into " << r.key);
  }
  CHECK(iana_ranges().front().ports.lo == 0);
  CHECK(iana_ranges().back().ports.hi == 65535);
  for (size_t i = 1; i < iana_ranges().size(); ++i)
    CHECK(iana_ranges()[i].ports.lo == iana_ranges()[i - 1].ports.hi + 1);
}

TEST_CASE("R1.1 registry records outside 0-65535 are rejected with their line number") {
  for (const char* bad : {"s\t65536\ttcp\tbig\tToo big\n", "s\t-1\ttcp\tneg\tNegative\n",
                          "s\t1e3\ttcp\texp\tExponent\n", "s\t\ttcp\tnone\tEmpty\n",
                          "s\t6000-70000\ttcp\tblock\tBlock past the end\n"}) {
    RegistryParse r = parse_with_header(std::string("s\t80\ttcp\thttp\tWeb\n") + bad);
    CHECK_FALSE(r.ok());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 4);
  }
  // An 'o' record whose step runs past 65535.
  RegistryParse past = parse_with_header(
      "s\t80\ttcp\thttp\tWeb\no\t+65535\t1\t0\t0\t0\no\t+1\t1\t0\t0\t0\n");
  REQUIRE(past.errors.size() == 1);
  CHECK(past.errors[0].line == 5);
  // The last valid port is a valid index.
  CHECK(registry().at(65535).size() < 10);
  CHECK(registry().seen_open(65535, Transport::Udp) >= 0.0);
}

TEST_CASE("R1.3 the IANA range is a label only: ephemeral ranges and privilege cut across it") {
  const OsProfile& linux_profile = os_profile(OsId::Linux);
  // Linux hands out User ports (32768-49151) and not every Dynamic port (61000+).
  CHECK(classify(linux_profile.ephemeral.lo) == PortClass::User);
  CHECK(linux_profile.ephemeral.contains(40000));
  CHECK_FALSE(linux_profile.ephemeral.contains(61000));
  CHECK(classify(61000) == PortClass::Dynamic);
  // Windows XP's whole ephemeral range is User ports; FreeBSD starts at 10000.
  const OsProfile& xp = os_profile(OsId::WindowsXp);
  CHECK(classify(xp.ephemeral.lo) == PortClass::User);
  CHECK(classify(xp.ephemeral.hi) == PortClass::User);
  CHECK(classify(os_profile(OsId::Freebsd).ephemeral.lo) == PortClass::User);
  // System Ports are not privileged on Windows.
  CHECK(os_profile(OsId::WindowsModern).privilege == PrivilegeRule::None);
}

TEST_CASE("R1.4 a service lookup is keyed by (port, transport): 514/tcp shell, 514/udp syslog") {
  CHECK(name_at(514, Transport::Tcp) == "shell");
  CHECK(name_at(514, Transport::Udp) == "syslog");
  CHECK(name_at(514, Transport::Sctp) == "(none)");
  EntryList both = registry().at(514);
  std::set<std::string> names;
  for (const ServiceEntry* e : both) names.insert(std::string(e->name));
  CHECK(names == std::set<std::string>{"shell", "syslog"});
  // 5351 is registered on UDP only; 6379 redis on TCP only.
  CHECK(name_at(5351, Transport::Udp) == "pcp");
  CHECK(name_at(5351, Transport::Tcp) == "(none)");
  CHECK(name_at(6379, Transport::Tcp) == "redis");
  CHECK(name_at(6379, Transport::Udp) == "(none)");
}

TEST_CASE("registry: the embedded text is the committed asset, with its provenance") {
  std::ifstream file(std::string(PORTLAB_SOURCE_DIR) + "/assets/ports/registry.tsv",
                     std::ios::binary);
  REQUIRE(file.good());
  std::stringstream asset;
  asset << file.rdbuf();
  CHECK(embedded_registry_text() == asset.str());

  const RegistryProvenance& p = registry().provenance();
  CHECK(p.format_version == 1);
  CHECK(p.generator == "tools/gen_port_registry.mjs");
  const RegistrySource* services = p.find("services");
  REQUIRE(services != nullptr);
  CHECK(services->package == "libwireshark-data");
  CHECK(services->path == "/usr/share/wireshark/services");
  CHECK_FALSE(services->version.empty());
  const RegistrySource* nmap = p.find("open_frequency");
  REQUIRE(nmap != nullptr);
  CHECK(nmap->package == "nmap-common");
  CHECK_FALSE(nmap->version.empty());
  CHECK(registry().entries().size() > 5000);
}

TEST_CASE("registry: names are found exactly and by prefix, ignoring case") {
  const PortRegistry& r = registry();
  auto alt = r.find_name("http-alt");
  REQUIRE(alt.size() == 3);
  CHECK(alt[0]->first_port == 591);
  CHECK(alt[1]->first_port == 8008);
  CHECK(alt[2]->first_port == 8080);
  CHECK(r.find_name("HTTP-ALT").size() == 3);
  REQUIRE(r.find_name("3com-nsd").size() == 1);
  CHECK(r.find_name("3com-nsd")[0]->name == "3Com-nsd");
  CHECK(r.find_name("http-al").empty());
  CHECK(r.find_name("imap", Transport::Udp).empty());  // 143 is registered on TCP only
  CHECK(r.find_name("imap", Transport::Tcp).size() == 1);

  auto http = r.find_prefix("Http");
  REQUIRE(http.size() >= 5);
  CHECK(http[0]->name == "http");
  CHECK(http[0]->first_port == 80);
  for (const ServiceEntry* e : http) CHECK(std::string(e->name).compare(0, 4, "http") == 0);
  // Most often seen open first, then by port.
  for (size_t i = 1; i < http.size(); ++i) {
    CHECK(http[i - 1]->open_ppm >= http[i]->open_ppm);
    if (http[i - 1]->open_ppm == http[i]->open_ppm)
      CHECK(http[i - 1]->first_port <= http[i]->first_port);
  }
  // With a transport, entries without it drop out and its figure orders them.
  for (const ServiceEntry* e : r.find_prefix("sip", Transport::Sctp))
    CHECK(e->transports.has(Transport::Sctp));
  CHECK(r.find_prefix("").empty());
  CHECK(r.find_prefix("no-such-service-name").empty());
}

TEST_CASE("registry: a block of ports (x11 6000-6063) answers for every port in it") {
  const PortRegistry& r = registry();
  for (uint16_t p : {6000, 6010, 6063}) CHECK(name_at(p, Transport::Tcp) == "x11");
  CHECK(name_at(6064, Transport::Tcp) != "x11");
  auto x11 = r.find_name("x11");
  REQUIRE(x11.size() == 1);
  CHECK(x11[0]->is_block());
  CHECK(x11[0]->last_port == 6063);
}

TEST_CASE("registry: nmap's open frequency is per (port, transport)") {
  const PortRegistry& r = registry();
  CHECK(r.seen_open(80, Transport::Tcp) > r.seen_open(80, Transport::Udp));
  CHECK(r.seen_open(514, Transport::Udp) > r.seen_open(514, Transport::Tcp));
  CHECK(r.seen_open(53, Transport::Udp) > r.seen_open(53, Transport::Tcp));
  CHECK(r.seen_open(80, Transport::Tcp) <= 1.0);
  CHECK(r.seen_open_ppm(80, Transport::Tcp) == static_cast<uint32_t>(
                                                   r.seen_open(80, Transport::Tcp) * 1e6 + 0.5));

  RegistryParse small = parse_with_header(
      "s\t7\ttcp/udp\techo\tEcho\no\t+7\t250000\t1\t0\t0\no\t+2\t0\t0\t0\t1000000\n");
  REQUIRE(small.ok());
  CHECK(small.registry->seen_open(7, Transport::Tcp) == 0.25);
  CHECK(small.registry->seen_open_ppm(7, Transport::Udp) == 1);
  CHECK(small.registry->seen_open(9, Transport::Dccp) == 1.0);
  CHECK(small.registry->seen_open(8, Transport::Tcp) == 0.0);
  CHECK(small.registry->find_name("echo")[0]->open_ppm == 250000);
}

TEST_CASE("registry: malformed text is reported line by line, never half-loaded") {
  RegistryParse r = parse_with_header(
      "s\t80\ttcp\thttp\tWeb\n"
      "s\t81\ttcp/icmp\tbad\tUnknown transport\n"
      "s\t82\ttcp\tmissing-description\n"
      "x\twhat\n"
      "o\t80\t1\t0\t0\t0\n"
      "o\t+90\t2000000\t0\t0\t0\n"
      "s\t83\ttcp/tcp\ttwice\tRepeated transport\n");
  CHECK_FALSE(r.ok());
  std::vector<int> lines;
  for (const RegistryError& e : r.errors) lines.push_back(e.line);
  CHECK(lines == std::vector<int>{4, 5, 6, 7, 8, 9});
  CHECK(r.errors[0].message.find("icmp") != std::string::npos);

  CHECK(parse_port_registry("s\t80\ttcp\thttp\tWeb\n").errors.at(0).line == 1);  // no format line
  CHECK_FALSE(parse_port_registry("@\tformat\tportlab-port-registry\t2\n").ok());
  CHECK_FALSE(parse_with_header("").ok());  // no services at all

  std::string many;
  for (int i = 0; i < 50; ++i) many += "bad line\n";
  CHECK(parse_with_header(many).errors.size() == kMaxRegistryErrors);

  // Line ends turned into CRLF by a checkout still parse.
  RegistryParse crlf = parse_port_registry(
      "@\tformat\tportlab-port-registry\t1\r\ns\t80\ttcp\thttp\tWeb\r\n");
  REQUIRE(crlf.ok());
  CHECK(crlf.registry->find(80, Transport::Tcp)->description == "Web");
}

TEST_CASE("R6.1 the registry agrees with the section 6 names on every transport really used") {
  const PortRegistry& r = registry();
  for (const ExamPort& row : exam_ports()) {
    CAPTURE(row.port);
    for (Transport t : TransportSet::kAll) {
      if (!row.used.has(t) && !row.also_used.has(t)) continue;
      CHECK(name_at(row.port, t) == row.registry_name);
    }
    // The reference's name is IANA's except where the table says otherwise.
    if (row.port != 5061 && row.port != 5351) CHECK(std::string(row.name) == row.registry_name);
  }
  // The notes of section 6, checked against the registry.
  CHECK(name_at(53, Transport::Tcp) == "domain");
  CHECK(name_at(53, Transport::Udp) == "domain");
  CHECK(name_at(3389, Transport::Tcp) == "ms-wbt-server");
  CHECK(name_at(8443, Transport::Tcp) == "pcsync-https");
  CHECK(name_at(8080, Transport::Tcp) == "http-alt");
  CHECK(name_at(587, Transport::Tcp) == "submission");
  CHECK(name_at(853, Transport::Tcp) == "domain-s");
  CHECK(name_at(6514, Transport::Tcp) == "syslog-tls");
  CHECK(name_at(22, Transport::Tcp) == "ssh");
  CHECK(name_at(115, Transport::Tcp) == "sftp");
  CHECK(r.find(115, Transport::Tcp)->description == "Simple File Transfer Protocol");
  CHECK(r.find(5061, Transport::Tcp)->description == "SIP-TLS");
  CHECK(classify(443) == PortClass::System);  // https is a System port, not a Registered one
  CHECK(classify(3389) == PortClass::User);
}

TEST_CASE("R6.1 grade transport questions on the Used column, not on what IANA registered") {
  std::set<int> seen;
  int previous = -1;
  for (const ExamPort& row : exam_ports()) {
    CHECK(row.port > previous);  // ascending, one row per port
    previous = row.port;
    CHECK_FALSE(row.used.empty());
    CHECK(std::string(row.note).size() > 10);
    CHECK(transport_answer_correct(row, row.used));
    CHECK(find_exam_port(row.port) == &row);
    if (row.approximate) seen.insert(row.port);
  }
  CHECK(seen.empty());  // 5351 is IANA's pcp: no row is left ungraded
  CHECK(find_exam_port(8080) == nullptr);
  // IANA registers 137-139 on TCP and UDP; NetBIOS uses UDP, UDP, TCP.
  CHECK(find_exam_port(137)->used == TransportSet{Transport::Udp});
  CHECK(find_exam_port(139)->used == TransportSet{Transport::Tcp});
  CHECK(registry().find(139, Transport::Udp) != nullptr);
  // LDAP: TCP, or TCP and UDP (CLDAP); UDP alone is wrong.
  const ExamPort& ldap = *find_exam_port(389);
  CHECK(transport_answer_correct(ldap, {Transport::Tcp}));
  CHECK(transport_answer_correct(ldap, {Transport::Tcp, Transport::Udp}));
  CHECK_FALSE(transport_answer_correct(ldap, {Transport::Udp}));
  // HTTPS: TCP is the exam's answer; TCP and UDP (HTTP/3 over QUIC) is right
  // too; UDP alone is wrong.
  const ExamPort& https = *find_exam_port(443);
  CHECK(https.used == TransportSet{Transport::Tcp});
  CHECK(transport_answer_correct(https, {Transport::Tcp}));
  CHECK(transport_answer_correct(https, {Transport::Tcp, Transport::Udp}));
  CHECK_FALSE(transport_answer_correct(https, {Transport::Udp}));
  // The exam's SMTPS is 587 (submission); 465 is the standards' submissions.
  CHECK(std::string(exam_name(587)) == "SMTPS");
  CHECK(with_exam_name("submission", 587) == "submission (SMTPS)");
  CHECK(with_exam_name("ms-wbt-server", 3389) == "ms-wbt-server (RDP)");
  CHECK(with_exam_name("http", 80) == "http");
  CHECK(with_exam_name("shell", 514) == "shell");  // the exam's syslog is 514/udp
  CHECK(std::string(exam_name(22)) == "SSH");
  CHECK(exam_name(8080) == nullptr);
}

TEST_CASE("R6.2 DNS 53 needs TCP and UDP; DHCP, TFTP, NTP, SNMP and syslog accept only UDP") {
  const TransportSet tcp{Transport::Tcp}, udp{Transport::Udp};
  const TransportSet both{Transport::Tcp, Transport::Udp};
  const ExamPort& dns = *find_exam_port(53);
  CHECK(transport_answer_correct(dns, both));
  CHECK_FALSE(transport_answer_correct(dns, udp));
  CHECK_FALSE(transport_answer_correct(dns, tcp));
  for (uint16_t port : {67, 68, 69, 123, 161, 162, 514}) {
    CAPTURE(port);
    const ExamPort* row = find_exam_port(port);
    REQUIRE(row != nullptr);
    CHECK_FALSE(row->approximate);
    CHECK(transport_answer_correct(*row, udp));
    CHECK_FALSE(transport_answer_correct(*row, both));
    CHECK_FALSE(transport_answer_correct(*row, tcp));
    // ...although IANA registered every one of them on TCP as well, except
    // 514, where TCP is a different service.
    const ServiceEntry* on_tcp = registry().find(port, Transport::Tcp);
    REQUIRE(on_tcp != nullptr);
    CHECK((port == 514) == (on_tcp->name != row->registry_name));
  }
}
