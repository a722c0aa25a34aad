// "Every port of the range is in use by connections to one server: what
// does the next call get?" (R3.1, R3.2, R3.3, R2.4): the simulated Linux
// host runs the connections and then the asked call, and also every other
// call, whose results become the wrong options' feedback.
#include "core/host/host.h"
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"

namespace portlab::quiz::gen {
namespace {

enum class Call { SameServer, OtherServer, BindZero, UdpSend };
constexpr Call kCalls[] = {Call::SameServer, Call::OtherServer, Call::BindZero, Call::UdpSend};
constexpr const char* kCallKeys[] = {"same_server", "other_server", "bind0", "udp"};
constexpr const char* kOk = "ok";

struct CallResult {
  std::string text;  // "connect() to 198.51.100.7:443"
  host::Decision decision;
  std::string key() const { return decision.ok ? kOk : decision.error; }
};

const char* rule_of(Call c) {
  switch (c) {
    case Call::SameServer:
    case Call::OtherServer:
      return "R3.1";
    case Call::BindZero:
      return "R3.2";
    case Call::UdpSend:
      return "R3.3";
  }
  return "";
}

Generated generate(uint64_t seed);

const Template kTemplate = {"exhaustion-error",
                            "What a call returns when the port range is used up",
                            Topic::Ephemeral,
                            QuestionType::SingleChoice,
                            {},
                            3,
                            {"R3.1", "R3.2", "R3.3", "R2.4"},
                            generate,
                            /*advanced=*/true};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  const int size = 2 * static_cast<int>(random.between(1, 4));
  const auto lo = static_cast<uint16_t>(random.between(40000, 60000));
  const std::string range_text = std::to_string(lo) + " " + std::to_string(lo + size - 1);
  const net::Endpoint server{{static_cast<uint32_t>(0xC6336400 + random.between(1, 200))}, 443};
  const net::Endpoint other{{server.addr.bits + 1 + static_cast<uint32_t>(random.below(50))}, 443};
  const Call asked = pick(random, kCalls);
  const uint64_t host_seed = engine_seed(seed, 6);

  host::Host h(*ports::find_os_profile("linux"), host_seed);
  h.set("net.ipv4.ip_local_port_range", range_text);
  h.set_trace(true);  // explanations for successful automatic choices too
  int opened = 0;
  while (h.connect(h.open(net::Transport::Tcp), server).ok) ++opened;
  auto run = [&](Call c) {
    CallResult r;
    switch (c) {
      case Call::SameServer:
        r.text = "connect() to " + net::to_string(server);
        r.decision = h.connect(h.open(net::Transport::Tcp), server);
        break;
      case Call::OtherServer:
        r.text = "connect() to " + net::to_string(other);
        r.decision = h.connect(h.open(net::Transport::Tcp), other);
        break;
      case Call::BindZero:
        r.text = "bind(0.0.0.0, 0) on a TCP socket";
        r.decision = h.bind(h.open(net::Transport::Tcp), net::Ipv4{}, 0);
        break;
      case Call::UdpSend:
        r.text = "sendto() on a new UDP socket";
        r.decision = h.send_to(h.open(net::Transport::Udp), server);
        break;
    }
    return r;
  };
  // The asked call runs first, on exactly the stated host. The others run
  // after it only to say which call an outcome belongs to: none of them
  // frees a port, and the one that takes a TCP port (connect() elsewhere)
  // runs last. (Copying the host per call would cost a megabyte each.)
  const CallResult result = run(asked);
  std::vector<CallResult> others;
  for (Call c : {Call::SameServer, Call::BindZero, Call::UdpSend, Call::OtherServer})
    if (c != asked) others.push_back(run(c));

  Generated g = start(kTemplate, seed);
  state(g, "ip_local_port_range", range_text);
  state(g, "server", net::to_string(server));
  state(g, "connections", std::to_string(opened));
  state(g, "call", result.text);
  state(g, "call_kind", kCallKeys[static_cast<int>(asked)], false);
  if (asked == Call::OtherServer) state(g, "other_server", net::to_string(other));
  state(g, "host_seed", std::to_string(host_seed), false);
  g.question.prompt = "A Linux client has net.ipv4.ip_local_port_range = \"" + range_text +
                      "\" and holds " + std::to_string(opened) + " open TCP connections to " +
                      net::to_string(server) +
                      ", one from every port of that range. It now "
                      "calls " +
                      result.text + ". What happens?";

  // Which other call gets each outcome, to say where a wrong option belongs.
  auto who_gets = [&](const std::string& key) {
    for (const CallResult& r : others)
      if (r.key() == key)
        return r.text + " is the call that " +
               (r.decision.ok ? std::string("would succeed") : "would fail with " + key);
    return std::string();
  };
  // The engine's sentence, introduced by what makes the two successes
  // possible: ports are shared across destinations (R3.1), and UDP ports
  // are counted apart from TCP ones (R2.4).
  std::string why = result.decision.explanation;
  if (asked == Call::OtherServer && result.decision.ok)
    why = "The " + std::to_string(opened) + " ports of " + std::to_string(lo) + "-" +
          std::to_string(lo + size - 1) + " are in use only towards " + net::to_string(server) +
          ", and a connection to " + net::to_string(other) +
          " has a different 4-tuple, so connect() may share them: " + lower_first(why);
  else if (asked == Call::UdpSend && result.decision.ok)
    why =
        "The connections hold TCP ports, and UDP ports are tracked separately: " + lower_first(why);
  Choices choices;
  auto add = [&](const std::string& key, const std::string& text) {
    if (key == result.key()) {
      choices.right(key, text, right_because(why));
      return;
    }
    const std::string elsewhere = who_gets(key);
    choices.wrong(key, text,
                  wrong_because(why + (elsewhere.empty() ? "" : " Here " + elsewhere + ".")));
  };
  add(kOk, "It succeeds");
  add("EADDRNOTAVAIL", "It fails with EADDRNOTAVAIL");
  add("EADDRINUSE", "It fails with EADDRINUSE");
  choices.finish(g, nullptr);
  g.question.explanation =
      cite(why, std::vector<std::string>{rule_of(asked), asked == Call::UdpSend ? "R2.4" : ""});
  return g;
}

}  // namespace

const Template& exhaustion_error_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
