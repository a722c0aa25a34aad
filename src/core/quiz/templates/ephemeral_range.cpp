// "What is the default ephemeral port range of OS X?" (R2.1), answered by
// the range a freshly configured simulated host of that OS hands out.
#include "core/ports/os_settings.h"
#include "core/ports/port_ranges.h"
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"

namespace portlab::quiz::gen {
namespace {

std::string span(ports::PortRange r) { return std::to_string(r.lo) + "-" + std::to_string(r.hi); }

ports::PortRange default_range(const ports::OsProfile& os) {
  return ports::OsSettings(os).ephemeral(net::Transport::Tcp);
}

// "Linux" or "macOS and Windows (Vista and later)": who uses this range.
std::string systems_with(ports::PortRange range) {
  std::vector<std::string> names;
  for (const ports::OsProfile& os : ports::os_profiles())
    if (default_range(os) == range) names.push_back(os.name);
  return and_list(names);
}

Generated generate(uint64_t seed);

const Template kTemplate = {"ephemeral-range",
                            "Default ephemeral port range of an operating system",
                            Topic::Ephemeral,
                            QuestionType::SingleChoice,
                            {},  // per-OS ranges are no exam objective
                            2,
                            {"R2.1"},
                            generate};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  const ports::OsProfile& os = pick(random, ports::os_profiles());
  const ports::PortRange range = default_range(os);

  Generated g = start(kTemplate, seed);
  state(g, "os", os.key, false);
  state(g, "os_name", os.name);
  g.question.prompt = "Which local ports does " + std::string(os.name) +
                      " hand out automatically (its default ephemeral port range)?";
  Choices choices;
  for (const ports::OsProfile& other : ports::os_profiles()) {
    const ports::PortRange r = default_range(other);
    if (choices.has_key(span(r))) continue;
    if (r == range)
      choices.right(span(r), span(r),
                    right_because(span(r) + " is the default of " + systems_with(r) + "."));
    else
      choices.wrong(span(r), span(r),
                    wrong_because(span(r) + " is the default of " + systems_with(r) + ", not of " +
                                  os.name + "."));
  }
  choices.finish(g, &random);
  const ports::PortRange dynamic = ports::iana_range(ports::PortClass::Dynamic).ports;
  g.question.explanation = cite(std::string(os.name) + " hands out ports " + span(range) + " (" +
                                    std::to_string(range.size()) + " ports) by default, which " +
                                    (range == dynamic ? "matches" : "is not") +
                                    " the IANA Dynamic range " + span(dynamic),
                                {"R2.1"});
  return g;
}

}  // namespace

const Template& ephemeral_range_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
