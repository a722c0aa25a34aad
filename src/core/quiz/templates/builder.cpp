#include "core/quiz/templates/builder.h"

#include <algorithm>

namespace portlab::quiz::gen {

Generated start(const Template& t, uint64_t seed) {
  Generated g;
  Question& q = g.question;
  q.id = std::string(t.id) + "/" + std::to_string(seed);
  q.type = t.type;
  q.topic = t.topic;
  for (const char* tag : t.exam_tags) q.exam_tags.push_back(tag);
  q.difficulty = t.difficulty;
  q.advanced = t.advanced;
  q.category = std::string("generated/") + t.id;
  return g;
}

void state(Generated& g, std::string key, std::string value, bool stated) {
  g.scenario.push_back({std::move(key), std::move(value), stated});
}

void Choices::right(std::string key, std::string text, std::string feedback, double fraction) {
  options_.push_back({std::move(key), {std::move(text), fraction, std::move(feedback)}});
}

void Choices::wrong(std::string key, std::string text, std::string feedback, double fraction) {
  options_.push_back({std::move(key), {std::move(text), fraction, std::move(feedback)}});
}

bool Choices::has_key(std::string_view key) const {
  for (const Entry& e : options_)
    if (e.key == key) return true;
  return false;
}

void Choices::finish(Generated& g, sim::Random* shuffle) const {
  std::vector<Entry> order = options_;
  if (shuffle)  // Fisher-Yates with the seeded stream: the same on every platform
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[shuffle->below(i)]);
  g.question.options.clear();
  g.option_keys.clear();
  g.answer.clear();
  for (const Entry& e : order) {
    g.question.options.push_back(e.option);
    g.option_keys.push_back(e.key);
    if (e.option.fraction > 0) g.answer += (g.answer.empty() ? "" : "|") + e.key;
  }
}

void accept_number(Generated& g, double value, std::string feedback) {
  g.question.numeric_answers.insert(g.question.numeric_answers.begin(),
                                    {value, value, 1, std::move(feedback)});
}

void mistake_number(Generated& g, double value, std::string feedback) {
  for (const NumericAnswer& a : g.question.numeric_answers)
    if (value >= a.low && value <= a.high) return;
  g.question.numeric_answers.push_back({value, value, 0, std::move(feedback)});
}

std::string cite(std::string sentence, const std::vector<std::string>& rules) {
  while (!sentence.empty() && (sentence.back() == '.' || sentence.back() == ' '))
    sentence.pop_back();
  std::vector<std::string> seen;
  for (const std::string& r : rules)
    if (!r.empty() && std::find(seen.begin(), seen.end(), r) == seen.end()) seen.push_back(r);
  if (seen.empty()) return sentence + ".";
  sentence += " (";
  for (size_t i = 0; i < seen.size(); ++i) sentence += (i ? ", " : "") + seen[i];
  return sentence + ").";
}

std::string cite(std::string sentence, std::initializer_list<std::string_view> rules) {
  std::vector<std::string> list;
  for (std::string_view r : rules) list.emplace_back(r);
  return cite(std::move(sentence), list);
}

std::string right_because(const std::string& text) { return "Right: " + text; }
std::string wrong_because(const std::string& text) { return "Wrong: " + text; }

std::string and_list(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return out;
}

std::string lower_first(std::string sentence) {
  if (sentence.size() > 1 && sentence[0] >= 'A' && sentence[0] <= 'Z' &&
      !(sentence[1] >= 'A' && sentence[1] <= 'Z'))  // keeps "TCP", "NAT"
    sentence[0] = static_cast<char>(sentence[0] - 'A' + 'a');
  return sentence;
}

bool chance(sim::Random& random, int percent) {
  return random.below(100) < static_cast<uint64_t>(percent);
}

uint64_t engine_seed(uint64_t question_seed, uint64_t salt) {
  sim::Random r(question_seed ^ (salt * 0x9E3779B97F4A7C15ull));
  return r.next();
}

std::string dotted(int a, int b, int c, int d) {
  return std::to_string(a) + "." + std::to_string(b) + "." + std::to_string(c) + "." +
         std::to_string(d);
}

}  // namespace portlab::quiz::gen
