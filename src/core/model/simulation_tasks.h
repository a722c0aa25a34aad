// Simulation-task questions: a question bank item that asks the learner to
// do something in a lab ("add the forwarding rule that lets your friend
// reach the game server") and is graded by the lab's engine, not by
// comparing an answer. In GIFT:
//
//   // @simulation nat-challenge challenge=game-server
//   ::nat-task-game-server:: Let your friend reach ... {####explanation}
//
// Task ids PortLab knows:
//   nat-challenge challenge=<id>   a NAT Lab challenge (labs/nat_lab.h);
//                                  done when the engine says it is solved.
#pragma once

#include <string>

#include "core/labs/nat_lab.h"
#include "core/nav/route.h"
#include "core/quiz/question.h"

namespace portlab::model {

// "" when PortLab can run the task, else what is wrong with it (an unknown
// task id, a missing or unknown parameter), for the bank's problem list.
std::string task_problem(const quiz::SimulationTask& task);

// Where the learner does the task: the lab's link.
nav::Route task_route(const quiz::SimulationTask& task);

// The engine's verdict on the learner's work so far: passed only when the
// lab has that very challenge open and its engine reports it solved.
quiz::SimulationResponse check_task(const quiz::SimulationTask& task, const labs::NatLab& nat);

}  // namespace portlab::model
