// The NAT Lab's challenges: each is a small scenario (the same JSON format
// as lessons/scenarios, docs/nat-scenarios.md) plus a goal the engine
// checks: one packet of the timeline must reach one inside endpoint.
#include "core/labs/nat_lab_challenges.h"

namespace portlab::labs {
namespace {

// Forwarding: the friend joins a game server on the LAN; nothing forwards
// 25565 yet, so the SYN ends at the router.
const char* const kGameServer = R"({
  "profile": "linux",
  "router": {"lan": "192.168.1.1/24", "wan": "203.0.113.1"},
  "hosts": [{"name": "laptop", "address": "192.168.1.10"},
            {"name": "game-server", "address": "192.168.1.30"},
            {"name": "friend", "address": "198.51.100.50"}],
  "events": [
    {"send": {"proto": "tcp", "from": "192.168.1.10:41000", "to": "198.51.100.50:443",
              "reply": true}},
    {"send": {"proto": "tcp", "from": "198.51.100.50:50002", "to": "203.0.113.1:25565",
              "reply": true}}
  ]
})";

// Forwarding with different ports: the web server listens on 80 but the
// friend must use 8081 (many ISPs block 80 inbound).
const char* const kWebServer = R"({
  "profile": "linux",
  "router": {"lan": "192.168.1.1/24", "wan": "203.0.113.1"},
  "hosts": [{"name": "web-server", "address": "192.168.1.20"},
            {"name": "friend", "address": "198.51.100.50"}],
  "events": [
    {"send": {"proto": "tcp", "from": "198.51.100.50:50000", "to": "203.0.113.1:8081",
              "reply": true}}
  ]
})";

// Hole punching: the laptop registers with a rendezvous server, sends to
// the peer to open its NAT, and the peer answers at the public port the
// rendezvous server saw (event 2 is aimed there at run time).
const char* const kVideoCall = R"({
  "profile": "symmetric",
  "router": {"lan": "192.168.1.1/24", "wan": "203.0.113.1"},
  "hosts": [{"name": "laptop", "address": "192.168.1.10"},
            {"name": "rendezvous", "address": "198.51.100.7"},
            {"name": "peer", "address": "192.0.2.44"}],
  "events": [
    {"send": {"proto": "udp", "from": "192.168.1.10:5000", "to": "198.51.100.7:3478",
              "reply": true}},
    {"send": {"proto": "udp", "from": "192.168.1.10:5000", "to": "192.0.2.44:6000"}},
    {"send": {"proto": "udp", "from": "192.0.2.44:6000", "to": "203.0.113.1:5000"}}
  ]
})";

}  // namespace

const std::vector<ChallengeSpec>& challenge_specs() {
  static const std::vector<ChallengeSpec> specs = [] {
    std::vector<ChallengeSpec> all;

    ChallengeSpec game;
    game.id = "game-server";
    game.title = "Let your friend reach the game server";
    game.goal =
        "Your friend at 198.51.100.50 wants to join the game server on 192.168.1.30, which "
        "listens on TCP port 25565. Make their connection to 203.0.113.1:25565 reach it.";
    game.hints = {
        "The friend's SYN stops at the router: nothing tells it which LAN host should get "
        "port 25565.",
        "Add a forwarding rule: protocol tcp, external port 25565, internal address "
        "192.168.1.30, internal port 25565."};
    game.scenario_json = kGameServer;
    game.event_titles = {"The laptop opens a web page (outbound traffic works without help).",
                         "The friend connects to 203.0.113.1:25565 to join the game."};
    game.goal_event = 1;
    game.goal_target = "192.168.1.30:25565";
    game.uses_rules = true;
    all.push_back(game);

    ChallengeSpec web;
    web.id = "web-server-8081";
    web.title = "Publish a web server on another port";
    web.goal =
        "Your web server on 192.168.1.20 listens on TCP port 80, but your provider blocks "
        "port 80 inbound. Make 203.0.113.1:8081 reach the web server.";
    web.hints = {"A forwarding rule may change the port: external and internal ports can differ.",
                 "Forward tcp 8081 to 192.168.1.20 port 80."};
    web.scenario_json = kWebServer;
    web.event_titles = {"The friend opens http://203.0.113.1:8081/."};
    web.goal_event = 0;
    web.goal_target = "192.168.1.20:80";
    web.uses_rules = true;
    all.push_back(web);

    ChallengeSpec call;
    call.id = "video-call";
    call.title = "Why does this video call fail under symmetric NAT?";
    call.goal =
        "The laptop registers with a rendezvous server, which tells the peer the laptop's "
        "public address and port. The laptop sends to the peer to open a hole, and the peer "
        "sends to the port the rendezvous server saw. Under the symmetric NAT that packet is "
        "dropped. Choose a NAT behaviour under which it reaches the laptop, then press Check.";
    call.hints = {
        "Compare the public port the rendezvous server saw with the one the peer saw.",
        "A symmetric NAT gives every new remote ip:port its own public port "
        "(address-and-port-dependent mapping), so the port the rendezvous server learned is "
        "not open for the peer. Endpoint-independent mapping keeps one public port."};
    call.scenario_json = kVideoCall;
    call.event_titles = {"The laptop registers with the rendezvous server.",
                         "The laptop sends to the peer to open a hole in its NAT.",
                         "The peer sends to the public port the rendezvous server saw."};
    call.aims = {{2, 0}};
    call.goal_event = 2;
    call.goal_target = "192.168.1.10:5000";
    call.choices = {"symmetric", "full_cone", "restricted_cone", "port_restricted_cone"};
    all.push_back(call);
    return all;
  }();
  return specs;
}

const ChallengeSpec* find_challenge_spec(const std::string& id) {
  for (const ChallengeSpec& s : challenge_specs())
    if (s.id == id) return &s;
  return nullptr;
}

}  // namespace portlab::labs
