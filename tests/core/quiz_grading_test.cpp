#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/ports/exam_ports.h"
#include "core/quiz/gift_parser.h"
#include "shipped_lessons.h"

using namespace portlab;
using namespace portlab::quiz;

namespace {

Question from_gift(const std::string& text) {
  GiftParse p = parse_gift("$CATEGORY: portlab/ports\n\n" + text, "t.gift");
  for (const GiftError& e : p.errors) INFO(e.line << ": " << e.message);
  REQUIRE(p.errors.empty());
  REQUIRE(p.questions.size() == 1);
  return p.questions.front();
}

Grade choose(const Question& q, std::vector<size_t> selected) {
  return grade(q, ChoiceResponse{std::move(selected)});
}

using test::shipped_bank;

const Question& find(const GiftParse& bank, const std::string& id) {
  for (const Question& q : bank.questions)
    if (q.id == id) return q;
  FAIL("no question " << id);
  throw 0;
}

}  // namespace

TEST_CASE("grade single choice: the chosen option's credit and feedback") {
  Question q = from_gift("Port? {=22#yes ~23#telnet ~%50%2222#half}");
  Grade right = choose(q, {0});
  CHECK(right.correct);
  CHECK(right.credit == 1.0);
  CHECK(right.feedback == std::vector<std::string>{"yes"});
  CHECK(right.error.empty());

  Grade wrong = choose(q, {1});
  CHECK_FALSE(wrong.correct);
  CHECK(wrong.credit == 0.0);
  CHECK(wrong.feedback == std::vector<std::string>{"telnet"});

  Grade half = choose(q, {2});
  CHECK_FALSE(half.correct);
  CHECK(half.credit == 0.5);
}

TEST_CASE("grade single choice: none, two or a missing option is an invalid response") {
  Question q = from_gift("Port? {=22 ~23}");
  CHECK_FALSE(choose(q, {}).error.empty());
  CHECK_FALSE(choose(q, {0, 1}).error.empty());
  Grade missing = choose(q, {7});
  CHECK(missing.error.find("option 7 does not exist") != std::string::npos);
  CHECK_FALSE(missing.correct);
  CHECK(missing.credit == 0.0);
}

TEST_CASE("grade multiple choice: GIFT weights add up, negative ones subtract, 0..1") {
  Question q = from_gift("DNS? {~%50%UDP#u ~%50%TCP#t ~%-100%SCTP#s}");
  Grade both = choose(q, {0, 1});
  CHECK(both.correct);
  CHECK(both.credit == doctest::Approx(1.0));
  CHECK(both.feedback == std::vector<std::string>{"u", "t"});

  Grade one = choose(q, {1});
  CHECK_FALSE(one.correct);
  CHECK(one.credit == doctest::Approx(0.5));

  Grade all = choose(q, {0, 1, 2});
  CHECK_FALSE(all.correct);
  CHECK(all.credit == 0.0);
  CHECK(all.feedback.size() == 3);

  Grade only_wrong = choose(q, {2});
  CHECK(only_wrong.credit == 0.0);  // never below 0

  CHECK(choose(q, {}).credit == 0.0);
  CHECK_FALSE(choose(q, {0, 0}).error.empty());
}

TEST_CASE("grade multiple choice: 3 x 33.333% is full credit") {
  Question q = from_gift("x {~%33.333%a ~%33.333%b ~%33.333%c ~%-100%d}");
  Grade g = choose(q, {0, 1, 2});
  CHECK(g.correct);
  CHECK(g.credit == 1.0);
}

TEST_CASE("grade true/false: right answer, and the feedback of the value chosen") {
  Question q = from_gift("514/tcp is syslog. {F#No, rsh.#Right.}");
  Grade said_false = grade(q, TrueFalseResponse{false});
  CHECK(said_false.correct);
  CHECK(said_false.feedback == std::vector<std::string>{"Right."});
  Grade said_true = grade(q, TrueFalseResponse{true});
  CHECK_FALSE(said_true.correct);
  CHECK(said_true.credit == 0.0);
  CHECK(said_true.feedback == std::vector<std::string>{"No, rsh."});
}

TEST_CASE("grade numeric: intervals are inclusive, the best matching answer counts") {
  Question q = from_gift("x {# =%50%50..70#near =60:1#exact-ish =%0%80#known mistake ~#other}");
  Grade exact = grade(q, NumericResponse{60});
  CHECK(exact.correct);
  CHECK(exact.feedback == std::vector<std::string>{"exact-ish"});
  CHECK(grade(q, NumericResponse{61}).correct);  // 60:1 includes 61
  Grade near = grade(q, NumericResponse{55});
  CHECK_FALSE(near.correct);
  CHECK(near.credit == 0.5);
  Grade mistake = grade(q, NumericResponse{80});
  CHECK(mistake.credit == 0.0);
  CHECK(mistake.feedback == std::vector<std::string>{"known mistake"});
  Grade other = grade(q, NumericResponse{1000});
  CHECK(other.credit == 0.0);
  CHECK(other.feedback == std::vector<std::string>{"other"});
  CHECK_FALSE(grade(q, NumericResponse{std::nan("")}).error.empty());
  CHECK_FALSE(grade(q, NumericResponse{std::numeric_limits<double>::infinity()}).error.empty());
}

TEST_CASE("grade short answer: case, surrounding and repeated spaces do not matter") {
  Question q = from_gift("Cap? {=CAP_NET_BIND_SERVICE#yes =%50%net bind#half}");
  CHECK(grade(q, TextResponse{"  cap_net_bind_service "}).correct);
  Grade half = grade(q, TextResponse{"NET \t  BIND"});
  CHECK(half.credit == 0.5);
  CHECK(half.feedback == std::vector<std::string>{"half"});
  Grade wrong = grade(q, TextResponse{"CAP_NET_ADMIN"});
  CHECK_FALSE(wrong.correct);
  CHECK(wrong.feedback.empty());
}

TEST_CASE("grade matching: each pair is an equal share; wrong pairs say what they go with") {
  Question q = from_gift("Match {=ssh -> 22 =dns -> 53 =https -> 443 = -> 23}");
  CHECK(grade(q, MatchingResponse{{"22", "53", "443"}}).correct);
  Grade two = grade(q, MatchingResponse{{"22", "23", "443"}});
  CHECK_FALSE(two.correct);
  CHECK(two.credit == doctest::Approx(2.0 / 3));
  CHECK(two.feedback == std::vector<std::string>{"'dns' goes with '53', not '23'."});
  Grade blank = grade(q, MatchingResponse{{"", "53", "443"}});
  CHECK(blank.feedback.at(0).find("left unmatched") != std::string::npos);
  CHECK_FALSE(grade(q, MatchingResponse{{"22", "53"}}).error.empty());
}

TEST_CASE("grade simulation: the engine's verdict and its sentence") {
  Question q = from_gift("// @simulation nat-forward port=25565\n::s:: Forward it. {}");
  Grade pass = grade(q, SimulationResponse{true, "The friend reached 25565."});
  CHECK(pass.correct);
  CHECK(pass.feedback == std::vector<std::string>{"The friend reached 25565."});
  CHECK_FALSE(grade(q, SimulationResponse{false, ""}).correct);
}

TEST_CASE("grade: a response of another type is invalid and earns nothing") {
  Question q = from_gift("Port? {#22}");
  Grade g = grade(q, TextResponse{"22"});
  CHECK_FALSE(g.correct);
  CHECK(g.credit == 0.0);
  CHECK(g.error.find("numeric") != std::string::npos);
}

TEST_CASE("parse_number: digits, a sign and a decimal point only, exact like a literal") {
  CHECK(parse_number("80") == 80.0);
  CHECK(parse_number("-1.5") == -1.5);
  CHECK(parse_number("+3") == 3.0);
  CHECK(parse_number("0.1") == 0.1);
  CHECK(parse_number("33.333") == 33.333);
  CHECK(parse_number("999999999999999") == 999999999999999.0);
  for (const char* bad : {"", "-", ".5", "5.", "1e3", "0x10", " 80", "80 ", "1,000", "1.2.3",
                          "1234567890123456", "--1", "nan", "inf"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_number(bad).has_value());
  }
}

TEST_CASE("normalize_answer: lower-case ASCII, one space between words, none around") {
  CHECK(normalize_answer("  Well   Known\tPorts \n") == "well known ports");
  CHECK(normalize_answer("ÄB") == "\xC3\x84" "b");  // only ASCII letters change
  CHECK(normalize_answer("") == "");
}

TEST_CASE("correct_response earns full credit on every question of the shipped bank") {
  GiftParse bank = shipped_bank();
  REQUIRE(bank.ok());
  REQUIRE(bank.questions.size() >= 30);
  for (const Question& q : bank.questions) {
    CAPTURE(q.id);
    Grade g = grade(q, correct_response(q));
    CHECK(g.error.empty());
    CHECK(g.correct);
  }
}

TEST_CASE("the shipped bank explains itself: general feedback everywhere, feedback per option") {
  GiftParse bank = shipped_bank();
  REQUIRE(bank.ok());
  for (const Question& q : bank.questions) {
    CAPTURE(q.id);
    CHECK_FALSE(q.explanation.empty());
    for (const ChoiceOption& o : q.options) CHECK_FALSE(o.feedback.empty());
    if (q.type == QuestionType::TrueFalse) {
      CHECK_FALSE(q.feedback_if_true.empty());
      CHECK_FALSE(q.feedback_if_false.empty());
    }
    if (q.type == QuestionType::Numeric) CHECK_FALSE(q.numeric_fallback_feedback.empty());
  }
  // Every topic and every gradable GIFT type is represented.
  for (Topic t : kTopics) {
    CAPTURE(to_string(t));
    CHECK(std::count_if(bank.questions.begin(), bank.questions.end(),
                        [t](const Question& q) { return q.topic == t; }) >= 5);
  }
  for (QuestionType type : kQuestionTypes) {
    if (type == QuestionType::Simulation) continue;
    CAPTURE(to_string(type));
    CHECK(std::any_of(bank.questions.begin(), bank.questions.end(),
                      [type](const Question& q) { return q.type == type; }));
  }
}

TEST_CASE("R6.1/R6.2 the bank grades DNS 53 and NTP 123 transports on the Used column") {
  GiftParse bank = shipped_bank();
  const Question& dns = find(bank, "ports-dns-transports");
  const ports::ExamPort* row53 = ports::find_exam_port(53);
  REQUIRE(row53 != nullptr);
  // Every subset of the options is correct exactly when the exam table says
  // that set of transports is the right answer.
  REQUIRE(dns.options.size() <= 8);
  for (unsigned mask = 0; mask < (1u << dns.options.size()); ++mask) {
    std::vector<size_t> chosen;
    net::TransportSet set;
    for (size_t i = 0; i < dns.options.size(); ++i) {
      if (!(mask & (1u << i))) continue;
      chosen.push_back(i);
      auto t = net::parse_transport(normalize_answer(dns.options[i].text));
      REQUIRE(t.ok());
      set.add(*t.value);
    }
    CAPTURE(mask);
    CHECK(choose(dns, chosen).correct == ports::transport_answer_correct(*row53, set));
  }

  const Question& ntp = find(bank, "ports-ntp-transport");
  const ports::ExamPort* row123 = ports::find_exam_port(123);
  REQUIRE(row123 != nullptr);
  for (size_t i = 0; i < ntp.options.size(); ++i) {
    net::TransportSet set;
    std::string text = normalize_answer(ntp.options[i].text);
    if (text.find("udp") != std::string::npos) set.add(net::Transport::Udp);
    if (text.find("tcp") != std::string::npos) set.add(net::Transport::Tcp);
    CAPTURE(text);
    CHECK(choose(ntp, {i}).correct == ports::transport_answer_correct(*row123, set));
  }
}
