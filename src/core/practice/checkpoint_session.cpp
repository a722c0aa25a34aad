#include "core/practice/checkpoint_session.h"

#include "core/net/address.h"
#include "core/progress/lesson_progress.h"

namespace portlab::practice {

namespace {

int count_value(const course::Directive& d, const char* key) {
  std::string text = d.get(key);
  if (text.empty()) return 0;
  net::Parsed<long long> n = net::parse_integer(text, 0, 1000000);
  return n.ok() ? static_cast<int>(*n.value) : 0;
}

CheckpointStart failure(std::string error) { return CheckpointStart{std::nullopt, error}; }

}  // namespace

int default_pass_mark(int questions) { return (questions * 7 + 9) / 10; }

CheckpointSpec checkpoint_spec(const std::string& lesson_id, const course::Directive& quiz_block,
                               bool lesson_claims_exam) {
  CheckpointSpec spec;
  spec.lesson_id = lesson_id;
  spec.exam_only = lesson_claims_exam;
  spec.question_ids = quiz_block.list("questions");
  spec.category = quiz_block.get("category");
  spec.count = count_value(quiz_block, "count");
  spec.pass = count_value(quiz_block, "pass");
  return spec;
}

CheckpointStart start_checkpoint(const Pool& pool, const CheckpointSpec& spec, uint64_t seed) {
  if (!spec.question_ids.empty() && !spec.category.empty())
    return failure("a checkpoint takes question ids or a category, not both");
  std::vector<quiz::Question> chosen;
  if (!spec.question_ids.empty()) {
    for (const std::string& id : spec.question_ids) {
      const quiz::Question* q = find_question(pool, id);
      if (!q) return failure("the checkpoint asks for question \"" + id + "\", which no bank has");
      chosen.push_back(*q);
    }
  } else if (!spec.category.empty()) {
    std::vector<size_t> candidates;
    for (size_t i = 0; i < pool.size(); ++i)
      if (in_category(pool[i], spec.category) && may_draw(pool[i], "", !spec.exam_only))
        candidates.push_back(i);
    const size_t wanted = spec.count > 0 ? static_cast<size_t>(spec.count) : candidates.size();
    if (candidates.empty() || candidates.size() < wanted)
      return failure("the checkpoint asks for " + std::to_string(wanted) +
                     " questions from category \"" + spec.category + "\", which has " +
                     std::to_string(candidates.size()));
    sim::Random random(seed);
    for (size_t index : draw(candidates, wanted, random)) chosen.push_back(pool[index]);
  } else {
    return failure("a checkpoint needs question ids or a category");
  }
  const int total = static_cast<int>(chosen.size());
  const int needed = spec.pass > 0 ? spec.pass : default_pass_mark(total);
  if (needed > total)
    return failure("the checkpoint needs " + std::to_string(needed) + " right answers out of " +
                   std::to_string(total) + " questions");
  return CheckpointStart{CheckpointSession(spec.lesson_id, std::move(chosen), needed), ""};
}

quiz::Grade CheckpointSession::answer(progress::Progress& progress, const quiz::Response& response,
                                      progress::Millis now_ms) {
  const bool was_finished = finished();
  quiz::Grade grade = run_.answer(progress, response, now_ms);
  if (!was_finished && passed() && !lesson_id_.empty())
    progress::pass_checkpoint(progress, lesson_id_, now_ms);
  return grade;
}

}  // namespace portlab::practice
