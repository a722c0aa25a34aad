#include "core/model/simulation_tasks.h"

#include <algorithm>

#include "core/text.h"

namespace portlab::model {

namespace {

constexpr const char* kNatChallenge = "nat-challenge";

std::string param(const quiz::SimulationTask& task, const std::string& key) {
  for (const auto& [name, value] : task.params)
    if (name == key) return value;
  return "";
}

}  // namespace

std::string task_problem(const quiz::SimulationTask& task) {
  if (task.task_id != kNatChallenge)
    return "unknown simulation task \"" + task.task_id + "\"; PortLab knows " + kNatChallenge;
  const std::string challenge = param(task, "challenge");
  const std::vector<std::string> ids = labs::NatLab::challenge_ids();
  if (challenge.empty()) return std::string(kNatChallenge) + " needs challenge=<id> (" + text::join(ids, ", ") + ")";
  if (std::find(ids.begin(), ids.end(), challenge) == ids.end())
    return "no NAT Lab challenge called \"" + challenge + "\" (known: " + text::join(ids, ", ") + ")";
  return "";
}

nav::Route task_route(const quiz::SimulationTask& task) {
  return nav::Route{nav::Screen::Nat, {param(task, "challenge")}};
}

quiz::SimulationResponse check_task(const quiz::SimulationTask& task, const labs::NatLab& nat) {
  const std::string challenge = param(task, "challenge");
  if (nat.challenge_id() != challenge)
    return {false, "The NAT Lab does not have this challenge open: open the task first, then check."};
  // The engine's own account of its last run, so the feedback says what
  // happened to the packet rather than only "right" or "wrong".
  const std::string showed = nat.challenge() ? nat.challenge()->engine_showed : "";
  if (!nat.challenge_solved()) return {false, "Not solved yet. " + showed};
  return {true, "Solved. " + showed};
}

}  // namespace portlab::model
