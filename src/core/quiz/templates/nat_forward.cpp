// "Which forwarding rule lets the friend reach the game server?" (R5.2), a
// simulation task asked as a choice: each candidate rule is installed on its
// own simulated Linux router, the friend's packet is sent and answered, and
// the engine's delivery decides whether the rule is right.
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"
#include "core/quiz/templates/nat_question.h"

namespace portlab::quiz::gen {
namespace {

struct Trial {
  bool works = false;
  std::string why;  // one sentence from the engine
};

// The friend sends to `public_end` (the router's address and the port the
// friend was given), whatever the rule says.
Trial try_rule(const nat::Topology& topology, uint64_t seed, const nat::ForwardRule& rule,
               net::Transport proto, net::Endpoint friend_end, net::Endpoint public_end,
               net::Endpoint server) {
  nat::Network network(topology, *nat::find_profile("linux"), nullptr, seed);
  Trial out;
  const std::string problem = network.router().forwards().add(rule, topology.lan);
  if (!problem.empty()) {
    out.why = "the router refuses this rule: " + lower_first(problem);
    return out;
  }
  const nat::Packet hello{proto, friend_end, public_end,
                          static_cast<uint8_t>(proto == net::Transport::Tcp ? nat::kSyn : 0)};
  nat::Trace trace;
  const nat::Delivery in = network.send(hello, &trace);
  if (in.action == nat::Action::Dropped) {
    out.why = trace.reason;
    return out;
  }
  if (in.packet.dst != server) {
    out.why = "the packet reaches " + net::to_string(in.packet.dst) + ", not the game server " +
              net::to_string(server) + ".";
    return out;
  }
  const nat::Delivery back = network.answer(hello, in, &trace);
  out.works = back.action != nat::Action::Dropped;
  out.why = out.works ? "the packet reaches " + net::to_string(server) +
                            " and its answer gets "
                            "back to " +
                            net::to_string(friend_end) + "."
                      : trace.reason;
  return out;
}

nat::ForwardRule rule_of(net::Transport t, uint16_t external, net::Ipv4 target, uint16_t port) {
  nat::ForwardRule r;
  r.proto = t == net::Transport::Tcp ? nat::ForwardProto::Tcp : nat::ForwardProto::Udp;
  r.external = {external, external};
  r.target = target;
  r.target_port = port;
  return r;
}

Generated generate(uint64_t seed);

const Template kTemplate = {"nat-forward",
                            "The port forward that lets a friend in",
                            Topic::Nat,
                            QuestionType::SingleChoice,
                            {"network-plus:2.1"},
                            2,
                            {"R5.2"},
                            generate};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  const net::Ipv4 wan = random_wan(random);
  const net::Ipv4 server_host = random_lan_host(random);
  const net::Ipv4 laptop = random_lan_host_besides(random, server_host);
  const net::Transport proto = chance(random, 60) ? net::Transport::Tcp : net::Transport::Udp;
  const auto inner = static_cast<uint16_t>(random.between(1024, 40000));
  const bool same_port = chance(random, 60);
  const uint16_t outer = same_port ? inner : static_cast<uint16_t>(random.between(40001, 65000));
  const net::Endpoint server{server_host, inner};
  const net::Endpoint friend_end{random_internet_host(random),
                                 static_cast<uint16_t>(random.between(32768, 60999))};
  const uint64_t nat_seed = engine_seed(seed, 11);
  const nat::Topology topology = home_topology(wan);
  const net::Transport other =
      proto == net::Transport::Tcp ? net::Transport::Udp : net::Transport::Tcp;

  std::vector<nat::ForwardRule> wrong = {
      rule_of(other, outer, server_host, inner),  // the other transport
      rule_of(proto, outer, laptop, inner),       // the wrong inside host
      same_port ? rule_of(proto, outer, server_host, static_cast<uint16_t>(inner + 1))
                : rule_of(proto, inner, server_host, outer),  // ports the wrong way round
      rule_of(proto, static_cast<uint16_t>(outer + 1), server_host, inner),  // off by one outside
  };
  wrong.erase(wrong.begin() + static_cast<long>(random.below(wrong.size())));

  Generated g = start(kTemplate, seed);
  const std::string t = upper_transport(proto);
  state(g, "wan", net::to_string(wan));
  state(g, "server", net::to_string(server));
  state(g, "transport", t);
  state(g, "friend", net::to_string(friend_end.addr));
  state(g, "friend_port", std::to_string(friend_end.port), false);
  state(g, "public", net::to_string(net::Endpoint{wan, outer}));
  state(g, "nat_seed", std::to_string(nat_seed), false);
  g.question.prompt = "Your game server listens on " + net::to_string(server) + " (" + t +
                      ") behind a Linux router whose public address is " + net::to_string(wan) +
                      ". A friend at " + net::to_string(friend_end.addr) + " will connect to " +
                      net::to_string(net::Endpoint{wan, outer}) + " over " + t +
                      ". Which forwarding rule on the router lets the friend reach the game?";

  Choices choices;
  std::string right_text;
  auto offer = [&](const nat::ForwardRule& rule) {
    const Trial trial = try_rule(topology, nat_seed, rule, proto, friend_end, {wan, outer}, server);
    const std::string text = nat::describe(rule);
    if (trial.works) {
      choices.right(text, text, right_because("with this rule " + lower_first(trial.why)));
      right_text = text;
    } else {
      choices.wrong(text, text, wrong_because("with this rule " + lower_first(trial.why)));
    }
  };
  offer(rule_of(proto, outer, server_host, inner));
  for (const nat::ForwardRule& rule : wrong) offer(rule);
  choices.finish(g, &random);
  g.question.explanation =
      cite("The friend's " + t + " packet to " + net::to_string(net::Endpoint{wan, outer}) +
               " gets in only through a forward of " + t + " port " + std::to_string(outer) +
               " to " + net::to_string(server) + ", which is " + right_text,
           {"R5.2"});
  return g;
}

}  // namespace

const Template& nat_forward_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
