#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/quiz/gift_parser.h"

using namespace portlab::quiz;

namespace {

GiftParse parse(const std::string& text) { return parse_gift(text, "t.gift"); }

// The one question a text holds; fails the test if it is not exactly one.
Question only(const std::string& text) {
  GiftParse p = parse("$CATEGORY: portlab/ports\n\n" + text);
  for (const GiftError& e : p.errors) INFO(e.line << ": " << e.message);
  REQUIRE(p.errors.empty());
  REQUIRE(p.questions.size() == 1);
  return p.questions.front();
}

std::vector<std::string> ids(const GiftParse& p) {
  std::vector<std::string> out;
  for (const Question& q : p.questions) out.push_back(q.id);
  return out;
}

}  // namespace

TEST_CASE("GIFT: comments are ignored, $CATEGORY portlab/<topic> files questions under a topic") {
  GiftParse p = parse(
      "// a bank\n"
      "$CATEGORY: portlab/nat\n"
      "\n"
      "// just a comment\n"
      "::q1:: NAT? {T}\n"
      "\n"
      "$CATEGORY: $course$/portlab/ephemeral/linux\n"
      "\n"
      "::q2:: Ephemeral? {F}\n");
  REQUIRE(p.ok());
  REQUIRE(p.questions.size() == 2);
  CHECK(p.questions[0].topic == Topic::Nat);
  CHECK(p.questions[0].category == "portlab/nat");
  CHECK(p.questions[0].source_file == "t.gift");
  CHECK(p.questions[0].source_line == 5);
  CHECK(p.questions[1].topic == Topic::Ephemeral);
  CHECK(p.questions[1].category == "$course$/portlab/ephemeral/linux");
}

TEST_CASE("GIFT: the id is the ::title::, else the category and the question's index in it") {
  GiftParse p = parse(
      "$CATEGORY: portlab/ranges\n\n"
      "::named-one:: A? {T}\n\n"
      "B? {T}\n\n"
      "C? {F}\n");
  REQUIRE(p.ok());
  CHECK(ids(p) == std::vector<std::string>{"named-one", "portlab/ranges#2", "portlab/ranges#3"});
}

TEST_CASE("GIFT: [html] [moodle] [plain] [markdown] tags are accepted and removed") {
  Question q = only("::t::[html]What is <b>22</b>? {=[plain]ssh#[markdown]*yes* ~telnet}");
  CHECK(q.prompt == "What is <b>22</b>?");
  CHECK(q.options[0].text == "ssh");
  CHECK(q.options[0].feedback == "*yes*");
  // An unknown tag is ordinary text, as in Moodle.
  CHECK(only("[bold]x {T}").prompt == "[bold]x");
}

TEST_CASE("GIFT: escapes \\~ \\= \\# \\{ \\} \\: \\n \\\\ are literal characters") {
  Question q = only("::esc:: a\\{b\\}c\\=d\\~e\\#f\\:g\\\\h\\ni {=x\\=1#fb\\#2 ~y\\~2 ~z\\{\\}}");
  CHECK(q.prompt == "a{b}c=d~e#f:g\\h\ni");
  REQUIRE(q.options.size() == 3);
  CHECK(q.options[0].text == "x=1");
  CHECK(q.options[0].feedback == "fb#2");
  CHECK(q.options[1].text == "y~2");
  CHECK(q.options[2].text == "z{}");
  // An escaped colon keeps "::" in a title from ending it.
  CHECK(only("::a\\:\\:b:: x {T}").id == "a::b");
}

TEST_CASE("GIFT: single choice {=right ~wrong} with per-option and general feedback") {
  Question q = only(
      "::ssh:: Which port does SSH use? {\n"
      "  =22#Right: SSH is 22/tcp.\n"
      "  ~23#That is telnet.\n"
      "  ~%50%2222#A common alternative, half right.\n"
      "  ####SSH listens on TCP 22.\n"
      "}");
  CHECK(q.type == QuestionType::SingleChoice);
  CHECK(q.prompt == "Which port does SSH use?");
  CHECK_FALSE(q.missing_word);
  REQUIRE(q.options.size() == 3);
  CHECK(q.options[0].text == "22");
  CHECK(q.options[0].fraction == 1.0);
  CHECK(q.options[0].feedback == "Right: SSH is 22/tcp.");
  CHECK(q.options[1].fraction == 0.0);
  CHECK(q.options[2].fraction == 0.5);
  CHECK(q.explanation == "SSH listens on TCP 22.");
}

TEST_CASE("GIFT: without '=' a choice question takes several answers, weighted ~%50% ~%-100%") {
  Question q = only("DNS uses? {~%50%UDP#yes ~%50%TCP ~%-100%SCTP#no}");
  CHECK(q.type == QuestionType::MultipleChoice);
  REQUIRE(q.options.size() == 3);
  CHECK(q.options[0].fraction == 0.5);
  CHECK(q.options[1].fraction == 0.5);
  CHECK(q.options[2].fraction == -1.0);
  CHECK(q.options[2].feedback == "no");
  // 3 x 33.333% counts as 100%.
  CHECK(only("x {~%33.333%a ~%33.333%b ~%33.333%c ~d}").options.size() == 4);
}

TEST_CASE("GIFT: true/false {T} {TRUE} {F} {FALSE}, feedback #if wrong#if right") {
  CHECK(only("a {T}").truth);
  CHECK(only("a {TRUE}").truth);
  CHECK_FALSE(only("a {F}").truth);
  CHECK_FALSE(only("a {FALSE}").truth);
  Question f = only("514/tcp is syslog. {F#No, it is rsh.#Right, rsh.####Per transport.}");
  CHECK(f.type == QuestionType::TrueFalse);
  CHECK(f.feedback_if_true == "No, it is rsh.");
  CHECK(f.feedback_if_false == "Right, rsh.");
  CHECK(f.explanation == "Per transport.");
  Question t = only("a {T#wrong#right}");
  CHECK(t.feedback_if_true == "right");
  CHECK(t.feedback_if_false == "wrong");
}

TEST_CASE("GIFT: short answer {=a =b} with weights =%50% and feedback") {
  Question q = only("Capability? {=CAP_NET_BIND_SERVICE#yes =%50%net_bind#half}");
  CHECK(q.type == QuestionType::ShortAnswer);
  REQUIRE(q.text_answers.size() == 2);
  CHECK(q.text_answers[0].text == "CAP_NET_BIND_SERVICE");
  CHECK(q.text_answers[0].fraction == 1.0);
  CHECK(q.text_answers[0].feedback == "yes");
  CHECK(q.text_answers[1].fraction == 0.5);
  // Moodle's "{no one}" form: one accepted answer without '='.
  Question bare = only("Who? {no one}");
  REQUIRE(bare.text_answers.size() == 1);
  CHECK(bare.text_answers[0].text == "no one");
}

TEST_CASE("GIFT: numeric {#80} {#80:2} {#70..90} and several answers {# =80 =%50%81 ~#other}") {
  Question exact = only("Port? {#80}");
  CHECK(exact.type == QuestionType::Numeric);
  REQUIRE(exact.numeric_answers.size() == 1);
  CHECK(exact.numeric_answers[0].low == 80);
  CHECK(exact.numeric_answers[0].high == 80);

  Question tol = only("Port? {#80:2#close enough}");
  CHECK(tol.numeric_answers[0].low == 78);
  CHECK(tol.numeric_answers[0].high == 82);
  CHECK(tol.numeric_answers[0].feedback == "close enough");

  Question range = only("Dynamic? {#49152..65535}");
  CHECK(range.numeric_answers[0].low == 49152);
  CHECK(range.numeric_answers[0].high == 65535);

  Question several = only(
      "TIME_WAIT? {#\n"
      "  =60#Right.\n"
      "  =%50%59..61#Nearly.\n"
      "  =%0%240#RFC value.\n"
      "  ~#Linux uses 60 s.\n"
      "  ####Hard-coded.\n"
      "}");
  REQUIRE(several.numeric_answers.size() == 3);
  CHECK(several.numeric_answers[1].fraction == 0.5);
  CHECK(several.numeric_answers[1].low == 59);
  CHECK(several.numeric_answers[2].fraction == 0.0);
  CHECK(several.numeric_answers[2].feedback == "RFC value.");
  CHECK(several.numeric_fallback_feedback == "Linux uses 60 s.");
  CHECK(several.explanation == "Hard-coded.");

  Question negative = only("x {#-1.5:0.5}");
  CHECK(negative.numeric_answers[0].low == -2);
  CHECK(negative.numeric_answers[0].high == -1);
}

TEST_CASE("GIFT: matching {=ssh -> 22 =dns -> 53}, with a distractor = -> 80") {
  Question q = only("Match: {=ssh -> 22 =dns -> 53 = -> 80 ####Standard ports.}");
  CHECK(q.type == QuestionType::Matching);
  REQUIRE(q.pairs.size() == 3);
  CHECK(q.pairs[0].prompt == "ssh");
  CHECK(q.pairs[0].answer == "22");
  CHECK(q.pairs[2].prompt.empty());
  CHECK(q.pairs[2].answer == "80");
  CHECK(matching_prompts(q) == std::vector<std::string>{"ssh", "dns"});
  CHECK(matching_choices(q) == std::vector<std::string>{"22", "53", "80"});
  CHECK(q.explanation == "Standard ports.");
}

TEST_CASE("GIFT: missing word, the answer block inside the sentence leaves a gap") {
  Question q = only("Grant is {~buried =entombed ~living} in Grant's tomb.");
  CHECK(q.missing_word);
  CHECK(q.prompt == "Grant is _____ in Grant's tomb.");
  Question n = only("SSH listens on TCP port {#22} by default.");
  CHECK(n.type == QuestionType::Numeric);
  CHECK(n.prompt == "SSH listens on TCP port _____ by default.");
}

TEST_CASE("GIFT: PortLab metadata comments give exam tags, difficulty and a topic override") {
  GiftParse p = parse(
      "$CATEGORY: portlab/ports\n\n"
      "// @exam network-plus:1.4 ccna:1.5\n"
      "// an ordinary comment in between\n"
      "// @difficulty 3 @topic nat\n"
      "::tagged:: x {T}\n\n"
      "::plain:: y {T}\n");
  REQUIRE(p.ok());
  REQUIRE(p.questions.size() == 2);
  const Question& q = p.questions[0];
  CHECK(q.exam_tags == std::vector<std::string>{"network-plus:1.4", "ccna:1.5"});
  CHECK(q.difficulty == 3);
  CHECK(q.topic == Topic::Nat);
  // Metadata belongs to its own question only.
  CHECK(p.questions[1].exam_tags.empty());
  CHECK(p.questions[1].difficulty == 2);
  CHECK(p.questions[1].topic == Topic::Ports);
}

TEST_CASE("GIFT: @level, @reasoning and @covers mark advanced, reasoning and covered items") {
  GiftParse p = parse(
      "$CATEGORY: portlab/ports/services\n\n"
      "// @exam network-plus:1.4 @covers smtps dns smtps @reasoning\n"
      "::applied:: x {T}\n\n"
      "// @level advanced\n"
      "::deep:: y {T}\n\n"
      "// @level exam @exam ccna:1.5\n"
      "::plain:: z {T}\n");
  REQUIRE(p.ok());
  REQUIRE(p.questions.size() == 3);
  CHECK(p.questions[0].covers == std::vector<std::string>{"smtps", "dns"});
  CHECK(p.questions[0].reasoning);
  CHECK_FALSE(p.questions[0].advanced);
  CHECK(p.questions[0].topic == Topic::Ports);  // a sub-category keeps its topic
  CHECK(p.questions[1].advanced);
  CHECK_FALSE(p.questions[1].reasoning);
  CHECK(p.questions[1].covers.empty());
  CHECK_FALSE(p.questions[2].advanced);
}

TEST_CASE("GIFT: @simulation on a question with an empty answer block is a simulation task") {
  Question q = only(
      "// @simulation nat-forward port=25565 host=10.0.0.5\n"
      "::sim:: Let your friend reach the game server. {####A DNAT rule forwards 25565.}");
  CHECK(q.type == QuestionType::Simulation);
  CHECK(q.task.task_id == "nat-forward");
  REQUIRE(q.task.params.size() == 2);
  CHECK(q.task.params[0] == std::pair<std::string, std::string>{"port", "25565"});
  CHECK(q.task.params[1] == std::pair<std::string, std::string>{"host", "10.0.0.5"});
  CHECK(q.explanation == "A DNAT rule forwards 25565.");
}

TEST_CASE("GIFT: CRLF line ends, a UTF-8 BOM and answers spread over lines are read") {
  GiftParse p = parse(
      "\xEF\xBB\xBF$CATEGORY: portlab/ports\r\n\r\n"
      "::crlf:: Which?\r\n{\r\n  =a#one\r\n  ~b#two\r\n}\r\n\r\n"
      "::after:: x {T}\r\n");
  REQUIRE(p.ok());
  REQUIRE(p.questions.size() == 2);
  CHECK(p.questions[0].prompt == "Which?");
  CHECK(p.questions[0].options[1].feedback == "two");
  CHECK(p.questions[1].source_line == 9);
}

TEST_CASE("valid_exam_tag: network-plus domains 1-5, ccna domains 1-6, D.N objectives") {
  CHECK(valid_exam_tag("network-plus:1.4"));
  CHECK(valid_exam_tag("network-plus:5.12"));
  CHECK(valid_exam_tag("ccna:6.1"));
  CHECK_FALSE(valid_exam_tag("network-plus:6.1"));
  CHECK_FALSE(valid_exam_tag("ccna:7.1"));
  CHECK_FALSE(valid_exam_tag("ccna:1.0"));
  CHECK_FALSE(valid_exam_tag("ccna:1.05"));
  CHECK_FALSE(valid_exam_tag("ccna:1"));
  CHECK_FALSE(valid_exam_tag("security-plus:1.1"));
  CHECK_FALSE(valid_exam_tag("ccna"));
}

// ---------------------------------------------------------- malformed input

namespace {

struct Malformed {
  const char* what;
  const char* text;      // starts on line 5 of the file
  int line_in_text;      // 0 = the first line of `text`
  const char* message;   // a fragment of the expected message
};

// Each broken question sits between two good ones in the same file.
const Malformed kMalformed[] = {
    {"unclosed {", "::bad:: Which?\n{=a ~b", 1, "never closed with '}'"},
    {"} without {", "::bad:: Which? =a ~b}", 0, "'}' without an opening '{'"},
    {"{ inside the block", "::bad:: Which? {=a ~b\n{ ~c}", 1, "'{' inside the answer block"},
    {"second block", "::bad:: A {T} and\nB {F}", 1, "a question has one answer block"},
    {"no right option", "::bad:: Which? {~a ~b}", 0, "no option is right"},
    {"single choice without 100%", "::bad:: Which? {=%50%a ~b}", 0, "'=' already means 100%"},
    {"weights not 100", "::bad:: Which?\n{\n~%50%a\n~%30%b\n~c\n}", 1,
     "add up to 80%, not 100%"},
    {"weight out of range", "::bad:: Which?\n{\n~%50%a\n~%150%b\n}", 3, "outside -100%..100%"},
    {"weight not a number", "::bad:: Which? {~%abc%a ~%100%b}", 0, "'%abc%' is not a weight"},
    {"one option", "::bad:: Which? {=a ~}", 0, "an option with no text"},
    {"only one choice", "::bad:: Which? {~%100%a}", 0, "at least two options"},
    {"duplicate option", "::bad:: Which? {=a ~b\n~a}", 1, "'a' is listed twice"},
    {"text before the first answer", "::bad:: Which? {oops =a ~b}", 0, "'oops' comes before"},
    {"matching with one pair", "::bad:: Match {=a -> 1 = -> 2}", 0, "at least two pairs"},
    {"matching pair without ->", "::bad:: Match {=a -> 1\n=b 2}", 1, "'b 2' is not a pair"},
    {"matching with feedback", "::bad:: Match {=a -> 1#no =b -> 2}", 0, "cannot have its own"},
    {"matching prompt twice", "::bad:: Match {=a -> 1 =a -> 2 =b -> 3}", 0, "appears twice"},
    {"empty question", "::bad:: {T}", 0, "the question has no text"},
    {"essay", "::bad:: Write about ports. {}", 0, "essay question"},
    {"description", "::bad:: Just some text.", 0, "no answer block"},
    {"unclosed title", "::bad Which? {T}", 0, "never closed with '::'"},
    {"lower-case true", "::bad:: x {true}", 0, "T, TRUE, F or FALSE in capitals"},
    {"numeric not a number", "::bad:: Port? {#eighty}", 0, "'eighty' is not a number"},
    {"numeric exponent", "::bad:: Port? {#1e3}", 0, "'1e3' is not a number"},
    {"numeric backwards range", "::bad:: Port? {#90..70}", 0, "runs backwards"},
    {"numeric negative tolerance", "::bad:: Port? {#80:-2}", 0, "is negative"},
    {"numeric without a 100% answer", "::bad:: Port? {#=%50%80}", 0, "no numeric answer is worth"},
    {"numeric ~ without #", "::bad:: Port? {#80 ~oops}", 0, "takes only '#feedback'"},
    {"numeric missing number", "::bad:: Port? {# =#fb}", 0, "missing its number"},
    {"short answer twice", "::bad:: Name? {=SSH =ssh}", 0, "accepted twice"},
    {"short answer negative", "::bad:: Name? {=a =%-50%b}", 0, "must be 0%..100%"},
    {"unknown metadata key", "// @levels 2\n::bad:: x {T}", 0, "unknown metadata key '@levels'"},
    {"bad level", "// @level 2\n::bad:: x {T}", 0, "@level takes exam (the default) or advanced"},
    {"advanced with an exam tag", "// @level advanced @exam ccna:1.5\n::bad:: x {T}", 0,
     "cannot also carry @exam ccna:1.5"},
    {"reasoning with a value", "// @reasoning yes\n::bad:: x {T}", 0, "@reasoning takes no value"},
    {"covers an unknown item", "// @exam network-plus:1.4 @covers gopher\n::bad:: x {T}", 0,
     "'gopher' is not an item of an exam objective"},
    {"covers without its objective", "// @exam ccna:1.5 @covers smtps\n::bad:: x {T}", 0,
     "@covers smtps needs @exam network-plus:1.4"},
    {"covers nothing", "// @covers\n::bad:: x {T}", 0, "@covers needs the objective items"},
    {"bad exam tag", "// @exam network+:1.4\n::bad:: x {T}", 0, "is not an exam objective"},
    {"bad difficulty", "// @difficulty 4\n::bad:: x {T}", 0, "@difficulty takes 1"},
    {"difficulty twice", "// @difficulty 1\n// @difficulty 2\n::bad:: x {T}", 1, "given twice"},
    {"bad topic", "// @topic exam\n::bad:: x {T}", 0, "@topic takes one of"},
    {"too many exam tags",
     "// @exam ccna:1.1 ccna:1.2 ccna:1.3 ccna:1.4 ccna:1.5 ccna:1.6 ccna:1.7 ccna:1.8 ccna:1.9\n"
     "::bad:: x {T}",
     0, "more than 8 exam objectives"},
    {"simulation with answers", "// @simulation nat-forward\n::bad:: x {T}", 0,
     "needs an empty answer block"},
    {"simulation bad parameter", "// @simulation nat-forward port\n::bad:: x {}", 0,
     "is not a task parameter"},
    {"metadata without a question", "// @difficulty 2", 0, "followed by no question"},
    {"category with a question in its block", "$CATEGORY: portlab/ports\n::bad:: x {T}", 1,
     "must be followed by a blank line"},
    {"duplicate id", "::before:: again {T}", 0, "'before' is already used on line 3"},
};

}  // namespace

TEST_CASE("GIFT: each malformed question gives its file:line error and the others still load") {
  for (const Malformed& m : kMalformed) {
    CAPTURE(m.what);
    std::string text = std::string("$CATEGORY: portlab/ports\n\n::before:: Before? {T}\n\n") +
                       m.text + "\n\n::after:: After? {F}\n";
    GiftParse p = parse(text);
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0].file == "t.gift");
    CHECK(p.errors[0].line == 5 + m.line_in_text);
    CHECK_MESSAGE(p.errors[0].message.find(m.message) != std::string::npos, p.errors[0].message);
    CHECK(ids(p) == std::vector<std::string>{"before", "after"});
  }
}

TEST_CASE("GIFT: several broken questions in one file are all reported, in line order") {
  GiftParse p = parse(
      "$CATEGORY: portlab/nat\n\n"
      "::a:: x {~a ~b}\n\n"
      "::ok1:: fine {T}\n\n"
      "::b:: y {#zz}\n\n"
      "::c:: z {=a -> 1}\n\n"
      "::ok2:: fine {F}\n");
  REQUIRE(p.errors.size() == 3);
  CHECK(p.errors[0].line == 3);
  CHECK(p.errors[1].line == 7);
  CHECK(p.errors[2].line == 9);
  CHECK(ids(p) == std::vector<std::string>{"ok1", "ok2"});
}

TEST_CASE("GIFT: a question without a topic is an error; after a bad category only that line is") {
  GiftParse none = parse("::q:: x {T}\n\n// @topic ranges\n::r:: y {T}\n");
  REQUIRE(none.errors.size() == 1);
  CHECK(none.errors[0].line == 1);
  CHECK(none.errors[0].message.find("has no topic") != std::string::npos);
  CHECK(ids(none) == std::vector<std::string>{"r"});

  GiftParse bad = parse(
      "$CATEGORY: portlab/exam\n\n::q1:: x {T}\n\n::q2:: y {T}\n\n"
      "$CATEGORY: portlab/nat\n\n::q3:: z {T}\n");
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].line == 1);
  CHECK(bad.errors[0].message.find("must be a topic") != std::string::npos);
  CHECK(ids(bad) == std::vector<std::string>{"q3"});

  // Categories outside portlab/ are fine when each question names its topic.
  GiftParse teacher = parse("$CATEGORY: Networking/Week 3\n\n// @topic ports\n::t:: x {T}\n");
  CHECK(teacher.ok());
}

TEST_CASE("GIFT: hostile sizes are refused with one error instead of being processed") {
  std::string huge(kMaxGiftBytes + 1, 'x');
  GiftParse file = parse(huge);
  REQUIRE(file.errors.size() == 1);
  CHECK(file.errors[0].line == 1);
  CHECK(file.questions.empty());

  std::string long_question = "::big:: " + std::string(kMaxQuestionBytes, 'y') + " {T}";
  GiftParse question = parse("$CATEGORY: portlab/ports\n\n" + long_question + "\n\n::ok:: x {T}\n");
  REQUIRE(question.errors.size() == 1);
  CHECK(question.errors[0].line == 3);
  CHECK(ids(question) == std::vector<std::string>{"ok"});

  // Comment lines count toward a question's size: they carry metadata.
  std::string long_comment = "// " + std::string(kMaxQuestionBytes, 'c') + "\n::q:: x {T}";
  GiftParse comment =
      parse("$CATEGORY: portlab/ports\n\n" + long_comment + "\n\n::ok:: x {T}\n");
  REQUIRE(comment.errors.size() == 1);
  CHECK(comment.errors[0].line == 3);
  CHECK(ids(comment) == std::vector<std::string>{"ok"});

  // A file of nothing but line breaks is read, and the line numbers stay right.
  std::string breaks(1000000, '\n');
  GiftParse blank = parse("$CATEGORY: portlab/ports" + breaks + "::last:: x {}");
  REQUIRE(blank.errors.size() == 1);
  CHECK(blank.errors[0].line == 1000001);

  std::string many = "::many:: x {=a0";
  for (size_t i = 1; i <= kMaxAnswersPerQuestion + 1; ++i) many += " ~a" + std::to_string(i);
  GiftParse answers = parse("$CATEGORY: portlab/ports\n\n" + many + "}\n");
  REQUIRE(answers.errors.size() == 1);
  CHECK(answers.errors[0].message.find("more than 100 answers") != std::string::npos);

  std::string broken;
  for (size_t i = 0; i < 2 * kMaxErrorsPerFile; ++i)
    broken += "::b" + std::to_string(i) + ":: {}\n\n";
  GiftParse flood = parse("$CATEGORY: portlab/ports\n\n" + broken);
  CHECK(flood.errors.size() == kMaxErrorsPerFile);
  CHECK(flood.errors.back().message.find("too many errors") != std::string::npos);
}

TEST_CASE("GIFT merge_into: ids must be unique across the files of a bank") {
  GiftParse bank;
  merge_into(bank, parse_gift("$CATEGORY: portlab/ports\n\n::x:: a {T}\n", "a.gift"));
  merge_into(bank, parse_gift("$CATEGORY: portlab/nat\n\n::y:: b {T}\n\n::x:: c {F}\n", "b.gift"));
  REQUIRE(bank.errors.size() == 1);
  CHECK(bank.errors[0].file == "b.gift");
  CHECK(bank.errors[0].line == 5);
  CHECK(bank.errors[0].message.find("already used in a.gift:3") != std::string::npos);
  CHECK(ids(bank) == std::vector<std::string>{"x", "y"});
  CHECK(bank.questions[0].topic == Topic::Ports);
}
