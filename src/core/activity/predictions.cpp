// Predict, then run: the learner's answer beside the engine's, read from
// the lab after the run lines have been done.
#include "core/activity/activity_syntax.h"
#include "core/activity/prediction_engine.h"

namespace portlab::activity {
namespace {

// The calls the run made: those after the preset's own, unless the run
// started the lab over (a reset), when every call left is the run's.
template <typename T>
std::vector<const T*> made_since(const std::vector<T>& all, size_t before) {
  std::vector<const T*> made;
  for (size_t i = all.size() >= before ? before : 0; i < all.size(); ++i) made.push_back(&all[i]);
  return made;
}

// errno / port / connections over a list of decisions (bind attempts or
// calls, whichever the lab makes).
EngineAnswer read_decisions(PredictKind kind, const std::vector<const host::Decision*>& made, const char* what) {
  EngineAnswer a;
  if (made.empty()) {
    a.problem = std::string("the run makes no ") + what;
    return a;
  }
  switch (kind) {
    case PredictKind::Errno: {
      const host::Decision& d = *made.back();
      a.value = d.ok ? "OK" : d.error;
      a.explanation = d.explanation;
      return a;
    }
    case PredictKind::Port:
      for (auto it = made.rbegin(); it != made.rend(); ++it)
        if ((*it)->ok) {
          a.value = std::to_string((*it)->port);
          a.explanation = (*it)->explanation;
          return a;
        }
      a.problem = std::string("no ") + what + " of the run succeeds, so there is no port to predict";
      return a;
    case PredictKind::Connections: {
      int ok = 0;
      a.explanation = made.back()->explanation;
      for (const host::Decision* d : made) {
        if (!d->ok) {
          a.explanation = d->explanation;
          break;
        }
        ++ok;
      }
      a.value = std::to_string(ok);
      return a;
    }
    default:
      a.problem = std::string("predict: ") + to_string(kind) + " is not asked in this lab";
      return a;
  }
}

EngineAnswer read_nat(PredictKind kind, const labs::NatLab& lab) {
  EngineAnswer a;
  const auto& records = lab.records();
  for (auto r = records.rbegin(); r != records.rend(); ++r) {
    if (kind == PredictKind::Delivered) {
      if (r->packets.empty()) continue;
      const labs::NatPacket& p = r->packets.front();
      a.value = p.action == nat::Action::Dropped ? "no" : "yes";
      a.explanation = p.reason;
      return a;
    }
    for (auto p = r->packets.rbegin(); p != r->packets.rend(); ++p)
      if (p->action == nat::Action::Translated) {
        a.value = std::to_string(p->after.src.port);
        a.explanation = p->reason;
        return a;
      }
  }
  a.problem = kind == PredictKind::Delivered ? "the run sends no packet"
                                             : "no packet of the run leaves through the router";
  return a;
}

}  // namespace

std::string apply_activity_preset(const Activity& activity, Labs& labs) {
  const std::string missing = "the " + activity.lab + " lab is not open";
  switch (lab_kind(activity.lab)) {
    case LabKind::Bind: return labs.bind ? labs.bind->apply_preset(activity.preset) : missing;
    case LabKind::Ephemeral: return labs.ephemeral ? labs.ephemeral->apply_preset(activity.preset) : missing;
    case LabKind::Nat: return labs.nat ? labs.nat->apply_preset(activity.preset) : missing;
    case LabKind::Explorer: return "";
    case LabKind::Unknown: break;
  }
  return "'" + activity.lab + "' is not a lab";
}

EngineAnswer engine_answer(const Activity& activity, Labs& labs) {
  EngineAnswer a;
  a.line = activity.prediction ? activity.prediction->line : activity.line;
  if (!activity.prediction) {
    a.problem = "the activity asks for no prediction";
    return a;
  }
  a.problem = apply_activity_preset(activity, labs);
  if (!a.problem.empty()) {
    a.line = activity.line;
    return a;
  }
  const LabKind lab = lab_kind(activity.lab);
  const size_t binds = lab == LabKind::Bind ? labs.bind->history().size() : 0;
  const size_t calls = lab == LabKind::Ephemeral ? labs.ephemeral->allocations().size() : 0;
  Inputs inputs;
  for (const Line& line : activity.run.empty() ? activity.solution : activity.run) {
    const std::string why = perform(activity.lab, line.text, labs, inputs);
    if (!why.empty()) return {"", "", "'" + line.text + "' cannot be done: " + why, line.line};
  }
  const PredictKind kind = activity.prediction->kind;
  EngineAnswer read;
  if (lab == LabKind::Bind) {
    std::vector<const host::Decision*> made;
    for (const labs::BindAttempt* at : made_since(labs.bind->history(), binds)) made.push_back(&at->decision);
    read = read_decisions(kind, made, "bind()");
  } else if (lab == LabKind::Ephemeral) {
    std::vector<const host::Decision*> made;
    for (const labs::Allocation* at : made_since(labs.ephemeral->allocations(), calls))
      made.push_back(&at->decision);
    read = read_decisions(kind, made, "call");
  } else if (lab == LabKind::Nat) {
    read = read_nat(kind, *labs.nat);
  } else {
    read.problem = std::string("predict: ") + to_string(kind) + " cannot be asked in lab: " + activity.lab;
  }
  read.line = a.line;
  return read;
}

PredictionOutcome run_prediction(const Activity& activity, Labs& labs, const std::string& predicted) {
  PredictionOutcome out;
  out.predicted = predicted;
  EngineAnswer a = engine_answer(activity, labs);
  if (!a.problem.empty()) {
    out.problem = a.problem;
    return out;
  }
  out.engine = a.value;
  out.explanation = a.explanation;
  const std::string learner = normal_answer(activity.prediction->kind, predicted);
  out.right = !learner.empty() && learner == normal_answer(activity.prediction->kind, a.value);
  return out;
}

}  // namespace portlab::activity
