// What every template does the same way: the question's identity and
// metadata, options with their canonical keys, numeric answers with known
// mistakes, rule citations, and seeded picks.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/quiz/templates/template.h"
#include "core/sim/random.h"

namespace portlab::quiz::gen {

// A question carrying the template's type, topic, exam tags and difficulty,
// with the id "<template id>/<seed>".
Generated start(const Template& t, uint64_t seed);

// Adds a scenario fact (see ScenarioValue).
void state(Generated& g, std::string key, std::string value, bool stated = true);

// The options of a choice question with their canonical keys.
class Choices {
 public:
  void right(std::string key, std::string text, std::string feedback, double fraction = 1);
  void wrong(std::string key, std::string text, std::string feedback, double fraction = 0);
  bool has_key(std::string_view key) const;
  size_t size() const { return options_.size(); }
  // Writes options, option_keys and answer (the right keys joined by '|', in
  // the final order). With `shuffle` the order is drawn from it, else the
  // order of adding is kept (for options with a natural order).
  void finish(Generated& g, sim::Random* shuffle) const;

 private:
  struct Entry {
    std::string key;
    ChoiceOption option;
  };
  std::vector<Entry> options_;
};

// Numeric questions: the accepted value, and known mistakes that earn
// nothing but explain themselves (left out when they equal a listed value).
void accept_number(Generated& g, double value, std::string feedback);
void mistake_number(Generated& g, double value, std::string feedback);

// "sentence (R1.2, R1.3)." from "sentence." or "sentence".
std::string cite(std::string sentence, std::initializer_list<std::string_view> rules);
// The same with a list built at run time (duplicates and empty ids dropped).
std::string cite(std::string sentence, const std::vector<std::string>& rules);

// "Right: text" / "Wrong: text".
std::string right_because(const std::string& text);
std::string wrong_because(const std::string& text);

// "a", "a and b", "a, b and c".
std::string and_list(const std::vector<std::string>& items);

// The sentence with its first letter in lower case, to continue another.
std::string lower_first(std::string sentence);

// True with the given probability in percent.
bool chance(sim::Random& random, int percent);
template <typename T, size_t N>
const T& pick(sim::Random& random, const T (&items)[N]) {
  return items[random.below(N)];
}
template <typename T>
const T& pick(sim::Random& random, const std::vector<T>& items) {
  return items[random.below(items.size())];
}
// A seed for an engine, independent of the question's own stream.
uint64_t engine_seed(uint64_t question_seed, uint64_t salt);

// "a.b.c.d" from four octets.
std::string dotted(int a, int b, int c, int d);

}  // namespace portlab::quiz::gen
