// "After this outbound packet, which outside senders can reach the inside
// host through its mapping?" (R5.4, and R5.2 for Linux): every candidate
// sender is tried on its own copy of the simulated network, and the
// engine's verdict decides whether the option is right.
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"
#include "core/quiz/templates/nat_question.h"

namespace portlab::quiz::gen {
namespace {

constexpr const char* kPresets[] = {"full_cone", "restricted_cone", "port_restricted_cone",
                                    "symmetric", "linux"};

struct Sender {
  net::Endpoint from;
  const char* who;  // "the server it sent to", ...
};

Generated generate(uint64_t seed);

const Template kTemplate = {"nat-inbound",        "Who can reach a mapping under each NAT type",
                            Topic::Nat,           QuestionType::MultipleChoice,
                            {"network-plus:2.1"}, 3,
                            {"R5.4", "R5.2"},     generate};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  const nat::Profile& profile = *nat::find_profile(pick(random, kPresets));
  const net::Ipv4 wan = random_wan(random);
  const net::Endpoint inside{random_lan_host(random),
                             static_cast<uint16_t>(random.between(1024, 60999))};
  const net::Endpoint peer{random_internet_host(random),
                           static_cast<uint16_t>(random.between(1024, 60000))};
  net::Ipv4 stranger = random_internet_host(random);
  if (stranger == peer.addr) stranger.bits = peer.addr.bits == 0xC6336402 ? 0xC6336403 : 0xC6336402;
  const auto other_port = static_cast<uint16_t>(peer.port + 1 + random.below(500));
  const uint64_t nat_seed = engine_seed(seed, 10);

  // The outbound packet that makes the mapping, on a fresh network.
  const nat::Topology topology = home_topology(wan);
  nat::Network probe(topology, profile, nullptr, nat_seed);
  const net::Endpoint mapped =
      probe.send({net::Transport::Udp, inside, peer, 0}, nullptr).packet.src;

  const Sender senders[] = {{peer, "the host and port it sent to"},
                            {{peer.addr, other_port}, "the same host, another port"},
                            {{stranger, peer.port}, "another host, the same port"},
                            {{stranger, other_port}, "another host, another port"}};
  struct Verdict {
    bool reaches;
    std::string why;
  };
  std::vector<Verdict> verdicts;
  int reachable = 0;
  for (const Sender& s : senders) {
    nat::Network network(topology, profile, nullptr, nat_seed);
    network.send({net::Transport::Udp, inside, peer, 0}, nullptr);
    nat::Trace trace;
    const nat::Delivery d = network.send({net::Transport::Udp, s.from, mapped, 0}, &trace);
    const bool reaches = d.action == nat::Action::Delivered && d.packet.dst == inside;
    verdicts.push_back({reaches, trace.reason});
    reachable += reaches;
  }

  Generated g = start(kTemplate, seed);
  state(g, "profile", profile.key, false);
  state(g, "profile_name", profile.name);
  state(g, "wan", net::to_string(wan));
  state(g, "inside", net::to_string(inside));
  state(g, "peer", net::to_string(peer));
  state(g, "mapped", net::to_string(mapped));
  state(g, "nat_seed", std::to_string(nat_seed), false);
  g.question.prompt = "A router behaves as \"" + std::string(profile.name) + "\" (" +
                      nat::short_name(profile.mapping) + " mapping, " +
                      nat::short_name(profile.filtering) + " filtering). " +
                      net::to_string(inside) + " sends a UDP packet to " + net::to_string(peer) +
                      ", which leaves as " + net::to_string(mapped) +
                      ". Which of these senders can now reach " + net::to_string(inside) +
                      " by sending UDP to " + net::to_string(mapped) + "? Select all that apply.";
  Choices choices;
  std::string who_reaches;
  for (size_t i = 0; i < verdicts.size(); ++i) {
    const std::string from = net::to_string(senders[i].from);
    const std::string text = from + " (" + senders[i].who + ")";
    if (verdicts[i].reaches) {
      choices.right(from, text, right_because(verdicts[i].why), 1.0 / reachable);
      who_reaches += (who_reaches.empty() ? "" : ", ") + from;
    } else {
      choices.wrong(from, text, wrong_because(verdicts[i].why),
                    reachable == 4 ? 0 : -1.0 / (4 - reachable));
    }
  }
  choices.finish(g, nullptr);  // from the most to the least related sender
  const std::string rule = profile.family == nat::Family::LinuxNetfilter ? "R5.2" : "R5.4";
  g.question.explanation =
      cite(std::string(profile.name) + " uses " + nat::to_string(profile.filtering) +
               " filtering, so after " + net::to_string(inside) + " sent to " +
               net::to_string(peer) + ", " + std::to_string(reachable) +
               " of the 4 senders "
               "can reach it through " +
               net::to_string(mapped) + ": " + who_reaches,
           std::vector<std::string>{rule});
  return g;
}

}  // namespace

const Template& nat_inbound_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
