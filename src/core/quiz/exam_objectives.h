// The exam objectives whose items PortLab tracks one by one, as data: which
// services and IP types CompTIA Network+ N10-009 objective 1.4 names. Banks
// say which item a question tests with "// @covers <item>", and a test holds
// the bank to covering every item (tests/core/exam_coverage_test.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/quiz/question.h"

namespace portlab::quiz {

struct ObjectiveItem {
  const char* key;    // what @covers names: "smtps", "ipsec-esp"
  const char* label;  // as the exam lists it: "SMTPS (587)", "IPsec ESP"
};

struct Objective {
  const char* tag;    // "network-plus:1.4"
  const char* title;  // the objective's own wording
  std::vector<ObjectiveItem> items;
};

// Every objective with items, in exam order (today: network-plus:1.4).
const std::vector<Objective>& itemised_objectives();

// The objective that lists `item`, or nullptr when no objective has it.
const Objective* objective_of_item(std::string_view item);

// How many questions test one item: all of them, and those that ask the
// learner to apply a rule to a situation (Question::reasoning).
struct ItemCoverage {
  const ObjectiveItem* item = nullptr;
  int questions = 0;
  int reasoning = 0;
};

// Coverage of each of `objective`'s items by the questions that carry its tag
// and name the item in `covers`, in the objective's order.
std::vector<ItemCoverage> coverage(const Objective& objective,
                                   const std::vector<Question>& questions);

}  // namespace portlab::quiz
