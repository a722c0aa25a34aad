// Reading a ```sim block as an activity: every goal, action and prediction
// is checked against its lab when the course loads, so a learner never
// meets a goal the engines cannot judge.
#include <set>

#include "core/activity/activity.h"
#include "core/activity/activity_syntax.h"

namespace portlab::activity {
namespace {

bool is_id(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return s.front() != '-' && s.back() != '-';  // as lesson ids
}

const course::Param* find_param(const course::Directive& d, const char* key) {
  for (const course::Param& p : d.params)
    if (p.key == key) return &p;
  return nullptr;
}

}  // namespace

const char* to_string(PredictKind kind) {
  switch (kind) {
    case PredictKind::Errno: return "errno";
    case PredictKind::Port: return "port";
    case PredictKind::Connections: return "connections";
    case PredictKind::PublicPort: return "public-port";
    case PredictKind::Delivered: return "delivered";
  }
  return "?";
}

std::optional<Activity> parse_activity(const course::Directive& sim, const std::string& lesson_id, int step,
                                       const std::string& file, std::vector<course::Issue>& issues) {
  const course::Param* predict = find_param(sim, "predict");
  if (!find_param(sim, "goal") && !predict) return std::nullopt;
  const size_t before = issues.size();
  auto problem = [&](int line, std::string message) { issues.push_back({file, line, std::move(message)}); };

  Activity a;
  a.lesson_id = lesson_id;
  a.step = step;
  a.lab = sim.get("lab");
  a.preset = sim;
  a.line = sim.line;

  if (const course::Param* id = find_param(sim, "id")) {
    if (!is_id(id->value)) problem(id->line, "id: '" + id->value + "' is not an id (lower-case letters, digits, '-')");
    a.id = id->value;
  } else {
    problem(sim.line, "an activity (a block with goal: or predict:) needs 'id:'");
  }

  for (const course::Param& p : sim.params) {
    if (p.key == "goal") {
      // read_goal knows which lab each word fits (the Port Explorer keeps
      // no state, so only `answer` fits it).
      GoalRead g = read_goal(a.lab, p.value);
      if (!g.goal) problem(p.line, "goal: " + g.error);
      a.goals.push_back({p.value, p.line});
    } else if (p.key == "hint") {
      a.hints.push_back(p.value);
    } else if (p.key == "solution" || p.key == "run") {
      const std::string why = check_action(a.lab, p.value);
      if (!why.empty()) problem(p.line, p.key + ": " + why);
      (p.key == "solution" ? a.solution : a.run).push_back({p.value, p.line});
    }
  }

  if (predict) {
    Prediction pr;
    pr.line = predict->line;
    std::optional<PredictKind> kind = read_predict_kind(predict->value);
    if (!kind) {
      problem(predict->line, "predict: '" + predict->value +
                                 "' is not a prediction (errno, port, connections, public-port, delivered)");
    } else {
      pr.kind = *kind;
      const std::string fits = predict_fits(*kind, a.lab);
      if (!fits.empty()) problem(predict->line, fits);
    }
    pr.ask = sim.get("ask");
    if (pr.ask.empty()) problem(predict->line, "a prediction needs 'ask:' (the question put to the learner)");
    pr.choices = sim.list("choices");
    if (const course::Param* c = find_param(sim, "choices"); c && kind) {
      for (const std::string& choice : pr.choices)
        if (normal_answer(*kind, choice).empty())
          problem(c->line, "choices: '" + choice + "' is not a " + to_string(*kind) + " answer");
    }
    if (a.run.empty() && a.solution.empty())
      problem(predict->line, "a prediction needs 'run:' lines (or a solution) that make the engine answer");
    a.prediction = pr;
  } else {
    for (const char* key : {"ask", "choices", "run"})
      if (const course::Param* p = find_param(sim, key))
        problem(p->line, std::string("'") + key + "' belongs to a prediction; add 'predict:'");
  }
  if (!a.goals.empty() && a.solution.empty())
    problem(sim.line, "an activity with goals needs at least one 'solution:' line (lessons check replays it)");

  if (issues.size() != before) return std::nullopt;
  return a;
}

std::vector<Activity> course_activities(const course::Course& course, std::vector<course::Issue>& issues) {
  std::vector<Activity> all;
  for (const course::Lesson& lesson : course.lessons) {
    std::set<std::string> ids;
    for (size_t s = 0; s < lesson.steps.size(); ++s) {
      for (const course::Directive& d : lesson.steps[s].directives) {
        if (d.kind != course::Directive::Kind::Sim) continue;
        std::optional<Activity> a = parse_activity(d, lesson.id, static_cast<int>(s), lesson.file, issues);
        if (!a) continue;
        if (!ids.insert(a->id).second) {
          const course::Param* id = find_param(d, "id");
          issues.push_back({lesson.file, id ? id->line : d.line,
                            "id: '" + a->id + "' is already an activity of this lesson"});
          continue;
        }
        all.push_back(std::move(*a));
      }
    }
  }
  return all;
}

}  // namespace portlab::activity
