// What solving a challenge built into a lab does to progress (the NAT Lab's
// game-server, web-server-8081, video-call). Lesson activities are kept per
// lesson (lesson_progress.h); these belong to no lesson, so they are kept
// in Progress::lab_challenges_solved under "<lab>/<challenge id>".
#pragma once

#include <string>

#include "core/progress/progress.h"

namespace portlab::progress {

// "nat", "game-server" -> "nat/game-server".
std::string lab_challenge_key(const std::string& lab, const std::string& challenge_id);

// The learner solved the challenge `key`. Only the first time is recorded
// (with updated_ms moved on), and true returned; solving it again changes
// nothing, so a lab still showing its solved challenge every frame never
// asks for a save.
bool record_lab_challenge(Progress& progress, const std::string& key, Millis now_ms);
bool lab_challenge_solved(const Progress& progress, const std::string& key);

}  // namespace portlab::progress
