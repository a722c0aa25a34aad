// Choosing questions from a pool (bank questions and generated ones alike)
// for the practice modes: by id, by bank category, by exam tag, and a
// seeded draw so the same seed gives the same session everywhere.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/quiz/question.h"
#include "core/sim/random.h"

namespace portlab::practice {

using Pool = std::vector<quiz::Question>;

// The question with this id, or nullptr.
const quiz::Question* find_question(const Pool& pool, std::string_view id);

// True when the question's bank category is `category` or lies below it:
// "portlab/ranges" holds "portlab/ranges" and "portlab/ranges/iana".
bool in_category(const quiz::Question& question, std::string_view category);

// True when one of the question's exam tags matches `pattern`: an exact tag
// ("network-plus:1.4"), or a prefix ending in '*' ("network-plus:*" for any
// Network+ objective, "*" for any tagged question).
bool matches_exam_tag(const quiz::Question& question, std::string_view pattern);

// Whether an exam may draw the question: it matches `exam_pattern` (empty:
// any question) and is exam material, or advanced questions are wanted.
bool may_draw(const quiz::Question& question, std::string_view exam_pattern,
              bool include_advanced);

// `count` distinct indices of `indices`, drawn uniformly with `random`
// (a partial Fisher-Yates shuffle); all of them, shuffled, when count is
// larger. Uses only sim::Random, so native and wasm draw alike.
std::vector<size_t> draw(std::vector<size_t> indices, size_t count, sim::Random& random);

}  // namespace portlab::practice
