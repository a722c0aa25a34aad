// "Which service is registered at port P/transport T?" (R1.4), answered by
// the IANA registry lookup keyed by (port, transport).
//
// Only exam-table ports (section 6) whose registry entry is unambiguous are
// asked: the transports each protocol really uses, plus any other transport
// where the registry names a different service (514/tcp shell next to
// 514/udp syslog), which is exactly what R1.4 is about.
#include <algorithm>

#include "core/ports/exam_ports.h"
#include "core/ports/registry_data.h"
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"

namespace portlab::quiz::gen {
namespace {

using net::Transport;

struct Asked {
  uint16_t port;
  Transport transport;
};

const ports::PortRegistry& registry() { return *ports::embedded_port_registry().registry; }

const std::vector<Asked>& askable() {
  static const std::vector<Asked> list = [] {
    std::vector<Asked> out;
    for (const ports::ExamPort& row : ports::exam_ports()) {
      if (row.approximate) continue;
      for (Transport t : {Transport::Tcp, Transport::Udp}) {
        const ports::ServiceEntry* e = registry().find(row.port, t);
        if (!e || e->is_block()) continue;
        // Two names on one port and transport (465/tcp: urd and
        // submissions) would make two right answers.
        if (registry().find_all(row.port, t).size() > 1) continue;
        if (row.used.has(t) || e->name != row.registry_name) out.push_back({row.port, t});
      }
    }
    return out;
  }();
  return list;
}

// "port 25 (tcp/udp)": the first place the registry lists a name.
std::string where_registered(std::string_view name) {
  std::vector<const ports::ServiceEntry*> found = registry().find_name(name);
  if (found.empty()) return "another port";
  const ports::ServiceEntry* e = found.front();
  return "port " + std::to_string(e->first_port) + " (" + net::to_string(e->transports) + ")";
}

Generated generate(uint64_t seed);

const Template kTemplate = {"service-at-port",
                            "Which service is registered at a port and transport",
                            Topic::Ports,
                            QuestionType::SingleChoice,
                            {"network-plus:1.4"},
                            2,
                            {"R1.4"},
                            generate};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  const Asked asked = pick(random, askable());
  const std::string where = std::to_string(asked.port) + "/" + net::to_string(asked.transport);
  const ports::ServiceEntry& entry = *registry().find(asked.port, asked.transport);
  const std::string name(entry.name);

  Generated g = start(kTemplate, seed);
  state(g, "port", std::to_string(asked.port));
  state(g, "transport", net::to_string(asked.transport));
  g.question.prompt =
      "In the IANA service name and port number registry, which service is "
      "registered at " +
      where + "?";
  const std::string described =
      entry.description.empty() ? name : name + " (" + std::string(entry.description) + ")";
  Choices choices;
  choices.right(name, ports::with_exam_name(name, asked.port),
                right_because("the registry lists " + where + " as " + described + "."));

  // The other transport of the same number first, when the registry names a
  // different service there: the lookup is keyed by both (R1.4).
  const Transport other = asked.transport == Transport::Tcp ? Transport::Udp : Transport::Tcp;
  if (const ports::ServiceEntry* o = registry().find(asked.port, other); o && o->name != name) {
    const std::string there = std::to_string(asked.port) + "/" + net::to_string(other);
    choices.wrong(std::string(o->name), std::string(o->name),
                  wrong_because(std::string(o->name) + " is registered at " + there +
                                "; the same number names " + name + " on " +
                                net::to_string(asked.transport) + "."));
  }
  // Then services of other exam ports.
  while (choices.size() < 4) {
    const ports::ExamPort& row = pick(random, ports::exam_ports());
    if (row.approximate || row.port == asked.port || choices.has_key(row.registry_name)) continue;
    choices.wrong(row.registry_name, ports::with_exam_name(row.registry_name, row.port),
                  wrong_because(std::string(row.registry_name) + " is registered at " +
                                where_registered(row.registry_name) + ", not " + where + "."));
  }
  choices.finish(g, &random);
  const std::string exam_note =
      ports::with_exam_name(name, asked.port) == name
          ? ""
          : ", which the exam calls " + std::string(ports::exam_name(asked.port));
  g.question.explanation = cite("The registry is keyed by port and transport, and it lists " +
                                    where + " as " + described + exam_note,
                                {"R1.4"});
  return g;
}

}  // namespace

const Template& service_at_port_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
