// "Which transport does the service on port P use?" (R6.1, R6.2), graded
// by ports::transport_answer_correct on the exam table's "Used" column, not
// on what IANA registered.
#include <algorithm>

#include "core/ports/exam_ports.h"
#include "core/ports/registry_data.h"
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"

namespace portlab::quiz::gen {
namespace {

using net::Transport;
using net::TransportSet;

// The ports R6.2 names explicitly.
constexpr uint16_t kR62Ports[] = {53, 67, 68, 69, 123, 161, 162, 514};

const std::vector<const ports::ExamPort*>& graded_rows() {
  static const std::vector<const ports::ExamPort*> rows = [] {
    std::vector<const ports::ExamPort*> out;
    for (const ports::ExamPort& row : ports::exam_ports())
      if (!row.approximate) out.push_back(&row);
    return out;
  }();
  return rows;
}

// The transports IANA registered the service's name on at its port.
TransportSet registered(const ports::ExamPort& row) {
  TransportSet set;
  for (const ports::ServiceEntry* e : ports::embedded_port_registry().registry->at(row.port))
    if (e->name == row.registry_name) set = set | e->transports;
  return set;
}

std::string said(TransportSet set) {
  if (set == TransportSet{Transport::Tcp, Transport::Udp}) return "TCP and UDP";
  std::string out = net::to_string(set);
  for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return out;
}

Generated generate(uint64_t seed);

const Template kTemplate = {"service-transport",
                            "Which transport a service really uses",
                            Topic::Ports,
                            QuestionType::SingleChoice,
                            {"network-plus:1.4", "ccna:1.5"},
                            2,
                            {"R6.1", "R6.2"},
                            generate};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  const ports::ExamPort& row = *pick(random, graded_rows());
  const std::string p = std::to_string(row.port);
  const TransportSet iana = registered(row);
  const bool in_r62 =
      std::find(std::begin(kR62Ports), std::end(kR62Ports), row.port) != std::end(kR62Ports);

  Generated g = start(kTemplate, seed);
  state(g, "port", p);
  state(g, "service", row.name);
  const std::string named = ports::with_exam_name(row.registry_name, row.port);
  g.question.prompt = "Which transport does " + named + " on port " + p + " use in practice?";
  const std::string registry_note =
      iana.empty()
          ? ""
          : " (IANA registers " + std::string(row.registry_name) + " on " + said(iana) + ")";
  Choices choices;
  for (TransportSet answer : {TransportSet{Transport::Tcp}, TransportSet{Transport::Udp},
                              TransportSet{Transport::Tcp, Transport::Udp}}) {
    const std::string key = net::to_string(answer);
    if (ports::transport_answer_correct(row, answer))
      choices.right(key, said(answer), right_because(row.note));
    else
      choices.wrong(key, said(answer),
                    wrong_because(std::string(row.name) + " on port " + p + " uses " +
                                  said(row.used) + ", not " + said(answer) + registry_note + "."));
  }
  choices.finish(g, nullptr);  // TCP, UDP, both: the order learners expect
  std::string used = said(row.used);
  if (!row.also_used.empty()) used += ", and sometimes also " + said(row.also_used);
  g.question.explanation =
      cite(std::string(row.name) + " on port " + p + " uses " + used + registry_note +
               ", and transport answers follow what the protocol really uses, not the registry",
           std::vector<std::string>{"R6.1", in_r62 ? "R6.2" : ""});
  return g;
}

}  // namespace

const Template& service_transport_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
