// "A LAN laptop connects to the router's public address and a forwarded
// port: what happens?" (R5.5): the simulated router either drops the
// packet, passes it with the laptop's own source (and the answer goes
// astray), or masquerades it so the server sees the router's LAN or public
// address; the engine's delivery and answer decide which.
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"
#include "core/quiz/templates/nat_question.h"

namespace portlab::quiz::gen {
namespace {

constexpr const char* kDropped = "dropped";
constexpr const char* kDirect = "direct";
constexpr const char* kLanSource = "router-lan";
constexpr const char* kPublicSource = "public";
constexpr const char* kOther = "other";  // none of the four: a template bug the test catches

// Each router as the prompt describes it: whether it hairpins must follow
// from the words, since the cone names alone say nothing about it.
struct Box {
  const char* profile;
  bool hairpin;  // Linux: the `ct status dnat masquerade` rule
  const char* described;
};
constexpr Box kBoxes[] = {
    {"linux", false, "A Linux router with only the usual MASQUERADE and forward rules"},
    {"linux", true,
     "A Linux router with the extra rule `ip saddr 192.168.1.0/24 ct status dnat masquerade`"},
    // Hairpinning is RFC 4787 REQ-9 for UDP and RFC 5382 REQ-8 for TCP.
    {"rfc4787", true,
     "A router that follows RFC 4787 and RFC 5382, which require hairpinning for UDP and TCP,"},
    {"full_cone", false, "A full-cone router whose firmware does not support hairpinning"},
    {"port_restricted_cone", false,
     "A port-restricted-cone router whose firmware does not support hairpinning"},
};

Generated generate(uint64_t seed);

const Template kTemplate = {"nat-hairpin",
                            "Reaching your own server through the public address",
                            Topic::Nat,
                            QuestionType::SingleChoice,
                            {"network-plus:2.1"},
                            3,
                            {"R5.5"},
                            generate};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  const Box box = pick(random, kBoxes);
  nat::Profile profile = *nat::find_profile(box.profile);
  profile.hairpin = box.hairpin;
  const net::Ipv4 wan = random_wan(random);
  const net::Ipv4 server_host = random_lan_host(random);
  const net::Ipv4 laptop = random_lan_host_besides(random, server_host);
  const auto port = static_cast<uint16_t>(random.between(1024, 40000));
  const net::Endpoint server{server_host, port};
  const net::Endpoint from{laptop, static_cast<uint16_t>(random.between(32768, 60999))};
  const net::Endpoint public_end{wan, port};
  const uint64_t nat_seed = engine_seed(seed, 12);

  nat::Network network(home_topology(wan), profile, nullptr, nat_seed);
  nat::ForwardRule rule;
  rule.proto = nat::ForwardProto::Tcp;
  rule.external = {port, port};
  rule.target = server_host;
  rule.target_port = port;
  network.router().forwards().add(rule, network.topology().lan);
  const nat::Packet syn{net::Transport::Tcp, from, public_end, nat::kSyn};
  nat::Trace trace;
  const nat::Delivery in = network.send(syn, &trace);
  std::string outcome = kOther;
  std::string why = trace.reason;
  if (in.action == nat::Action::Dropped) {
    outcome = kDropped;
  } else if (in.packet.dst == server) {
    const net::Ipv4 source = in.packet.src.addr;
    nat::Trace back_trace;
    const nat::Delivery back = network.answer(syn, in, &back_trace);
    const bool answered = back.action != nat::Action::Dropped;
    if (source == laptop && !answered) {
      outcome = kDirect;
      why = back_trace.reason;
    } else if (source == network.topology().lan.addr && answered) {
      outcome = kLanSource;
    } else if (source == wan && answered) {
      outcome = kPublicSource;
    }
  }

  Generated g = start(kTemplate, seed);
  state(g, "profile", profile.key, false);
  state(g, "hairpin", box.hairpin ? "yes" : "no", false);
  state(g, "wan", net::to_string(wan));
  state(g, "server", net::to_string(server));
  state(g, "laptop", net::to_string(from));
  state(g, "nat_seed", std::to_string(nat_seed), false);
  g.question.prompt = std::string(box.described) + " has the public address " +
                      net::to_string(wan) + " and forwards TCP port " + std::to_string(port) +
                      " to the server " + net::to_string(server) + ". The laptop " +
                      net::to_string(from.addr) + " on the same LAN connects from " +
                      net::to_string(from) + " to " + net::to_string(public_end) +
                      ". What happens?";

  const std::string lan_router = net::to_string(network.topology().lan.addr);
  Choices choices;
  auto add = [&](const char* key, const std::string& text) {
    if (outcome == key)
      choices.right(key, text, right_because(why));
    else
      choices.wrong(key, text, wrong_because("here " + lower_first(why)));
  };
  add(kDropped,
      "The router drops it: it does not loop packets for its own public address back "
      "into the LAN");
  add(kDirect, "The server gets it from " + net::to_string(from) +
                   " and answers directly, so "
                   "the laptop rejects the answer and the connection fails");
  add(kLanSource,
      "It works, and the server sees the router's LAN address " + lan_router + " as the source");
  add(kPublicSource,
      "It works, and the server sees the public address " + net::to_string(wan) + " as the source");
  choices.finish(g, nullptr);
  g.answer = outcome;
  g.question.explanation = cite(why, {"R5.5"});
  return g;
}

}  // namespace

const Template& nat_hairpin_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
