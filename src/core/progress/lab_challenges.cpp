#include "core/progress/lab_challenges.h"

#include <algorithm>

namespace portlab::progress {

std::string lab_challenge_key(const std::string& lab, const std::string& challenge_id) {
  return lab + "/" + challenge_id;
}

bool record_lab_challenge(Progress& progress, const std::string& key, Millis now_ms) {
  if (key.empty() || lab_challenge_solved(progress, key)) return false;
  progress.lab_challenges_solved[key] = now_ms;
  progress.updated_ms = std::max(progress.updated_ms, now_ms);
  return true;
}

bool lab_challenge_solved(const Progress& progress, const std::string& key) {
  return progress.lab_challenges_solved.count(key) > 0;
}

}  // namespace portlab::progress
