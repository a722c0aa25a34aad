#include <doctest/doctest.h>

#include "core/practice/answer_text.h"
#include "core/quiz/gift_parser.h"

using namespace portlab;

namespace {

quiz::Question only(const std::string& gift) {
  quiz::GiftParse p = quiz::parse_gift("$CATEGORY: portlab/ports\n\n" + gift, "t.gift");
  REQUIRE(p.ok());
  REQUIRE(p.questions.size() == 1);
  return p.questions[0];
}

}  // namespace

TEST_CASE("answer text: choice questions name the chosen and the right options") {
  quiz::Question single = only("::q:: HTTPS? {=443 =TCP 443 ~80 ~8080}");
  CHECK(practice::describe_response(single, quiz::ChoiceResponse{{2}}) == "80");
  CHECK(practice::describe_correct_answer(single) == "443 or TCP 443");
  CHECK(practice::describe_response(single, quiz::ChoiceResponse{}) == "(nothing chosen)");

  quiz::Question multi = only("::m:: Well-known? {~%50%22 ~%50%53 ~%-100%50000}");
  CHECK(practice::describe_response(multi, quiz::ChoiceResponse{{0, 2}}) == "22; 50000");
  CHECK(practice::describe_correct_answer(multi) == "22; 53");
}

TEST_CASE("answer text: numbers, ranges, text, true/false and matching") {
  quiz::Question numeric = only("::n:: SSH? {#22}");
  CHECK(practice::describe_correct_answer(numeric) == "22");
  CHECK(practice::describe_response(numeric, quiz::NumericResponse{2222}) == "2222");
  CHECK(practice::describe_correct_answer(only("::r:: Near? {#70..90}")) == "70 to 90");

  quiz::Question text = only("::s:: Name of 53? {=dns =domain}");
  CHECK(practice::describe_correct_answer(text) == "dns or domain");
  CHECK(practice::describe_response(text, quiz::TextResponse{"ntp"}) == "ntp");

  quiz::Question tf = only("::t:: Ports are 16-bit. {T}");
  CHECK(practice::describe_correct_answer(tf) == "True");
  CHECK(practice::describe_response(tf, quiz::TrueFalseResponse{false}) == "False");

  quiz::Question match = only("::x:: Match. {=ssh -> 22 =dns -> 53}");
  CHECK(practice::describe_correct_answer(match) == "ssh -> 22; dns -> 53");
  CHECK(practice::describe_response(match, quiz::MatchingResponse{{"53"}}) ==
        "ssh -> 53; dns -> (none)");
}
