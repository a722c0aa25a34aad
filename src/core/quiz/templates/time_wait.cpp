// "How long until the same connection can be made again after an active
// close on OS X?" (R3.6): measured on the simulated host by stepping its
// clock a second at a time until the TIME_WAIT entry is gone. Systems whose
// TIME_WAIT the reference marks [?] (modern Windows, Solaris) are never
// asked.
#include "core/host/host.h"
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"

namespace portlab::quiz::gen {
namespace {

constexpr int kMaxSeconds = 600;

const std::vector<const ports::OsProfile*>& graded_systems() {
  static const std::vector<const ports::OsProfile*> list = [] {
    std::vector<const ports::OsProfile*> out;
    for (const ports::OsProfile& os : ports::os_profiles())
      if (!os.time_wait_approximate) out.push_back(&os);
    return out;
  }();
  return list;
}

// Seconds from the active close until the simulated host forgets the
// 4-tuple (kMaxSeconds + 1 if it never does).
int time_wait_seconds(const ports::OsProfile& os, uint64_t seed, uint16_t local_port,
                      net::Endpoint server, net::Endpoint* local) {
  host::Host h(os, seed);
  host::SocketId id = h.open(net::Transport::Tcp);
  h.bind(id, net::Ipv4{}, local_port);
  h.connect(id, server);
  *local = h.socket(id)->local;  // the address connect() sent from
  h.close(id, true);
  int seconds = 0;
  while (h.socket(id) != nullptr && seconds <= kMaxSeconds) {
    h.advance(sim::kSecond);
    ++seconds;
  }
  return seconds;
}

Generated generate(uint64_t seed);

const Template kTemplate = {"time-wait",
                            "How long TIME_WAIT holds a connection's 4-tuple",
                            Topic::Ephemeral,
                            QuestionType::Numeric,
                            {},
                            2,
                            {"R3.6"},
                            generate,
                            /*advanced=*/true};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  const ports::OsProfile& os = *pick(random, graded_systems());
  const auto local_port = static_cast<uint16_t>(random.between(20000, 40000));
  const net::Endpoint server{{static_cast<uint32_t>(0xCB007100 + random.between(1, 254))}, 443};
  const uint64_t host_seed = engine_seed(seed, 7);
  net::Endpoint local_end;
  const int seconds = time_wait_seconds(os, host_seed, local_port, server, &local_end);

  Generated g = start(kTemplate, seed);
  const std::string local = net::to_string(local_end);
  state(g, "os", os.key, false);
  state(g, "os_name", os.name);
  state(g, "local_port", std::to_string(local_port));
  state(g, "server", net::to_string(server));
  state(g, "host_seed", std::to_string(host_seed), false);
  g.question.prompt = "A client on " + std::string(os.name) + " binds local port " +
                      std::to_string(local_port) + ", connects to " + net::to_string(server) +
                      " and closes the connection first (an active close). After how many "
                      "seconds can it open a connection with exactly the same addresses and "
                      "ports again, with default settings?";
  g.answer = std::to_string(seconds);
  const std::string s = std::to_string(seconds);
  accept_number(g, seconds,
                right_because(std::string(os.name) +
                              " keeps the closed connection in TIME_WAIT "
                              "for " +
                              s + " s."));
  // Other systems' values are the plausible mistakes (only graded ones).
  for (const ports::OsProfile* other : graded_systems()) {
    const int theirs = static_cast<int>(other->time_wait / sim::kSecond);
    if (theirs == seconds) continue;
    std::string names;
    for (const ports::OsProfile* o : graded_systems())
      if (o->time_wait == other->time_wait)
        names += std::string(names.empty() ? "" : " and ") + o->name;
    mistake_number(g, theirs,
                   wrong_because(std::to_string(theirs) + " s is the TIME_WAIT of " + names +
                                 ", not of " + os.name + " (" + s + " s)."));
  }
  mistake_number(g, 240,
                 wrong_because("240 s is RFC 9293's 2 x MSL with a 2-minute MSL; " +
                               std::string(os.name) + " uses " + s + " s."));
  mistake_number(g, 0,
                 wrong_because("the side that closes first keeps the 4-tuple in TIME_WAIT, so "
                               "the same connection is blocked for " +
                               s + " s."));
  g.question.numeric_fallback_feedback =
      wrong_because(std::string(os.name) + " holds TIME_WAIT for " + s + " s.");
  g.question.explanation =
      cite("The side that closes first keeps the 4-tuple " + local + " -> " +
               net::to_string(server) + " in TIME_WAIT, and " + os.name + " holds it for " + s +
               " s, so the same connection works again " + s + " s after the close",
           {"R3.6"});
  return g;
}

}  // namespace

const Template& time_wait_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
