// The NAT Lab's built-in challenges (see nat_lab_challenges.cpp).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace portlab::labs {

struct ChallengeSpec {
  std::string id, title, goal;
  std::vector<std::string> hints;
  const char* scenario_json = "";
  std::vector<std::string> event_titles;
  // (event, earlier event): the send is aimed at the public endpoint the
  // earlier event's receiver saw.
  std::vector<std::pair<int, int>> aims;
  int goal_event = 0;       // whose first packet must arrive...
  std::string goal_target;  // ...at this inside ip:port
  bool uses_rules = false;           // solved with forwarding rules
  std::vector<std::string> choices;  // profile keys to choose from
};

const std::vector<ChallengeSpec>& challenge_specs();
const ChallengeSpec* find_challenge_spec(const std::string& id);

}  // namespace portlab::labs
