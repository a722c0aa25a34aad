#include "core/practice/question_pick.h"

#include <utility>

namespace portlab::practice {

const quiz::Question* find_question(const Pool& pool, std::string_view id) {
  for (const quiz::Question& q : pool)
    if (q.id == id) return &q;
  return nullptr;
}

bool in_category(const quiz::Question& question, std::string_view category) {
  std::string_view own = question.category;
  if (own.size() < category.size() || own.substr(0, category.size()) != category) return false;
  return own.size() == category.size() || own[category.size()] == '/';
}

bool matches_exam_tag(const quiz::Question& question, std::string_view pattern) {
  const bool prefix = !pattern.empty() && pattern.back() == '*';
  std::string_view wanted = prefix ? pattern.substr(0, pattern.size() - 1) : pattern;
  for (const std::string& tag : question.exam_tags) {
    std::string_view t = tag;
    if (prefix ? t.substr(0, wanted.size()) == wanted : t == wanted) return true;
  }
  return false;
}

bool may_draw(const quiz::Question& question, std::string_view exam_pattern,
              bool include_advanced) {
  if (question.advanced && !include_advanced) return false;
  return exam_pattern.empty() || matches_exam_tag(question, exam_pattern);
}

std::vector<size_t> draw(std::vector<size_t> indices, size_t count, sim::Random& random) {
  if (count > indices.size()) count = indices.size();
  for (size_t i = 0; i < count; ++i) {
    size_t j = i + static_cast<size_t>(random.below(indices.size() - i));
    std::swap(indices[i], indices[j]);
  }
  indices.resize(count);
  return indices;
}

}  // namespace portlab::practice
