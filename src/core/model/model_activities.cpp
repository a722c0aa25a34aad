// The Model's activity commands (model.h, "activities"): staging a lesson
// step's ```sim block, judging its goals, predictions, and setup links.
#include <map>

#include "core/activity/activity_syntax.h"
#include "core/activity/setup_link.h"
#include "core/model/model.h"
#include "core/model/prediction_questions.h"
#include "core/progress/lab_challenges.h"
#include "core/progress/leitner.h"
#include "core/progress/lesson_progress.h"
#include "core/text.h"

namespace portlab::model {

namespace {

// Which lab model a sim block's `lab:` sets up: the Port Map shows the
// Ephemeral Lab's model (see open_preset); the Port Explorer has none ("").
std::string lab_family(const std::string& lab) {
  if (lab == "bind") return "bind";
  if (lab == "ephemeral" || lab == "port-map") return "ephemeral";
  if (lab == "nat") return "nat";
  return "";
}

ActivityRun fresh_run(activity::Activity activity) {
  ActivityRun run;
  run.activity = std::move(activity);
  return run;
}

bool same_activity(const activity::Activity& a, const activity::Activity& b) {
  return a.lesson_id == b.lesson_id && a.id == b.id;
}

// The setup link's goal as an activity of its own, "link", with the setup
// as its preset (so "start again" replays it). Not parse_activity(): that
// asks for a solution, which a teacher's typed goal does not have.
std::string link_activity(const course::Directive& setup, std::optional<activity::Activity>& out) {
  activity::Activity a;
  a.id = "link";
  a.lab = setup.get("lab");
  a.preset = setup;
  a.line = setup.line;
  for (const course::Param& p : setup.params) {
    if (p.key != "goal") continue;
    const activity::GoalRead read = activity::read_goal(a.lab, p.value);
    if (!read.goal)
      return "The goal '" + p.value + "' in this setup link cannot be checked: " + read.error +
             ", so PortLab opened the course home.";
    a.goals.push_back({p.value, p.line});
  }
  if (!a.goals.empty()) out = std::move(a);
  return "";
}

// The topic a lesson's checkpoint questions are about: its `category:`
// (portlab/<topic>), else the topic most of its `questions:` have in the
// bank; nothing when the lesson has no checkpoint that says.
std::optional<quiz::Topic> checkpoint_topic(const Content& content, const course::Lesson& lesson) {
  for (const course::Step& step : lesson.steps)
    for (const course::Directive& d : step.directives) {
      if (d.kind != course::Directive::Kind::Quiz) continue;
      const std::string category = d.get("category");
      if (!category.empty()) {
        const size_t slash = category.rfind('/');
        if (auto topic = quiz::parse_topic(slash == std::string::npos ? category : category.substr(slash + 1)))
          return topic;
      }
      std::map<quiz::Topic, int> counts;
      for (const std::string& id : d.list("questions"))
        if (const quiz::Question* q = practice::find_question(content.bank, id)) counts[q->topic] += 1;
      std::optional<quiz::Topic> best;
      for (const auto& [topic, n] : counts)
        if (!best || n > counts[*best]) best = topic;
      if (best) return best;
    }
  return std::nullopt;
}

quiz::Topic lab_topic(const std::string& lab) {
  if (lab == "bind") return quiz::Topic::Privileged;
  if (lab == "ephemeral" || lab == "port-map") return quiz::Topic::Ephemeral;
  if (lab == "nat") return quiz::Topic::Nat;
  return quiz::Topic::Ports;
}

}  // namespace

activity::Labs Model::labs_for(const std::string& lab) {
  activity::Labs labs;
  labs.bind = &bind;
  labs.ephemeral = &ephemeral;
  if (lab == "nat") labs.nat = &nat();
  return labs;
}

void Model::forget_staged(const std::string& lab) {
  if (staged_ && staged_->lab == lab_family(lab)) staged_.reset();
}

std::string Model::stage_step_sim(const std::string& lesson_id, int step, const course::Directive& sim) {
  const bool same = staged_ && staged_->lesson_id == lesson_id && staged_->step == step && staged_->line == sim.line;
  if (!same) {
    std::string problem;
    open_preset(sim, problem);  // forgets what was staged on this lab
    if (!problem.empty()) {
      // The block is not set up, so no activity of it is open either.
      activity_run.reset();
      return problem;
    }
    staged_ = StagedSim{lesson_id, step, sim.line, lab_family(sim.get("lab"))};
  }
  const activity::Activity* found = find_activity(lesson_id, step, sim.line);
  if (!found) {
    activity_run.reset();
    return "";
  }
  // Back from the full lab (or from another lab's challenge) the block's
  // lab is as the learner left it; its activity is reopened only if
  // something else was opened meanwhile.
  if (same && activity_run && same_activity(activity_run->activity, *found)) return "";  // nothing to do
  activity_run = fresh_run(*found);
  update_activity();
  return "";
}

std::string Model::open_activity(const activity::Activity& activity) {
  activity::Activity copy = activity;  // `activity` may be activity_run's own
  std::string problem;
  if (copy.lesson_id.empty()) {
    // A setup link's goal: its setup includes the actions it replays.
    activity::Labs labs = labs_for(copy.lab);
    problem = activity::apply_setup(copy.preset, labs);
    if (problem.empty()) forget_staged(copy.lab);
  } else {
    open_preset(copy.preset, problem);
  }
  if (!problem.empty()) return problem;
  activity_run = fresh_run(std::move(copy));
  update_activity();
  return "";
}

void Model::update_activity() {
  note_lab_challenges();
  if (!activity_run) return;
  ActivityRun& run = *activity_run;
  const activity::Activity& a = run.activity;
  if (a.goals.empty()) {
    // A prediction with no goal is done once the engine has graded it.
    const bool graded = run.prediction && run.prediction->problem.empty();
    run.verdict.met = graded;
    run.verdict.explanation = graded ? run.prediction->explanation : "";
  } else {
    run.verdict = activity::evaluate(a, labs_for(a.lab), run.inputs);
  }
  if (run.verdict.met && !a.lesson_id.empty()) progress::record_activity_met(progress, a.lesson_id, a.id, now_ms);
}

void Model::set_activity_answer(const std::string& text) {
  if (!activity_run) return;
  activity_run->inputs.answer = text;
  update_activity();
}

void Model::reveal_hint() {
  if (activity_run && activity_run->hints_shown < static_cast<int>(activity_run->activity.hints.size()))
    activity_run->hints_shown += 1;
}

void Model::predict(const std::string& value) {
  if (!activity_run || !activity_run->activity.prediction || text::trim(value).empty()) return;
  ActivityRun& run = *activity_run;
  const activity::Activity& a = run.activity;
  activity::Labs labs = labs_for(a.lab);
  run.prediction = activity::run_prediction(a, labs, value);
  // A run that could not be done grades nothing, so it is not recorded.
  if (run.prediction->problem.empty() && !a.lesson_id.empty())
    progress::record_answer(progress, progress::prediction_id(a.lesson_id, a.id), run.prediction->right, now_ms);
  update_activity();
}

bool Model::activity_done(const std::string& key) const {
  const size_t slash = key.find('/');
  if (slash == std::string::npos) return false;
  return progress::activity_met(progress, key.substr(0, slash), key.substr(slash + 1));
}

bool Model::lab_challenge_done(const std::string& lab, const std::string& challenge_id) const {
  if (progress::lab_challenge_solved(progress, progress::lab_challenge_key(lab, challenge_id))) return true;
  return lab == "nat" && nat_ && nat_->challenge_id() == challenge_id && nat_->challenge_solved();
}

void Model::note_lab_challenges() {
  if (!nat_) return;  // nothing solved in a lab that was never built
  const labs::NatLab& lab = *nat_;
  if (!lab.challenge_solved() || lab.challenge_id() != nat_solved_by_link_) nat_solved_by_link_.clear();
  if (!lab.challenge_solved() || !nat_solved_by_link_.empty()) return;
  progress::record_lab_challenge(progress, progress::lab_challenge_key("nat", lab.challenge_id()), now_ms);
}

std::vector<const activity::Activity*> Model::lab_challenges(const std::string& lab) const {
  const std::string family = lab_family(lab);
  std::vector<const activity::Activity*> out;
  for (const activity::Activity& a : content.activities)
    if (family.empty() ? a.lab == lab : lab_family(a.lab) == family) out.push_back(&a);
  return out;
}

const activity::Activity* Model::find_activity(const std::string& lesson_id, int step, int line) const {
  for (const activity::Activity& a : content.activities)
    if (a.lesson_id == lesson_id && a.step == step && a.line == line) return &a;
  return nullptr;
}

std::string Model::open_setup_route(const nav::Route& route) {
  // Checked again (the back button, a second look at the same address):
  // the lab already holds this setup and the learner's work since.
  if (applied_setup_ && *applied_setup_ == route) return "";
  course::Directive setup;
  std::string problem = activity::parse_setup(route, setup);
  if (!problem.empty()) return problem;
  // The goal is checked before anything changes: a bad link changes nothing.
  std::optional<activity::Activity> goal;
  problem = link_activity(setup, goal);
  if (!problem.empty()) return problem;
  const std::string lab = setup.get("lab");
  activity::Labs labs = labs_for(lab);
  problem = activity::apply_setup(setup, labs);
  if (!problem.empty()) return problem;
  applied_setup_ = route;
  forget_staged(lab);
  // Solved by the link's own actions, not by the learner (note_lab_challenges).
  nat_solved_by_link_ = lab == "nat" && nat_ && nat_->challenge_solved() ? nat_->challenge_id() : "";
  if (goal) {
    activity_run = fresh_run(std::move(*goal));
    update_activity();
  } else if (activity_run && lab_family(activity_run->activity.lab) == lab_family(lab)) {
    // The open activity's lab was just replaced by the link's setup.
    activity_run.reset();
  }
  return "";
}

std::vector<quiz::Question> prediction_questions(const Content& content) {
  std::vector<quiz::Question> out;
  std::map<std::string, std::optional<quiz::Topic>> lesson_topics;
  for (const activity::Activity& a : content.activities) {
    if (!a.prediction || a.lesson_id.empty()) continue;
    auto known = lesson_topics.find(a.lesson_id);
    if (known == lesson_topics.end()) {
      const course::Lesson* lesson = content.course.find(a.lesson_id);
      known = lesson_topics.emplace(a.lesson_id, lesson ? checkpoint_topic(content, *lesson) : std::nullopt).first;
    }
    quiz::Question q;
    q.id = progress::prediction_id(a.lesson_id, a.id);
    q.type = quiz::QuestionType::ShortAnswer;
    q.topic = known->second ? *known->second : lab_topic(a.lab);
    q.prompt = a.prediction->ask;
    q.category = std::string("portlab/") + quiz::to_string(q.topic);
    if (const course::Lesson* lesson = content.course.find(a.lesson_id)) q.source_file = lesson->file;
    q.source_line = a.prediction->line;
    out.push_back(std::move(q));
  }
  return out;
}

std::string Model::open_nat_challenge(const std::string& challenge_id) {
  const std::string problem = nat().open_challenge(challenge_id);
  if (problem.empty() && activity_run && activity_run->activity.lab == "nat") activity_run.reset();
  return problem;
}

}  // namespace portlab::model
