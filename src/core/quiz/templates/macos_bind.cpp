// "Can this macOS user bind that address and port?" (R4.3): since macOS
// 10.14 the low-port check applies only to specific addresses, answered by
// the simulated host's bind(). IPv4 only: the reference has the IPv6
// wildcard rule only as an assumption.
#include "core/quiz/templates/bind_question.h"
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"

namespace portlab::quiz::gen {
namespace {

using net::Transport;

constexpr uint16_t kPorts[] = {22, 53, 80, 443, 631, 1023, 1024, 5000, 8080};
constexpr const char* kAddresses[] = {"0.0.0.0", "0.0.0.0", "127.0.0.1", "192.168.1.10"};

Generated generate(uint64_t seed);

const Template kTemplate = {
    "macos-bind",         "Low ports on macOS: wildcard or specific address",
    Topic::Privileged,    QuestionType::SingleChoice,
    {},                   2,
    {"R4.3", "R4.1"},     generate,
    /*advanced=*/true};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  BindSetup s;
  s.os = ports::find_os_profile("macos");
  s.who.uid = chance(random, 20) ? 0 : 501;
  s.transport = chance(random, 25) ? Transport::Udp : Transport::Tcp;
  s.port =
      chance(random, 80) ? pick(random, kPorts) : static_cast<uint16_t>(random.between(1, 1023));
  s.addr = *net::parse_ipv4(pick(random, kAddresses)).value;
  const uint64_t host_seed = engine_seed(seed, 2);

  Generated g = start(kTemplate, seed);
  const std::string p = std::to_string(s.port);
  const std::string t = s.transport == Transport::Tcp ? "TCP" : "UDP";
  state(g, "uid", std::to_string(s.who.uid));
  state(g, "transport", t);
  state(g, "addr", net::to_string(s.addr));
  state(g, "port", p);
  state(g, "host_seed", std::to_string(host_seed), false);
  g.question.prompt =
      "On macOS 10.14 or later (addresses 127.0.0.1 and 192.168.1.10, no other "
      "sockets open), a process running as " +
      (s.who.uid == 0 ? std::string("root (uid 0)") : "uid 501, not root,") + " calls bind(" +
      net::to_string(s.addr) + ", " + p + ") on a new " + t + " socket. What does bind() return?";
  const std::string why_allowed =
      s.who.uid == 0 ? "root may bind any port"
      : s.port >= 1024
          ? "port " + p + " is not below 1024"
          : "macOS checks low ports only for specific addresses and 0.0.0.0 is the wildcard";
  ask_bind(g, s, host_seed, why_allowed, "R4.3");
  return g;
}

}  // namespace

const Template& macos_bind_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
