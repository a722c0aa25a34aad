// The record of what happened to one packet or request: a list of steps,
// each a decision or a move the UI can animate and a learner can read.
//
// Recording is optional: engines take a Trace* and build explanation text
// only when it is not null, so the benchmark's per-packet path never
// formats a string.
#pragma once

#include <string>
#include <vector>

namespace portlab::nat {

struct Step {
  std::string kind;   // "hop", "mapping-created", "drop", ... (see docs/nat-scenarios.md)
  std::string where;  // "lan", "router.lan", "router.nat", "router.wan", "cgn.nat", "internet"
  std::string explanation;   // one sentence naming the addresses and ports involved
  std::string rule;          // "R5.1".."R5.6", or a section such as "§5.3"
  bool approximate = false;  // rests on a [?] item of the reference
};

struct Trace {
  std::vector<Step> steps;
  // One sentence summing up the outcome (the last decision that mattered).
  std::string reason;

  void add(std::string kind, std::string where, std::string explanation, std::string rule,
           bool approximate = false) {
    steps.push_back(
        {std::move(kind), std::move(where), std::move(explanation), std::move(rule), approximate});
  }
  // A step that is also the outcome's reason.
  void decide(std::string kind, std::string where, std::string explanation, std::string rule,
              bool approximate = false) {
    reason = explanation;
    add(std::move(kind), std::move(where), std::move(explanation), std::move(rule), approximate);
  }
};

}  // namespace portlab::nat
