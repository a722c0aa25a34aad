// "What does bind() return on this FreeBSD host?" (R4.5): ports from
// net.inet.ip.portrange.reservedlow to reservedhigh need root, on every
// address, answered by the simulated host's bind().
#include "core/quiz/templates/bind_question.h"
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"

namespace portlab::quiz::gen {
namespace {

using net::Transport;

constexpr uint16_t kPorts[] = {22, 80, 443, 500, 600, 1000, 1023, 1024, 8080};
constexpr int kReservedHigh[] = {1023, 1023, 1023, 0, 499, 999};
constexpr int kReservedLow[] = {0, 0, 0, 0, 512};
constexpr const char* kAddresses[] = {"0.0.0.0", "0.0.0.0", "127.0.0.1", "192.168.1.10"};

Generated generate(uint64_t seed);

const Template kTemplate = {
    "freebsd-bind",       "FreeBSD's reservedlow-reservedhigh privileged range",
    Topic::Privileged,    QuestionType::SingleChoice,
    {},                   2,
    {"R4.5", "R4.1"},     generate,
    /*advanced=*/true};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  BindSetup s;
  s.os = ports::find_os_profile("freebsd");
  const int high = pick(random, kReservedHigh);
  const int low = high >= 512 ? pick(random, kReservedLow) : 0;
  s.settings = {{"net.inet.ip.portrange.reservedlow", std::to_string(low)},
                {"net.inet.ip.portrange.reservedhigh", std::to_string(high)}};
  s.who.uid = chance(random, 20) ? 0 : 1001;
  s.transport = chance(random, 25) ? Transport::Udp : Transport::Tcp;
  s.port =
      chance(random, 75) ? pick(random, kPorts) : static_cast<uint16_t>(random.between(1, 2047));
  s.addr = *net::parse_ipv4(pick(random, kAddresses)).value;
  const uint64_t host_seed = engine_seed(seed, 3);

  Generated g = start(kTemplate, seed);
  const std::string p = std::to_string(s.port);
  const std::string t = s.transport == Transport::Tcp ? "TCP" : "UDP";
  state(g, "reservedlow", std::to_string(low));
  state(g, "reservedhigh", std::to_string(high));
  state(g, "uid", std::to_string(s.who.uid));
  state(g, "transport", t);
  state(g, "addr", net::to_string(s.addr));
  state(g, "port", p);
  state(g, "host_seed", std::to_string(host_seed), false);
  g.question.prompt =
      "A FreeBSD host (addresses 127.0.0.1 and 192.168.1.10, no other sockets open) has "
      "net.inet.ip.portrange.reservedlow=" +
      std::to_string(low) + " and net.inet.ip.portrange.reservedhigh=" + std::to_string(high) +
      ". A process running as " +
      (s.who.uid == 0 ? std::string("root (uid 0)") : "uid 1001, not root,") + " calls bind(" +
      net::to_string(s.addr) + ", " + p + ") on a new " + t + " socket. What does bind() return?";
  const std::string why_allowed = s.who.uid == 0
                                      ? "root may bind any port"
                                      : "port " + p + " is outside reservedlow-reservedhigh (" +
                                            std::to_string(low) + "-" + std::to_string(high) + ")";
  ask_bind(g, s, host_seed, why_allowed, "R4.5");
  return g;
}

}  // namespace

const Template& freebsd_bind_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
