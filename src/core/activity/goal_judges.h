// One judge per goal word (activity_syntax.h reads the words): each looks
// at its lab's state and says whether the goal holds, in the engine's own
// words. evaluate() (goals.cpp) calls them in turn.
#pragma once

#include "core/activity/activity.h"
#include "core/activity/activity_syntax.h"

namespace portlab::activity {

// Bind Lab: bind ok / bind fails (goal_host.cpp).
Verdict judge_bind(const Goal& goal, const labs::BindLab& lab);
// Ephemeral Lab: call ok / call fails / sockets (goal_host.cpp).
Verdict judge_calls(const Goal& goal, const labs::EphemeralLab& lab);
// NAT Lab: delivered / dropped / reachable / mapping / challenge solved
// (goal_nat.cpp).
Verdict judge_nat(const Goal& goal, const labs::NatLab& lab);

}  // namespace portlab::activity
