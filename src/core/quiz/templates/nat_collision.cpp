// "Two LAN hosts send from the same port: which port does the second one
// get?" (R5.1): the simulated Linux MASQUERADE router keeps the port when
// the whole tuple is still unique (RFC 7857 port overlapping, towards another
// server) and otherwise picks one in the inside port's class.
#include "core/nat/profile.h"
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"
#include "core/quiz/templates/nat_question.h"

namespace portlab::quiz::gen {
namespace {

constexpr const char* kKept = "kept";
// The classes Linux keeps a new port in (§5.5 step 3).
constexpr uint16_t kClassSamples[] = {1, 600, 1024};

std::string class_key(ports::PortRange r) {
  return std::to_string(r.lo) + "-" + std::to_string(r.hi);
}

uint16_t draw_port(sim::Random& random) {
  switch (random.below(3)) {
    case 0:
      return static_cast<uint16_t>(random.between(1, 511));
    case 1:
      return static_cast<uint16_t>(random.between(512, 1023));
    default:
      return static_cast<uint16_t>(random.between(1024, 65535));
  }
}

Generated generate(uint64_t seed);

const Template kTemplate = {"nat-collision",
                            "Two inside hosts, one source port: what PAT does",
                            Topic::Nat,
                            QuestionType::SingleChoice,
                            {"network-plus:2.1"},
                            3,
                            {"R5.1"},
                            generate};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  const net::Ipv4 wan = random_wan(random);
  const net::Ipv4 a = random_lan_host(random);
  const net::Ipv4 b = random_lan_host_besides(random, a);
  const uint16_t port = draw_port(random);
  const net::Transport proto = chance(random, 50) ? net::Transport::Udp : net::Transport::Tcp;
  const net::Endpoint server{random_internet_host(random), 443};
  const bool same_server = chance(random, 70);
  net::Endpoint b_server = server;
  if (!same_server) {
    b_server.addr = random_internet_host(random);
    if (b_server.addr == server.addr) b_server.port = 8443;
  }
  const uint64_t nat_seed = engine_seed(seed, 9);

  nat::Network network(home_topology(wan), *nat::find_profile("linux"), nullptr, nat_seed);
  const uint8_t flags = proto == net::Transport::Tcp ? nat::kSyn : 0;
  network.send({proto, {a, port}, server, flags}, nullptr);
  nat::Trace trace;
  const nat::Delivery d = network.send({proto, {b, port}, b_server, flags}, &trace);
  const uint16_t got = d.packet.src.port;
  const ports::PortRange klass = nat::linux_port_class(port);
  const std::string answer = got == port ? kKept : class_key(nat::linux_port_class(got));

  Generated g = start(kTemplate, seed);
  const std::string t = upper_transport(proto);
  const std::string p = std::to_string(port);
  state(g, "wan", net::to_string(wan));
  state(g, "transport", t);
  state(g, "first", net::to_string(net::Endpoint{a, port}));
  state(g, "server", net::to_string(server));
  state(g, "second", net::to_string(net::Endpoint{b, port}));
  state(g, "second_server", net::to_string(b_server));
  state(g, "nat_seed", std::to_string(nat_seed), false);
  g.question.prompt = "Behind a Linux MASQUERADE router with WAN address " + net::to_string(wan) +
                      ", " + net::to_string(net::Endpoint{a, port}) + " sends " + t + " to " +
                      net::to_string(server) + ". Then " + net::to_string(net::Endpoint{b, port}) +
                      " sends " + t + " from the same port " + "to " + net::to_string(b_server) +
                      (same_server ? " (the same server)" : " (another server)") +
                      ". Which source port does " + net::to_string(b_server) + " see on " +
                      net::to_string(b) + "'s packet?";

  const std::string what_happened =
      got == port ? step_text(trace, "port-kept")
                  : step_text(trace, "port-collision") + " " + step_text(trace, "port-picked");
  Choices choices;
  auto add = [&](const std::string& key, const std::string& text, const std::string& if_wrong) {
    if (key == answer)
      choices.right(key, text, right_because(what_happened));
    else
      choices.wrong(key, text, wrong_because(if_wrong));
  };
  add(kKept, p + ", the port " + net::to_string(b) + " sent from",
      "the tuple " + net::to_string(wan) + ":" + p + " -> " + net::to_string(b_server) +
          " is already taken by " + net::to_string(a) +
          "'s flow, so the router had to pick "
          "another port (it chose " +
          std::to_string(got) + ").");
  for (uint16_t sample : kClassSamples) {
    const ports::PortRange r = nat::linux_port_class(sample);
    add(class_key(r),
        "A new port in " + class_key(r) + (r.contains(port) ? " other than " + p : ""),
        got == port
            ? "Linux judges uniqueness on the whole tuple, and " + lower_first(what_happened)
            : "Linux keeps a new port in the inside port's class: " + p + " is in " +
                  class_key(klass) + ", and the router picked " + std::to_string(got) + ".");
  }
  choices.finish(g, nullptr);
  g.question.explanation = cite(
      got == port ? "Linux checks the whole tuple, so " + net::to_string(b) + " keeps port " + p +
                        " towards " + net::to_string(b_server) + " while " + net::to_string(a) +
                        " uses it towards " + net::to_string(server) + " (RFC 7857 port overlapping)"
                  : "The tuple " + net::to_string(wan) + ":" + p + " -> " + net::to_string(server) +
                        " is taken, so Linux picked port " + std::to_string(got) +
                        " from a random start in " + p + "'s class " + class_key(klass),
      {"R5.1"});
  return g;
}

}  // namespace

const Template& nat_collision_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
