// The course's predictions ("predict, then run" activities) as entries of
// the pool mastery is computed from, so a prediction counts towards its
// topic like an answered question (progress records it under
// progress::prediction_id). They are only counted: practice, exams and the
// review queue never draw them, as the quiz screen cannot run an activity.
#pragma once

#include <vector>

#include "core/model/model.h"
#include "core/quiz/question.h"

namespace portlab::model {

// One question per course activity with a prediction: its id, its prompt
// (the activity's question) and its topic: the topic of the lesson's
// checkpoint questions (its `category:`, else most of its `questions:`),
// else the lab's (bind: privileged, ephemeral and port-map: ephemeral, nat:
// nat, port-explorer: ports).
std::vector<quiz::Question> prediction_questions(const Content& content);

}  // namespace portlab::model
