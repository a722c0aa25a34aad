// "Which of these ports could connect() (or bind(0)) have returned?"
// (R3.1, R3.2): the right option is the port the simulated Linux host's
// connect() or bind(0) really returned; the others are ports it gave the
// other call (the other parity) and a port outside ip_local_port_range.
#include "core/host/host.h"
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"

namespace portlab::quiz::gen {
namespace {

constexpr uint16_t kServerPorts[] = {443, 80, 22, 5432};

const char* parity(uint32_t port) { return port % 2 == 0 ? "even" : "odd"; }

Generated generate(uint64_t seed);

const Template kTemplate = {"connect-parity",     "Which port Linux connect() or bind(0) picks",
                            Topic::Ephemeral,     QuestionType::SingleChoice,
                            {},                   3,
                            {"R3.1", "R3.2"},     generate,
                            /*advanced=*/true};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  ports::PortRange range{32768, 60999};
  if (chance(random, 50)) {
    range.lo = static_cast<uint16_t>(random.between(10000, 50000));
    range.hi = static_cast<uint16_t>(range.lo + random.between(200, 5000));
  }
  const bool ask_connect = chance(random, 60);
  const net::Endpoint server{{static_cast<uint32_t>(0xC6336400 + random.between(1, 254))},
                             pick(random, kServerPorts)};
  const uint64_t host_seed = engine_seed(seed, 4);
  const std::string range_text = std::to_string(range.lo) + " " + std::to_string(range.hi);

  // The engine's answers: two connect()s to different servers and two
  // bind(0)s, each on a fresh socket of one host.
  host::Host h(*ports::find_os_profile("linux"), host_seed);
  h.set("net.ipv4.ip_local_port_range", range_text);
  auto connect_to = [&](net::Endpoint dst) {
    return h.connect(h.open(net::Transport::Tcp), dst).port;
  };
  auto bind_zero = [&] { return h.bind(h.open(net::Transport::Tcp), net::Ipv4{}, 0).port; };
  const net::Endpoint other_server{{server.addr.bits + 1}, server.port};
  // The asked call runs first, on the host exactly as the prompt states it;
  // the other calls afterwards supply ports of the other parity.
  uint16_t connected = 0, connected_elsewhere = 0, bound = 0, bound_again = 0;
  if (ask_connect) {
    connected = connect_to(server);
    bound = bind_zero();
    bound_again = bind_zero();
  } else {
    bound = bind_zero();
    connected = connect_to(server);
    connected_elsewhere = connect_to(other_server);
  }
  const uint16_t right = ask_connect ? connected : bound;
  // A port of the right parity just above the range (hi is at most 60999).
  uint32_t outside = range.hi + 1 + static_cast<uint32_t>(random.below(40));
  if (outside % 2 != right % 2u) ++outside;

  Generated g = start(kTemplate, seed);
  const std::string call =
      ask_connect ? "connect() to " + net::to_string(server) : "bind(0.0.0.0, 0)";
  state(g, "ip_local_port_range", range_text);
  state(g, "call", ask_connect ? "connect" : "bind0", false);
  if (ask_connect) state(g, "server", net::to_string(server));
  state(g, "host_seed", std::to_string(host_seed), false);
  g.question.prompt = "A Linux host has net.ipv4.ip_local_port_range = \"" + range_text +
                      "\" and no other sockets. A program opens a new TCP socket and calls " +
                      call + ". Which of these local ports could it have been given?";

  const std::string lo = std::to_string(range.lo);
  const std::string first = std::string(parity(range.lo));
  const std::string second = parity(range.lo + 1);
  Choices choices;
  auto port_text = [](uint32_t p) { return std::to_string(p); };
  choices.right(port_text(right), port_text(right),
                right_because(port_text(right) + " is " + parity(right) + ", the parity " +
                              (ask_connect ? "connect() tries first (the parity of " + lo + ")"
                                           : "bind(0) tries first (the opposite of " + lo + ")") +
                              ", and the simulated host returned exactly this port."));
  const std::string asked_call = ask_connect ? "connect()" : "bind(0)";
  auto wrong_parity = [&](uint16_t p, const std::string& who_gave_it) {
    choices.wrong(
        port_text(p), port_text(p),
        wrong_because(port_text(p) + " is " + parity(p) + ", and " + asked_call + " takes " +
                      parity(right) + " ports while any are free; " + who_gave_it + "."));
  };
  if (ask_connect) {
    wrong_parity(bound, "this host's bind(0), which starts with " + second + " ports, returned it");
    wrong_parity(bound_again, "this host's second bind(0) returned it");
  } else {
    wrong_parity(connected,
                 "this host's connect(), which starts with " + first + " ports, returned it");
    wrong_parity(connected_elsewhere,
                 "this host's connect() to " + net::to_string(other_server) + " returned it");
  }
  choices.wrong(port_text(outside), port_text(outside),
                wrong_because(port_text(outside) + " is outside ip_local_port_range " +
                              std::to_string(range.lo) + "-" + std::to_string(range.hi) +
                              ", the only ports automatic assignment uses."));
  choices.finish(g, &random);
  g.question.explanation =
      cite("With ip_local_port_range " + std::to_string(range.lo) + "-" + std::to_string(range.hi) +
               ", Linux connect() scans " + first + " ports (the parity of " + lo +
               ") first and bind(0) scans " + second + " ports first, so " + call + " returned " +
               port_text(right),
           {"R3.1", "R3.2"});
  return g;
}

}  // namespace

const Template& connect_parity_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
