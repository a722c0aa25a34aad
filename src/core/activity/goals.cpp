// evaluate(): every goal of an activity judged against the labs as they
// are now; the words each judge uses are the engines' own.
#include "core/activity/goal_judges.h"
#include "core/text.h"

namespace portlab::activity {
namespace {

Verdict judge_answer(const Goal& goal, const Inputs& inputs) {
  const std::string typed = fold(inputs.answer);
  for (const std::string& value : goal.answers)
    if (!typed.empty() && typed == fold(value)) return {true, "Right: " + value + "."};
  if (typed.empty()) return {false, ""};
  return {false, "'" + std::string(text::trim(inputs.answer)) + "' is not the value asked for."};
}

Verdict judge(const std::string& lab, const Line& line, const Labs& labs, const Inputs& inputs) {
  GoalRead read = read_goal(lab, line.text);
  if (!read.goal) return {false, "This goal cannot be judged: " + read.error};
  const Goal& g = *read.goal;
  const Verdict not_open{false, "The " + lab + " lab is not open."};
  switch (g.word) {
    case Goal::Word::Answer:
      return judge_answer(g, inputs);
    case Goal::Word::BindOk:
    case Goal::Word::BindFails:
      return labs.bind ? judge_bind(g, *labs.bind) : not_open;
    case Goal::Word::CallOk:
    case Goal::Word::CallFails:
    case Goal::Word::Sockets:
      return labs.ephemeral ? judge_calls(g, *labs.ephemeral) : not_open;
    case Goal::Word::Delivered:
    case Goal::Word::Dropped:
    case Goal::Word::Reachable:
    case Goal::Word::Mapping:
    case Goal::Word::ChallengeSolved:
      return labs.nat ? judge_nat(g, *labs.nat) : not_open;
  }
  return {false, ""};
}

void add_sentence(std::string& to, const std::string& sentence) {
  if (sentence.empty()) return;
  if (!to.empty()) to += " ";
  to += sentence;
}

}  // namespace

// All goals must hold. A met verdict explains every goal; an unmet one
// explains only those still open, which is what the learner needs next.
Verdict evaluate(const Activity& activity, const Labs& labs, const Inputs& inputs) {
  Verdict all{!activity.goals.empty(), ""};
  std::string open;
  for (const Line& line : activity.goals) {
    Verdict v = judge(activity.lab, line, labs, inputs);
    add_sentence(all.explanation, v.explanation);
    if (!v.met) {
      all.met = false;
      add_sentence(open, v.explanation);
    }
  }
  if (!all.met) all.explanation = open;
  return all;
}

}  // namespace portlab::activity
