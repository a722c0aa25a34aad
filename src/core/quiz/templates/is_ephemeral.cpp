// "Can OS X hand out port P as an ephemeral port?" (R2.1 against R1.3): the
// answer is the simulated host's auto-assignment range, never the IANA
// class of the port, which is the misconception this question targets.
#include "core/ports/os_settings.h"
#include "core/ports/port_ranges.h"
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"

namespace portlab::quiz::gen {
namespace {

// Ports on both sides of every default range's ends and of the IANA
// Dynamic range, where the misconception bites.
constexpr uint16_t kTellingPorts[] = {1024,  1025,  5000,  5001,  9999,  10000, 32767, 32768,
                                      40000, 49151, 49152, 55000, 60999, 61000, 65535};

std::string span(ports::PortRange r) { return std::to_string(r.lo) + "-" + std::to_string(r.hi); }

Generated generate(uint64_t seed);

const Template kTemplate = {
    "ephemeral-or-not",   "Is a port handed out as ephemeral by an operating system",
    Topic::Ranges,        QuestionType::TrueFalse,
    {},                   2,
    {"R2.1", "R1.3"},     generate};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  const ports::OsProfile& os = pick(random, ports::os_profiles());
  const uint16_t port = chance(random, 60) ? pick(random, kTellingPorts)
                                           : static_cast<uint16_t>(random.between(1024, 65535));
  const ports::PortRange range = ports::OsSettings(os).ephemeral(net::Transport::Tcp);
  const bool inside = range.contains(port);
  const std::string p = std::to_string(port);
  const ports::IanaRange& iana = ports::iana_range(ports::classify(port));

  Generated g = start(kTemplate, seed);
  state(g, "os", os.key, false);
  state(g, "os_name", os.name);
  state(g, "port", p);
  g.question.prompt = "With its default settings, " + std::string(os.name) + " may pick port " + p +
                      " as the local port of an outgoing connection (an ephemeral port).";
  g.question.truth = inside;
  g.answer = inside ? "true" : "false";
  const std::string fact = std::string(os.name) + " auto-assigns " + span(range) + " and " + p +
                           " is " +
                           (inside            ? "inside"
                            : port < range.lo ? "below"
                                              : "above") +
                           " it";
  g.question.feedback_if_true = inside ? right_because(fact + ".") : wrong_because(fact + ".");
  g.question.feedback_if_false = inside ? wrong_because(fact + ".") : right_because(fact + ".");
  g.question.explanation =
      cite(fact + ", whatever the IANA range says (" + p + " is one of the " + iana.name + ")",
           {"R2.1", "R1.3"});
  return g;
}

}  // namespace

const Template& is_ephemeral_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
