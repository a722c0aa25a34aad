// The question card: the learner's clicks become the Response the caller
// grades, and the caller's grade comes back as feedback on screen.
#include <doctest/doctest.h>

#include <algorithm>

#include "ui/keys.h"
#include "ui/widgets/question_card.h"
#include "a11y_nodes.h"
#include "view_harness.h"

using namespace portlab;
using Action = ui::QuestionCard::Action;

namespace {

quiz::Question https_question() {
  quiz::Question q;
  q.id = "https-port";
  q.type = quiz::QuestionType::SingleChoice;
  q.prompt = "Which port does HTTPS use by default?";
  q.options = {{"80", 0, "80 is plain HTTP."},
               {"443", 1, "Right: 443 is HTTPS."},
               {"8080", 0, "8080 is a common alternative HTTP port."}};
  q.explanation = "IANA registered 443 for HTTP over TLS.";
  return q;
}

// The card in a window, drawn with whatever feedback the test holds; the
// last action a frame returned is kept.
struct CardFixture {
  test::ViewHarness h;
  ui::QuestionCard card;
  quiz::Question question = https_question();
  std::optional<quiz::Grade> feedback;
  ui::QuestionCard::Options options;
  Action last = Action::None;
  test::ViewHarness::DrawFn draw = test::ViewHarness::in_window([this] {
    const Action a = card.draw(h.context(), question, feedback, options);
    if (a != Action::None) last = a;
  });
  CardFixture() { h.frames(2, draw); }
  bool click(const std::string& label) { return h.click(label, draw); }
  bool shows(const std::string& text) const {
    return std::find(card.shown().begin(), card.shown().end(), text) != card.shown().end();
  }
};

}  // namespace

TEST_CASE("question card: clicking an option then 'Check answer' submits that option") {
  CardFixture f;
  REQUIRE(f.click("443"));
  CHECK(f.last == Action::None);  // choosing is not yet answering
  REQUIRE(f.click("Check answer"));
  CHECK(f.last == Action::Submit);
  const auto* choice = std::get_if<quiz::ChoiceResponse>(&f.card.response());
  REQUIRE(choice);
  CHECK(choice->selected == std::vector<size_t>{1});
}

TEST_CASE("question card: 'Check answer' does nothing until an option is chosen") {
  CardFixture f;
  REQUIRE(f.click("Check answer"));
  CHECK(f.last == Action::None);
}

TEST_CASE("question card: the grade's feedback and the explanation are shown, then Next") {
  CardFixture f;
  REQUIRE(f.click("80"));
  REQUIRE(f.click("Check answer"));
  REQUIRE(f.last == Action::Submit);
  f.feedback = quiz::grade(f.question, f.card.response());
  f.h.frames(2, f.draw);
  CHECK(f.shows("Not right."));
  CHECK(f.shows("80 is plain HTTP."));
  CHECK(f.shows("IANA registered 443 for HTTP over TLS."));
  CHECK(f.h.find("Check answer") == nullptr);
  REQUIRE(f.click("Next"));
  CHECK(f.last == Action::Next);
}

TEST_CASE("question card: 'Reveal answer' shows the answer and explanation without grading") {
  CardFixture f;
  CHECK_FALSE(f.shows("IANA registered 443 for HTTP over TLS."));
  REQUIRE(f.click("Reveal answer"));
  f.h.frames(1, f.draw);
  CHECK(f.card.revealed());
  CHECK(f.shows("IANA registered 443 for HTTP over TLS."));
  CHECK(f.last == Action::None);
}

TEST_CASE("question card: the True/False buttons become a true/false response") {
  CardFixture f;
  f.question = quiz::Question{};
  f.question.id = "tf";
  f.question.type = quiz::QuestionType::TrueFalse;
  f.question.prompt = "Port 443 lies in the system range.";
  f.h.frames(2, f.draw);
  REQUIRE(f.click("False"));
  REQUIRE(f.click("Check answer"));
  REQUIRE(f.last == Action::Submit);
  const auto* tf = std::get_if<quiz::TrueFalseResponse>(&f.card.response());
  REQUIRE(tf);
  CHECK(tf->value == false);
}

TEST_CASE("question card: a new question starts from a blank answer") {
  CardFixture f;
  REQUIRE(f.click("443"));
  f.question.id = "another";
  f.h.frames(2, f.draw);
  REQUIRE(f.click("Check answer"));
  CHECK(f.last == Action::None);  // nothing chosen for the new question
}

TEST_CASE("question card: a typed port and Enter submit a numeric response") {
  CardFixture f;
  f.question = quiz::Question{};
  f.question.id = "ssh-port";
  f.question.type = quiz::QuestionType::Numeric;
  f.question.prompt = "Which TCP port does SSH listen on by default?";
  f.question.numeric_answers.push_back({22, 22, 1, ""});
  f.h.frames(2, f.draw);
  REQUIRE(f.click("##Your answer"));
  ImGui::GetIO().AddInputCharactersUTF8("22");
  f.h.frames(1, f.draw);
  CHECK(f.last == Action::None);
  f.h.press_key(ui::keys::kEnter, f.draw);
  REQUIRE(f.last == Action::Submit);
  const auto* number = std::get_if<quiz::NumericResponse>(&f.card.response());
  REQUIRE(number);
  CHECK(number->value == 22);
}

TEST_CASE("question card: options are radio buttons, the verdict and explanation status, the answer field named") {
  using ui::a11y::Role;
  CardFixture f;
  const ui::a11y::Node* option = test::node_with(Role::Radio, "443");
  REQUIRE(option);
  CHECK(option->name == "443");
  CHECK_FALSE((option->states & ui::a11y::kChecked) != 0);
  REQUIRE(f.click("80"));
  CHECK((test::node_with(Role::Radio, "80")->states & ui::a11y::kChecked) != 0);
  CHECK(test::node_with(Role::Status, "Not right.") == nullptr);
  REQUIRE(f.click("Check answer"));
  f.feedback = quiz::grade(f.question, f.card.response());
  f.h.frames(2, f.draw);
  CHECK(test::node_with(Role::Status, "Not right.") != nullptr);
  CHECK(test::node_with(Role::Status, "80 is plain HTTP.") != nullptr);
  CHECK(test::node_with(Role::Status, "IANA registered 443 for HTTP over TLS.") != nullptr);
  CHECK((test::node_with(Role::Radio, "80")->states & ui::a11y::kDisabled) != 0);  // answered: locked

  f.question = quiz::Question{};
  f.question.id = "ssh-port";
  f.question.type = quiz::QuestionType::Numeric;
  f.question.prompt = "Which TCP port does SSH listen on by default?";
  f.feedback.reset();
  f.h.frames(2, f.draw);
  const ui::a11y::Node* field = test::node_with(Role::TextField, "Your answer");
  REQUIRE(field);
  CHECK(field->name == "Your answer");
}
