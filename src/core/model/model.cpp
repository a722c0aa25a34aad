#include "core/model/model.h"

#include "core/model/simulation_tasks.h"

#include "core/net/address.h"
#include "core/quiz/gift_parser.h"

namespace portlab::model {

Content load_content(const std::vector<SourceFile>& lesson_files, const std::vector<SourceFile>& bank_files) {
  Content content;
  content.course = course::load_course(lesson_files);
  content.problems = content.course.issues;
  quiz::GiftParse bank;
  for (const SourceFile& file : bank_files) quiz::merge_into(bank, quiz::parse_gift(file.text, file.name));
  // A simulation question whose task PortLab cannot run is a problem in
  // the bank, reported at its line and left out, like a parse error.
  content.bank.reserve(bank.questions.size());
  for (quiz::Question& q : bank.questions) {
    const std::string problem = q.type == quiz::QuestionType::Simulation ? task_problem(q.task) : "";
    if (problem.empty()) content.bank.push_back(std::move(q));
    else content.problems.push_back({q.source_file, q.source_line, problem});
  }
  for (const quiz::GiftError& e : bank.errors) content.problems.push_back({e.file, e.line, e.message});
  content.activities = activity::course_activities(content.course, content.problems);
  course::sort_issues(content.problems);
  return content;
}

namespace {

std::string check_lesson_route(const Content& content, const progress::Progress& progress, nav::Route& route) {
  if (route.args.empty()) return "That lesson link names no lesson, so PortLab opened the course home.";
  const course::Lesson* lesson = content.course.find(route.args[0]);
  if (!lesson) return "There is no lesson called \"" + route.args[0] + "\", so PortLab opened the course home.";
  const int steps = static_cast<int>(lesson->steps.size());
  if (route.args.size() == 1) {
    // No step in the link: where the learner left off, else the first.
    int step = 0;
    auto it = progress.lessons.find(lesson->id);
    if (it != progress.lessons.end() && it->second.current_step < steps) step = it->second.current_step;
    route.args.push_back(std::to_string(step + 1));
    return "";
  }
  net::Parsed<long long> step = net::parse_integer(route.args[1], 1, steps);
  if (!step.ok())
    return "The lesson \"" + lesson->title + "\" has steps 1 to " + std::to_string(steps) + "; there is no step \"" +
           route.args[1] + "\", so PortLab opened the course home.";
  return "";
}

}  // namespace

std::string Model::check_route(nav::Route& route) {
  const std::string arg = route.args.empty() ? "" : route.args[0];
  switch (route.screen) {
    case nav::Screen::Lesson: return check_lesson_route(content, progress, route);
    case nav::Screen::Bind:
    case nav::Screen::Ephemeral:
    case nav::Screen::Nat:
      if (arg == "setup") return open_setup_route(route);
      if (arg.empty()) return "";
      if (route.screen == nav::Screen::Bind) return bind.open_link(arg);
      if (route.screen == nav::Screen::Ephemeral) return ephemeral.open_link(arg);
      return nat().open_link(arg);
    case nav::Screen::Quiz: return quiz.open_link(route.args);
    default: return "";
  }
}

nav::Route Model::open_preset(const course::Directive& preset, std::string& problem) {
  const std::string lab = preset.get("lab");
  problem.clear();
  // The lab is set up afresh: a staged lesson block on it is no longer as
  // the learner left it.
  forget_staged(lab);
  if (lab == "bind") {
    problem = bind.apply_preset(preset);
    return nav::Route{nav::Screen::Bind, {}};
  }
  if (lab == "ephemeral" || lab == "port-map") {
    problem = ephemeral.apply_preset(preset);
    return nav::Route{nav::Screen::Ephemeral, {}};
  }
  if (lab == "nat") {
    problem = nat().apply_preset(preset);
    return nav::Route{nav::Screen::Nat, {}};
  }
  // The Port Explorer keeps no state: what it shows is in its link.
  nav::Route route{nav::Screen::Explorer, {}};
  const std::string port = preset.get("port"), query = preset.get("query");
  if (!port.empty()) route.args.push_back(port);
  else if (!query.empty()) route.args.push_back(query);
  return route;
}

const practice::Attempt* Checkpoint::last_attempt() const {
  const auto& attempts = session.run().attempts();
  return attempts.empty() ? nullptr : &attempts.back();
}

const quiz::Question* Checkpoint::shown_question() const {
  if (!showing_feedback) return session.current();
  const practice::QuestionRun& run = session.run();
  return run.position() == 0 ? nullptr : &run.questions()[run.position() - 1];
}

std::string Model::start_checkpoint(const std::string& lesson_id, int step, const course::Directive& quiz_block,
                                    uint64_t seed) {
  const course::Lesson* lesson = content.course.find(lesson_id);
  const bool claims_exam = lesson && !lesson->exam.empty();
  practice::CheckpointStart start = practice::start_checkpoint(
      content.bank, practice::checkpoint_spec(lesson_id, quiz_block, claims_exam), seed);
  if (!start.session) return start.error;
  checkpoint = Checkpoint{lesson_id, step, std::move(*start.session), false};
  return "";
}

void Model::answer_checkpoint(const quiz::Response& response) {
  if (!checkpoint || checkpoint->showing_feedback || checkpoint->session.finished()) return;
  const quiz::Grade grade = checkpoint->session.answer(progress, response, now_ms);
  // A response that does not fit the question is not recorded (see
  // QuestionRun::answer): there is nothing to give feedback on.
  checkpoint->showing_feedback = grade.error.empty();
}

void Model::next_checkpoint_question() {
  if (checkpoint) checkpoint->showing_feedback = false;
}

const labs::NatLab& Model::nat() const {
  if (!nat_) {
    nat_.emplace();
    nat_->set_scenarios(nat_scenarios_);
  }
  return *nat_;
}

labs::NatLab& Model::nat() { return const_cast<labs::NatLab&>(static_cast<const Model&>(*this).nat()); }

void Model::set_nat_scenarios(std::vector<SourceFile> files) {
  nat_scenarios_ = std::move(files);
  if (nat_) nat_->set_scenarios(nat_scenarios_);
}

void Model::use_default_os(const std::string& os_key) {
  bind.set_os(os_key);
  ephemeral.set_os(os_key);
}

void Model::preview_import(const std::string& file_text) {
  import_preview = progress::preview_import(file_text, progress);
  import_message.clear();
}

void Model::confirm_import() {
  if (!import_preview || !progress_store) return;
  import_message = progress_store->apply_import(*import_preview, progress).message;
  import_preview.reset();
}

void Model::cancel_import() {
  import_preview.reset();
  import_message = "Nothing was imported; your progress is as it was.";
}

}  // namespace portlab::model
