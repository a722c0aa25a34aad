// "What does bind() return on this Linux host?" (R4.1, R4.2, R2.4): a
// random user, capability, ip_unprivileged_port_start, address and other
// socket, answered by the simulated host's bind().
#include "core/quiz/templates/bind_question.h"
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"

namespace portlab::quiz::gen {
namespace {

using net::Transport;

constexpr uint16_t kPorts[] = {22, 53, 80, 443, 1023, 1024, 3000, 5432, 8080};
// 1024 is the default; 0 is what Docker sets in containers (R4.2).
constexpr int kUnprivilegedStart[] = {1024, 1024, 1024, 0, 0, 80, 443, 1000, 8000};
// The host has 127.0.0.1 and 192.168.1.10; Linux also counts all of
// 127/8 as local (127.0.0.53); 192.168.1.77 belongs to another machine.
constexpr const char* kAddresses[] = {"0.0.0.0",    "0.0.0.0",      "127.0.0.1",
                                      "127.0.0.53", "192.168.1.10", "192.168.1.77"};
constexpr const char* kOtherSocketAddresses[] = {"0.0.0.0", "127.0.0.1", "192.168.1.10"};

net::Ipv4 ipv4(const char* text) { return *net::parse_ipv4(text).value; }

std::string upper(const char* s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return out;
}

Generated generate(uint64_t seed);

const Template kTemplate = {"linux-bind",
                            "What bind() returns on Linux",
                            Topic::Privileged,
                            QuestionType::SingleChoice,
                            {},  // bind rules per OS are no exam objective
                            3,
                            {"R4.1", "R4.2", "R2.4"},
                            generate};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  BindSetup s;
  s.os = ports::find_os_profile("linux");
  const int unpriv_start = pick(random, kUnprivilegedStart);
  s.settings = {{"net.ipv4.ip_unprivileged_port_start", std::to_string(unpriv_start)}};
  const int roll = static_cast<int>(random.below(100));
  s.who.uid = roll < 20 ? 0 : roll < 60 ? 1000 : 65534;
  s.who.cap_net_bind_service = s.who.uid != 0 && chance(random, 25);
  s.transport = chance(random, 25) ? Transport::Udp : Transport::Tcp;
  s.port =
      chance(random, 75) ? pick(random, kPorts) : static_cast<uint16_t>(random.between(1, 20000));
  s.addr = ipv4(pick(random, kAddresses));
  // Another socket, opened by root: on the same port most of the time, on
  // an overlapping or a different address, sometimes on the other transport.
  if (chance(random, 65)) {
    ExistingSocket e;
    e.transport = chance(random, 25)
                      ? (s.transport == Transport::Tcp ? Transport::Udp : Transport::Tcp)
                      : s.transport;
    const char* at = pick(random, kOtherSocketAddresses);
    e.local = {ipv4(at), chance(random, 85) ? s.port : static_cast<uint16_t>(s.port + 1)};
    e.listening = e.transport == Transport::Tcp;
    s.existing = e;
  }
  const uint64_t host_seed = engine_seed(seed, 1);

  Generated g = start(kTemplate, seed);
  const std::string p = std::to_string(s.port);
  const std::string uid = std::to_string(s.who.uid);
  state(g, "ip_unprivileged_port_start", std::to_string(unpriv_start));
  state(g, "uid", uid);
  state(g, "cap_net_bind_service", s.who.cap_net_bind_service ? "yes" : "no", false);
  state(g, "transport", net::to_string(s.transport), false);
  state(g, "addr", net::to_string(s.addr));
  state(g, "port", p);
  if (s.existing) {
    state(g, "existing_transport", net::to_string(s.existing->transport), false);
    state(g, "existing_local", net::to_string(s.existing->local));
    state(g, "existing_listening", s.existing->listening ? "yes" : "no", false);
  }
  state(g, "host_seed", std::to_string(host_seed), false);

  const std::string who = s.who.uid == 0
                              ? "root (uid 0)"
                              : "uid " + uid +
                                    (s.who.cap_net_bind_service ? " with CAP_NET_BIND_SERVICE"
                                                                : " without any capabilities");
  g.question.prompt =
      "A Linux host has the addresses 127.0.0.1 and 192.168.1.10 and "
      "net.ipv4.ip_unprivileged_port_start=" +
      std::to_string(unpriv_start) + ". " +
      (s.existing ? "A root process already has " + describe_existing(*s.existing) + "."
                  : "No other socket is open.") +
      " A process running as " + who + " creates a " + upper(net::to_string(s.transport)) +
      " socket and calls bind(" + net::to_string(s.addr) + ", " + p + "). What does bind() return?";

  std::string why_allowed;
  if (s.who.uid == 0)
    why_allowed = "root (uid 0) has every capability";
  else if (s.port >= unpriv_start)
    why_allowed =
        "port " + p + " is not below ip_unprivileged_port_start=" + std::to_string(unpriv_start);
  else
    why_allowed = "the process has CAP_NET_BIND_SERVICE";
  ask_bind(g, s, host_seed, why_allowed, "R4.1");
  return g;
}

}  // namespace

const Template& linux_bind_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
