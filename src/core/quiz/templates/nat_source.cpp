// "What source address and port does the server see?" (R5.1): the packet
// goes through the simulated Linux MASQUERADE router, which keeps a free
// inside port and reuses a mapping that is still unique.
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"
#include "core/quiz/templates/nat_question.h"

namespace portlab::quiz::gen {
namespace {

constexpr uint16_t kServerPorts[] = {443, 80, 53, 123, 3478, 25565};

Generated generate(uint64_t seed);

const Template kTemplate = {"nat-source",
                            "The source a server sees behind PAT",
                            Topic::Nat,
                            QuestionType::SingleChoice,
                            {"network-plus:2.1", "ccna:4.1"},
                            1,
                            {"R5.1"},
                            generate};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  const net::Ipv4 wan = random_wan(random);
  const net::Ipv4 lan_host = random_lan_host(random);
  const net::Transport proto = chance(random, 50) ? net::Transport::Udp : net::Transport::Tcp;
  const auto port = static_cast<uint16_t>(random.between(1024, 60999));
  const net::Endpoint server{random_internet_host(random), pick(random, kServerPorts)};
  // Sometimes the host has already talked to another server from that port.
  const bool earlier_flow = chance(random, 40);
  net::Endpoint earlier{random_internet_host(random), 443};
  if (earlier.addr == server.addr) earlier.port = static_cast<uint16_t>(server.port + 1);
  const uint64_t nat_seed = engine_seed(seed, 8);

  nat::Network network(home_topology(wan), *nat::find_profile("linux"), nullptr, nat_seed);
  const net::Endpoint inside{lan_host, port};
  const uint8_t flags = proto == net::Transport::Tcp ? nat::kSyn : 0;
  if (earlier_flow) network.send({proto, inside, earlier, flags}, nullptr);
  nat::Trace trace;
  const nat::Delivery d = network.send({proto, inside, server, flags}, &trace);
  const net::Endpoint seen = d.packet.src;

  Generated g = start(kTemplate, seed);
  const std::string t = upper_transport(proto);
  state(g, "wan", net::to_string(wan));
  state(g, "transport", t);
  state(g, "inside", net::to_string(inside));
  if (earlier_flow) state(g, "earlier_server", net::to_string(earlier));
  state(g, "server", net::to_string(server));
  state(g, "nat_seed", std::to_string(nat_seed), false);
  g.question.prompt =
      "A home router does Linux MASQUERADE (PAT) from its LAN 192.168.1.0/24 to its WAN address " +
      net::to_string(wan) + ". " +
      (earlier_flow
           ? "The laptop " + net::to_string(lan_host) + " has already sent " + t + " from port " +
                 std::to_string(port) + " to " + net::to_string(earlier) + "; now it"
           : "The laptop " + net::to_string(lan_host)) +
      " sends " + t + " from " + net::to_string(inside) + " to " + net::to_string(server) +
      ". Which source address and port does the server see?";

  const std::string why = step_text(trace, earlier_flow ? "mapping-reused" : "port-kept");
  Choices choices;
  choices.right(net::to_string(seen), net::to_string(seen), right_because(why));
  const net::Endpoint unchanged = inside;
  choices.wrong(net::to_string(unchanged), net::to_string(unchanged),
                wrong_because(net::to_string(lan_host) +
                              " is a private address that is not "
                              "routed on the internet, so the router rewrites the source to " +
                              net::to_string(wan) + " before the packet leaves."));
  const net::Endpoint router_lan{{0xC0A80101}, port};
  choices.wrong(net::to_string(router_lan), net::to_string(router_lan),
                wrong_because("192.168.1.1 is the router's LAN side; translated packets leave "
                              "from its WAN address " +
                              net::to_string(wan) + "."));
  uint16_t other = static_cast<uint16_t>(random.between(1024, 65535));
  if (other == seen.port) other = static_cast<uint16_t>(other == 65535 ? 1024 : other + 1);
  const net::Endpoint moved{wan, other};
  choices.wrong(net::to_string(moved), net::to_string(moved),
                wrong_because("the router picks a new port only on a collision, and here " +
                              lower_first(why)));
  choices.finish(g, &random);
  g.question.explanation = cite(why, {"R5.1"});
  return g;
}

}  // namespace

const Template& nat_source_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
