// The quiz question model: every kind of question PortLab asks, the
// learner's typed responses, and one grading function.
//
// Questions come from GIFT banks written by teachers (gift_parser.h) and,
// later, from templates whose answers the engines compute; lessons, practice
// modes and spaced repetition all use this one shape. It is plain data and
// free functions, with no UI and no I/O, so the same code grades in the
// native app, in the browser and in the CLI.
//
// "Classify this port" is not a type of its own: it is a single-choice
// question whose options are the three IANA ranges (R1.2), so it shares the
// grading, per-option feedback and UI of every other single-choice question.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace portlab::quiz {

enum class QuestionType {
  SingleChoice,    // radio buttons: GIFT {=right ~wrong}
  MultipleChoice,  // check boxes with weights: GIFT {~%50%a ~%50%b ~%-100%c}
  TrueFalse,       // GIFT {T} / {F}
  Numeric,         // a number, e.g. a port: GIFT {#80}, {#80:2}, {#70..90}
  ShortAnswer,     // typed text, several accepted answers: GIFT {=a =b}
  Matching,        // pairs, e.g. service -> port: GIFT {=ssh -> 22 =dns -> 53}
  Simulation,      // a task an engine checks (e.g. "add the forwarding rule")
};
inline constexpr QuestionType kQuestionTypes[] = {
    QuestionType::SingleChoice, QuestionType::MultipleChoice, QuestionType::TrueFalse,
    QuestionType::Numeric,      QuestionType::ShortAnswer,    QuestionType::Matching,
    QuestionType::Simulation};

// "single_choice", "multiple_choice", "true_false", "numeric", "short_answer",
// "matching", "simulation" (CLI output and saved progress).
const char* to_string(QuestionType type);

// The course topics, one per lesson. Exam practice is a mode that picks
// questions by their exam tags, not a topic, so mastery per topic covers every
// question exactly once. New topics go at the end: saved progress and the
// content snapshot store them by name or by this order.
enum class Topic { Ports, Ranges, Privileged, Ephemeral, Nat, Tools, Protocols };
inline constexpr Topic kTopics[] = {Topic::Ports,     Topic::Ranges, Topic::Privileged,
                                    Topic::Ephemeral, Topic::Nat,    Topic::Tools,
                                    Topic::Protocols};

// "ports", "ranges", "privileged", "ephemeral", "nat", "tools" (ports on your
// own machine), "protocols" (beyond TCP and UDP).
const char* to_string(Topic topic);
std::optional<Topic> parse_topic(std::string_view key);

// One option of a choice question.
struct ChoiceOption {
  std::string text;
  // Share of the question's credit, -1..1 (GIFT's percentage / 100). Single
  // choice: 1 for a right option, 0 for a wrong one, anything between for a
  // partly right one. Multiple choice: the positive weights add up to 1 and
  // a wrong option usually carries a negative weight.
  double fraction = 0;
  std::string feedback;  // why this option is right or wrong
};

// One accepted interval of a numeric question, inclusive on both ends.
// GIFT 80:2 is [78, 82]; 70..90 is [70, 90]; 80 is [80, 80].
struct NumericAnswer {
  double low = 0;
  double high = 0;
  double fraction = 1;  // 0..1; 0 lets a teacher give feedback on a known mistake
  std::string feedback;
};

// One accepted text of a short-answer question, compared ignoring case and
// surrounding or repeated spaces.
struct TextAnswer {
  std::string text;
  double fraction = 1;  // 0..1
  std::string feedback;
};

// One row of a matching question. A pair with an empty prompt is a
// distractor: its answer is offered in every drop-down but matches nothing.
struct MatchPair {
  std::string prompt;
  std::string answer;
};

// What an engine needs to set up and check a simulation task; the engines
// that interpret task ids come later.
struct SimulationTask {
  std::string task_id;                                        // e.g. "nat-forward"
  std::vector<std::pair<std::string, std::string>> params;  // in the order written
};

struct Question {
  // Progress and spaced repetition are keyed by it, so banks should give
  // every question a ::title::, which is its id. Without one it is
  // "<category>#<n>" (n counts the questions of that category in the file;
  // "uncategorized#<n>" before any $CATEGORY), which changes when questions
  // are inserted above it.
  std::string id;
  QuestionType type = QuestionType::SingleChoice;
  Topic topic = Topic::Ports;
  // "network-plus:1.4" (CompTIA Network+ N10-009), "ccna:1.5" (CCNA 200-301).
  std::vector<std::string> exam_tags;
  // Items of an exam objective the question tests, e.g. "smtps" or "gre" of
  // network-plus:1.4 (see exam_objectives.h); only with that objective's tag.
  std::vector<std::string> covers;
  int difficulty = 2;  // 1 easy .. 3 hard; 2 when the bank does not say
  // Deep detail beyond both exams (kernel versions, per-OS algorithms, RFC
  // requirement numbers). Such a question has no exam tag, and exams, the
  // exam filters and the checkpoints of exam lessons leave it out.
  bool advanced = false;
  // The question gives a situation and asks the learner to apply a rule to
  // it, rather than to recall a fact.
  bool reasoning = false;
  // The question text. For a missing-word question "_____" marks the gap.
  std::string prompt;
  bool missing_word = false;
  // Why the right answer is right (GIFT general feedback, ####), shown to
  // every learner after answering.
  std::string explanation;

  // SingleChoice, MultipleChoice.
  std::vector<ChoiceOption> options;
  // TrueFalse: the right answer, and the feedback shown when the learner
  // answers true / answers false.
  bool truth = true;
  std::string feedback_if_true;
  std::string feedback_if_false;
  // Numeric.
  std::vector<NumericAnswer> numeric_answers;
  std::string numeric_fallback_feedback;  // for a number no answer accepts
  // ShortAnswer.
  std::vector<TextAnswer> text_answers;
  // Matching.
  std::vector<MatchPair> pairs;
  // Simulation.
  SimulationTask task;

  // Where the question came from, for messages: the bank's category path
  // ("portlab/nat"), its file and the line it starts on (empty / 0 when
  // generated).
  std::string category;
  std::string source_file;
  int source_line = 0;
};

// ------------------------------------------------------------- responses

// SingleChoice (exactly one index) and MultipleChoice (any number, each
// once): indices into Question::options.
struct ChoiceResponse {
  std::vector<size_t> selected;
};
struct TrueFalseResponse {
  bool value = false;
};
struct NumericResponse {
  double value = 0;  // parse the learner's text with parse_number()
};
struct TextResponse {
  std::string text;
};
// Matching: chosen[i] is the answer picked for the i-th pair that has a
// prompt (see matching_prompts / matching_choices).
struct MatchingResponse {
  std::vector<std::string> chosen;
};
// Simulation: the engine's verdict on what the learner did.
struct SimulationResponse {
  bool passed = false;
  std::string detail;  // the engine's sentence on what happened
};

using Response = std::variant<ChoiceResponse, TrueFalseResponse, NumericResponse, TextResponse,
                              MatchingResponse, SimulationResponse>;

struct Grade {
  bool correct = false;  // full credit
  double credit = 0;     // 0..1; partial for weighted multiple choice and matching
  // Feedback on what the learner chose, in the order chosen (empty texts
  // left out). The question's explanation is separate: show it as well.
  std::vector<std::string> feedback;
  // Set when the response does not fit the question (wrong response type,
  // an option that does not exist, two options for single choice). Such a
  // response earns nothing; the UI should not let it happen.
  std::string error;
};

Grade grade(const Question& question, const Response& response);

// A response that earns full credit, for "show the answer", tests and
// generated questions.
Response correct_response(const Question& question);

// Matching: the prompts in order, and the distinct answers (distractors
// included) in the order first written, for the drop-downs.
std::vector<std::string> matching_prompts(const Question& question);
std::vector<std::string> matching_choices(const Question& question);

// A learner's or a bank's number: optional sign, digits, optional fraction
// ("80", "-1.5", "+3"), at most 15 significant digits. Nothing else: no
// exponent, no hex, no spaces, no thousands separators.
std::optional<double> parse_number(std::string_view text);

// How short answers are compared: ASCII letters lower-cased, spaces, tabs
// and newlines trimmed and runs of them made one space.
std::string normalize_answer(std::string_view text);

}  // namespace portlab::quiz
