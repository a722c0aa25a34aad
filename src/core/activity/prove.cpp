// `lessons check` proves every activity: on fresh labs set up from the
// preset no goal may hold yet (the learner would have nothing to do), the
// solution must run and must reach every goal, and a prediction's run must
// give an answer that the grading accepts.
#include <memory>

#include "core/activity/activity_syntax.h"
#include "core/activity/prediction_engine.h"

namespace portlab::activity {
namespace {

// Labs as a learner opening the step gets them.
struct FreshLabs {
  labs::BindLab bind;
  labs::EphemeralLab ephemeral;
  labs::NatLab nat;
  explicit FreshLabs(const std::vector<SourceFile>& scenarios) { nat.set_scenarios(scenarios); }
  Labs labs() { return {&bind, &ephemeral, &nat}; }
};

Verdict judge_one(const Activity& activity, const Line& goal, const Labs& labs, const Inputs& inputs) {
  Activity one = activity;
  one.goals = {goal};
  return evaluate(one, labs, inputs);
}

void prove_goals(const Activity& activity, const std::vector<SourceFile>& scenarios,
                 std::vector<course::Issue>& issues, const std::string& file) {
  auto fresh = std::make_unique<FreshLabs>(scenarios);
  Labs labs = fresh->labs();
  const std::string problem = apply_activity_preset(activity, labs);
  if (!problem.empty()) {
    issues.push_back({file, activity.line, "the lab cannot be set up from this block: " + problem});
    return;
  }
  Inputs inputs;
  for (const Line& goal : activity.goals)
    if (judge_one(activity, goal, labs, inputs).met)
      issues.push_back({file, goal.line, "goal is already met when the step opens"});
  for (const Line& action : activity.solution) {
    const std::string why = perform(activity.lab, action.text, labs, inputs);
    if (!why.empty()) {
      issues.push_back({file, action.line, "solution: '" + action.text + "' cannot be done: " + why});
      return;
    }
  }
  for (const Line& goal : activity.goals) {
    const Verdict v = judge_one(activity, goal, labs, inputs);
    if (!v.met)
      issues.push_back({file, goal.line, "the solution does not reach this goal: " +
                                             (v.explanation.empty() ? "nothing in the lab matches it" : v.explanation)});
  }
}

void prove_prediction(const Activity& activity, const std::vector<SourceFile>& scenarios,
                      std::vector<course::Issue>& issues, const std::string& file) {
  const Prediction& p = *activity.prediction;
  EngineAnswer engine;
  {
    auto fresh = std::make_unique<FreshLabs>(scenarios);
    Labs labs = fresh->labs();
    engine = engine_answer(activity, labs);
  }
  if (!engine.problem.empty()) {
    issues.push_back({file, engine.line, "the prediction's run fails: " + engine.problem});
    return;
  }
  auto fresh = std::make_unique<FreshLabs>(scenarios);
  Labs labs = fresh->labs();
  const PredictionOutcome graded = run_prediction(activity, labs, engine.value);
  if (!graded.problem.empty() || !graded.right) {
    issues.push_back({file, p.line, "the engine's own answer '" + engine.value + "' is not graded right" +
                                        (graded.problem.empty() ? "" : ": " + graded.problem)});
    return;
  }
  if (p.choices.empty()) return;
  for (const std::string& choice : p.choices)
    if (normal_answer(p.kind, choice) == normal_answer(p.kind, engine.value)) return;
  issues.push_back({file, p.line, "none of the choices is the engine's answer '" + engine.value + "'"});
}

}  // namespace

Proof prove(const Activity& activity, const std::vector<SourceFile>& scenarios, const std::string& file) {
  Proof proof;
  if (!activity.goals.empty()) prove_goals(activity, scenarios, proof.issues, file);
  if (activity.prediction) prove_prediction(activity, scenarios, proof.issues, file);
  proof.proven = proof.issues.empty();
  return proof;
}

}  // namespace portlab::activity
