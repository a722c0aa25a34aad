// The Port Explorer's facts: ranges, services, ephemeral defaults and who
// may bind, each computed by core (labs/port_facts.h, ports/privilege.h).
#include <doctest/doctest.h>

#include <string>

#include "core/host/host.h"
#include "core/labs/port_facts.h"
#include "core/ports/privilege.h"
#include "core/ports/registry_data.h"

using namespace portlab;
using labs::BindWho;
using net::Transport;

namespace {

const ports::PortRegistry& reg() {
  const ports::RegistryParse& p = ports::embedded_port_registry();
  REQUIRE(p.ok());
  return *p.registry;
}

const ports::OsProfile& os(const char* key) {
  const ports::OsProfile* p = ports::find_os_profile(key);
  REQUIRE(p != nullptr);
  return *p;
}

std::string keys(const std::vector<const ports::OsProfile*>& list) {
  std::string out;
  for (const ports::OsProfile* p : list) out += (out.empty() ? "" : ",") + std::string(p->key);
  return out;
}

}  // namespace

TEST_CASE("R1.2 describe_port names the IANA range in a sentence") {
  labs::PortFacts f = labs::describe_port(reg(), 443);
  CHECK(f.range->id == ports::PortClass::System);
  CHECK(f.range_sentence.find("Port 443 is one of the System Ports (0-1023") == 0);
  CHECK(f.range_sentence.find("Well Known Ports") != std::string::npos);
  CHECK(labs::describe_port(reg(), 1024).range->id == ports::PortClass::User);
  CHECK(labs::describe_port(reg(), 49152).range->id == ports::PortClass::Dynamic);
}

TEST_CASE("R1.4 describe_port lists the service per transport: 514 is shell/tcp, syslog/udp") {
  labs::PortFacts f = labs::describe_port(reg(), 514);
  REQUIRE(f.transports.size() == 4);
  REQUIRE(f.transports[0].services.size() == 1);
  CHECK(f.transports[0].services[0]->name == "shell");
  REQUIRE(f.transports[1].services.size() == 1);
  CHECK(f.transports[1].services[0]->name == "syslog");
  CHECK(f.transports[2].transport == Transport::Sctp);
  CHECK(labs::describe_port(reg(), 22).transports[0].seen_open_ppm > 0);
  CHECK(labs::describe_port(reg(), 22).exam != nullptr);
}

TEST_CASE("R1.4 describe_port lists every name on a transport: 465/tcp is urd and submissions") {
  // IANA lists both at 465/tcp; Debian's copy lacks submissions, which the
  // registry overlay (tools/port_registry_overlay.tsv) adds, from RFC 8314.
  labs::PortFacts f = labs::describe_port(reg(), 465);
  std::vector<std::string> tcp;
  for (const ports::ServiceEntry* e : f.transports[0].services) tcp.emplace_back(e->name);
  CHECK(tcp == std::vector<std::string>{"submissions", "urd"});
  REQUIRE(f.transports[1].services.size() == 1);
  CHECK(f.transports[1].services[0]->name == "igmpv3lite");
  REQUIRE(f.exam != nullptr);
  CHECK(std::string(f.exam->name) == "submissions");
}

TEST_CASE("R2.1 ephemeral by default: each profile's own range, inclusive at both ends") {
  CHECK(keys(labs::ephemeral_by_default(32768, Transport::Tcp)) == "linux,freebsd,solaris");
  CHECK(keys(labs::ephemeral_by_default(60999, Transport::Udp)) ==
        "linux,windows,macos,freebsd,solaris");
  CHECK(keys(labs::ephemeral_by_default(61000, Transport::Tcp)) ==
        "windows,macos,freebsd,solaris");
  CHECK(keys(labs::ephemeral_by_default(1025, Transport::Tcp)) == "windows_xp");
  CHECK(keys(labs::ephemeral_by_default(443, Transport::Tcp)).empty());
  labs::PortFacts f = labs::describe_port(reg(), 50000);
  CHECK(f.transports[0].ephemeral_modelled);
  CHECK_FALSE(f.transports[2].ephemeral_modelled);
  CHECK(f.transports[2].ephemeral_on.empty());
}

TEST_CASE("R4.1-R4.5 who may bind port 80 on each freshly booted OS") {
  CHECK(labs::bind_right(os("linux"), 80).who == BindWho::RootOrCapability);
  CHECK(std::string(labs::bind_right(os("linux"), 80).rule) == "R4.1");
  CHECK(labs::bind_right(os("macos"), 80).who == BindWho::AnyoneOnWildcard);
  CHECK(labs::bind_right(os("freebsd"), 80).who == BindWho::RootOnly);
  CHECK(labs::bind_right(os("solaris"), 80).who == BindWho::RootOnly);
  CHECK(labs::bind_right(os("windows"), 80).who == BindWho::Anyone);
  CHECK(labs::bind_right(os("linux"), 1024).who == BindWho::Anyone);
  // Solaris' extra_priv_ports (2049 NFS, 4045 lockd) are privileged above 1024.
  CHECK(labs::bind_right(os("solaris"), 2049).who == BindWho::RootOnly);
  CHECK(labs::bind_right(os("linux"), 2049).who == BindWho::Anyone);
  CHECK(labs::bind_right(os("linux"), 0).who == BindWho::Nobody);
  CHECK(labs::describe_port(reg(), 80).bind.size() == ports::os_profiles().size());
}

TEST_CASE("R4.x needs_privilege agrees with the simulated host's bind() on every profile") {
  for (const ports::OsProfile& p : ports::os_profiles()) {
    host::Host h(p);
    const ports::OsSettings settings(p);
    // Every port up to 5000 (all the limits and extra_priv_ports) and a
    // sample above.
    for (int port = 1; port < 65536; port += port < 5000 ? 1 : 97) {
      host::SocketId id = h.open(Transport::Tcp, host::Credentials{1000, false});
      const bool refused = !h.bind(id, net::Ipv4{0x7F000001}, static_cast<uint16_t>(port)).ok;
      h.close(id);
      INFO(p.key << " port " << port);
      REQUIRE(ports::needs_privilege(settings, static_cast<uint16_t>(port)) == refused);
    }
  }
}

TEST_CASE("needs_privilege follows a changed ip_unprivileged_port_start") {
  ports::OsSettings st(os("linux"));
  REQUIRE(st.set("net.ipv4.ip_unprivileged_port_start", "80").ok());
  CHECK(ports::needs_privilege(st, 79));
  CHECK_FALSE(ports::needs_privilege(st, 80));
}

TEST_CASE("resolve_port_query: numbers, exact names, prefixes and nothing") {
  labs::PortQuery q = labs::resolve_port_query(reg(), " 443 ");
  REQUIRE(q.port.has_value());
  CHECK(*q.port == 443);
  CHECK(q.problem.empty());

  q = labs::resolve_port_query(reg(), "ssh");
  REQUIRE(q.port.has_value());
  CHECK(*q.port == 22);
  REQUIRE(q.exact >= 1);
  CHECK(q.matches[0]->name == "ssh");

  q = labs::resolve_port_query(reg(), "SS");  // a prefix only
  CHECK_FALSE(q.port.has_value());
  CHECK(q.problem.empty());
  CHECK_FALSE(q.matches.empty());
  CHECK(q.matches.size() <= 12);

  q = labs::resolve_port_query(reg(), "nosuchservice");
  CHECK_FALSE(q.port.has_value());
  CHECK(q.problem.find("no port or service called \"nosuchservice\"") != std::string::npos);

  q = labs::resolve_port_query(reg(), "70000");
  CHECK_FALSE(q.port.has_value());
  CHECK(q.problem.find("0 to 65535") != std::string::npos);

  CHECK(labs::resolve_port_query(reg(), "").problem.empty());
}
