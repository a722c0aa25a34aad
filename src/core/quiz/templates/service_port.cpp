// "Which port does <service> use?" with the service named as CompTIA N10-009
// objective 1.4 names it (DNS, SMB, RDP, SQL Server, SMTPS, ...), graded on
// every port the exam lists for it: 20 or 21 for FTP, 67 or 68 for DHCP,
// 5060 or 5061 for SIP. SMTPS is the one name where the exam and the
// standards part: the exam keys 587, RFC 8314 calls implicit-TLS submission
// on 465 "submissions"; both are accepted and the feedback says which one
// the exam expects.
#include "core/ports/exam_ports.h"
#include "core/quiz/templates/builder.h"
#include "core/quiz/templates/catalog.h"

namespace portlab::quiz::gen {
namespace {

constexpr uint16_t kSubmissionsPort = 465;  // RFC 8314 section 7.3

std::string ports_text(const std::vector<uint16_t>& ports) {
  std::vector<std::string> numbers;
  for (uint16_t port : ports) numbers.push_back(std::to_string(port));
  return and_list(numbers);
}

Generated generate(uint64_t seed);

const Template kTemplate = {"service-port",         "Which port a service uses, named as the exam names it",
                            Topic::Ports,           QuestionType::Numeric,
                            {"network-plus:1.4"},   1,
                            {"R6.1"},               generate};

Generated generate(uint64_t seed) {
  sim::Random random(seed);
  const ports::ExamService& service = pick(random, ports::exam_services());
  const std::string name = service.name;
  const std::string listed = ports_text(service.ports);
  const bool smtps = std::string(service.item) == "smtps";

  Generated g = start(kTemplate, seed);
  state(g, "service", name);
  g.question.prompt = "Which port does " + name + " use? (CompTIA Network+ names it " + name + ".)";
  Question& q = g.question;
  for (uint16_t port : service.ports) {
    const ports::ExamPort* row = ports::find_exam_port(port);
    const std::string why = row ? row->note : name + " uses port " + std::to_string(port) + ".";
    q.numeric_answers.push_back({static_cast<double>(port), static_cast<double>(port), 1,
                                 right_because(why)});
  }
  if (smtps) {
    // Right by the standards, so it earns the credit, but the learner is told
    // which answer the exam expects.
    q.numeric_answers.push_back(
        {kSubmissionsPort, kSubmissionsPort, 1,
         right_because("465 is what the standards call implicit-TLS submission (submissions, "
                       "RFC 8314); CompTIA's N10-009 list keys SMTPS as 587, so answer 587 "
                       "there.")});
  }
  q.numeric_fallback_feedback =
      wrong_because(name + (service.ports.size() > 1 ? " uses ports " : " uses port ") + listed +
                    (smtps ? " in the exam's list (465 by the standards)" : "") + ".");
  g.answer = std::to_string(service.ports.front());
  q.explanation = cite(name + (service.ports.size() > 1 ? " uses ports " : " uses port ") + listed +
                           (smtps ? ": the exam's SMTPS is mail submission on 587 (RFC 6409, "
                                    "normally with STARTTLS), while RFC 8314 names implicit TLS "
                                    "on 465 submissions"
                                  : ""),
                       {"R6.1"});
  return g;
}

}  // namespace

const Template& service_port_template() { return kTemplate; }

}  // namespace portlab::quiz::gen
