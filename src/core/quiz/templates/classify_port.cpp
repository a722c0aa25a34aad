// "Which IANA range is port P in?" (R1.2), answered by ports::classify.
#include "core/ports/port_ranges.h"
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"

namespace portlab::quiz::gen {
namespace {

// Ports at the edges of the ranges and famous ports learners misfile
// (443 is a System port, 8080 and 3389 are User ports).
constexpr uint16_t kTellingPorts[] = {0,    1,     22,    443,   1023,  1024,  1025, 3389,
                                      8080, 32768, 49151, 49152, 60999, 61000, 65535};

std::string span(const ports::IanaRange& r) {
  return std::to_string(r.ports.lo) + "-" + std::to_string(r.ports.hi);
}

Generated generate(uint64_t seed);

const Template kTemplate = {"classify-port",      "Classify a port into its IANA range",
                            Topic::Ranges,        QuestionType::SingleChoice,
                            {"network-plus:1.4"}, 1,
                            {"R1.2", "R1.3"},     generate};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  const uint16_t port =
      chance(random, 35) ? pick(random, kTellingPorts) : static_cast<uint16_t>(random.below(65536));
  const std::string p = std::to_string(port);
  const ports::IanaRange& in = ports::iana_range(ports::classify(port));

  Generated g = start(kTemplate, seed);
  state(g, "port", p);
  g.question.prompt = "Which IANA range (RFC 6335) does port " + p + " belong to?";
  Choices choices;
  for (const ports::IanaRange& r : ports::iana_ranges()) {
    const std::string text = std::string(r.name) + " (" + span(r) + ")";
    if (&r == &in)
      choices.right(r.key, text,
                    right_because(p + " lies in " + span(r) + ", the " + r.name + " (once called " +
                                  r.older_names.front() + ")."));
    else
      choices.wrong(r.key, text,
                    wrong_because(std::string(r.name) + " cover " + span(r) + " and " + p + " is " +
                                  (port < r.ports.lo ? "below" : "above") + " that."));
  }
  choices.finish(g, nullptr);  // the ranges' own order, low to high
  g.question.explanation =
      cite("Port " + p + " lies in " + span(in) + ", which RFC 6335 calls the " + in.name +
               ", a label that by itself neither grants nor forbids binding the port",
           {"R1.2", "R1.3"});
  return g;
}

}  // namespace

const Template& classify_port_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
