// "How many connections can this Linux client hold open to one server
// ip:port?" (R3.7): counted by calling the simulated host's connect() until
// it fails, with reserved ports (R2.2) and ports pinned by listening
// sockets (R3.1) in the range.
#include <algorithm>

#include "core/host/host.h"
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"

namespace portlab::quiz::gen {
namespace {

constexpr uint16_t kServerPorts[] = {443, 80, 5432, 6379};

std::string join(const std::vector<uint16_t>& ports, const char* sep) {
  std::string out;
  for (uint16_t p : ports) out += (out.empty() ? "" : sep) + std::to_string(p);
  return out;
}

// Distinct ports of [lo, hi] drawn from the stream, ascending.
std::vector<uint16_t> draw(sim::Random& random, ports::PortRange r, int count,
                           const std::vector<uint16_t>& avoid) {
  std::vector<uint16_t> out;
  while (static_cast<int>(out.size()) < count) {
    const auto p = static_cast<uint16_t>(random.between(r.lo, r.hi));
    if (std::find(out.begin(), out.end(), p) == out.end() &&
        std::find(avoid.begin(), avoid.end(), p) == avoid.end())
      out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Generated generate(uint64_t seed);

const Template kTemplate = {"connection-limit",       "How many connections fit in a port range",
                            Topic::Ephemeral,         QuestionType::Numeric,
                            {},                       3,
                            {"R3.7", "R3.1", "R2.2"}, generate};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  // An even number of ports, 8-48: Linux scans (hi + 1 - lo) rounded down to
  // even. At most 3 reserved and 2 listening, so at least 3 stay usable.
  ports::PortRange range;
  range.lo = static_cast<uint16_t>(random.between(40000, 59000));
  range.hi = static_cast<uint16_t>(range.lo + 2 * random.between(4, 24) - 1);
  const std::vector<uint16_t> reserved =
      chance(random, 60) ? draw(random, range, static_cast<int>(random.between(1, 3)), {})
                         : std::vector<uint16_t>{};
  const std::vector<uint16_t> listening =
      chance(random, 50) ? draw(random, range, static_cast<int>(random.between(1, 2)), reserved)
                         : std::vector<uint16_t>{};
  const net::Endpoint server{{static_cast<uint32_t>(0xCB007100 + random.between(1, 254))},
                             pick(random, kServerPorts)};
  const uint64_t host_seed = engine_seed(seed, 5);
  const std::string range_text = std::to_string(range.lo) + " " + std::to_string(range.hi);

  host::Host h(*ports::find_os_profile("linux"), host_seed);
  h.set("net.ipv4.ip_local_port_range", range_text);
  h.set("net.ipv4.ip_local_reserved_ports", join(reserved, ","));
  for (uint16_t p : listening) {
    host::SocketId id = h.open(net::Transport::Tcp);
    h.bind(id, net::Ipv4{}, p);
    h.listen(id);
  }
  int connections = 0;
  host::Decision d;
  while ((d = h.connect(h.open(net::Transport::Tcp), server)).ok) ++connections;

  Generated g = start(kTemplate, seed);
  const int size = range.size();
  state(g, "ip_local_port_range", range_text);
  if (!reserved.empty()) state(g, "ip_local_reserved_ports", join(reserved, ","));
  if (!listening.empty()) state(g, "listening", join(listening, ", "));
  state(g, "server", net::to_string(server));
  state(g, "host_seed", std::to_string(host_seed), false);
  std::string setup = "net.ipv4.ip_local_port_range = \"" + range_text + "\"";
  if (!reserved.empty())
    setup += ", net.ipv4.ip_local_reserved_ports = \"" + join(reserved, ",") + "\"";
  setup += listening.empty()
               ? ", and no servers of its own"
               : ", and servers of its own listening on 0.0.0.0 ports " + join(listening, ", ");
  g.question.prompt = "A Linux client has " + setup + ". At most how many TCP connections to " +
                      net::to_string(server) +
                      " can it hold open at the same time, letting connect() choose each local "
                      "port?";
  g.answer = std::to_string(connections);

  const std::string count = std::to_string(connections);
  std::string because = "of the " + std::to_string(size) + " ports in " + std::to_string(range.lo) +
                        "-" + std::to_string(range.hi);
  if (!reserved.empty())
    because += ", " + std::to_string(reserved.size()) + " reserved (" + join(reserved, ", ") +
               ") are skipped by automatic assignment";
  if (!listening.empty())
    because += ", " + std::to_string(listening.size()) + " held by listening sockets (" +
               join(listening, ", ") + ") are never shared with connect()";
  accept_number(g, connections,
                right_because(because + ", so the simulated client opened " + count +
                              " connections and the next connect() failed with " + d.error + "."));
  mistake_number(g, size,
                 wrong_because("that is every port of the range, but reserved ports and ports "
                               "pinned by listening sockets are never handed to connect()."));
  mistake_number(g, connections / 2,
                 wrong_because("connect() tries ports of one parity first, but moves on to the "
                               "other parity when those run out."));
  mistake_number(g, 28232,
                 wrong_because("28232 ports is the default range 32768-60999, not this host's."));
  g.question.numeric_fallback_feedback = wrong_because(
      "count the ports of " + std::to_string(range.lo) + "-" + std::to_string(range.hi) +
      " that neither ip_local_reserved_ports nor a listening socket holds.");
  g.question.explanation = cite(
      "One client address can hold one connection per usable local port to the same server "
      "ip:port: " +
          because + ", which leaves " + count,
      {"R3.7", "R3.1", reserved.empty() ? "" : "R2.2"});
  return g;
}

}  // namespace

const Template& connection_limit_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
