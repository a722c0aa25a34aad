#include <doctest/doctest.h>

#include <imgui.h>

#include <string>

#include "ui/views/nat_lab_view.h"
#include "view_harness.h"

using namespace portlab;

namespace {

using Fixture = test::ViewFixture<ui::NatLabView>;

// Clicks a text field and types into it as a learner would.
void type_into(Fixture& f, const char* label, const std::string& text) {
  REQUIRE_MESSAGE(f.click(label), label);
  for (char c : text) {
    ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
    f.h.frame(f.draw);
  }
}

constexpr int kKeyN = 17;  // USB HID "n"
constexpr int kKeyB = 5;   // USB HID "b"

}  // namespace

TEST_CASE("NAT Lab view: typing a forwarding rule and pressing Add rule solves the game") {
  Fixture f;
  REQUIRE(f.h.model.nat().open_link("game-server") == "");
  f.h.frames(2, f.draw);
  CHECK_FALSE(f.h.model.nat().challenge_solved());
  type_into(f, "External port", "25565");
  type_into(f, "Internal address", "192.168.1.30");
  type_into(f, "Internal port", "25565");
  REQUIRE(f.click("Add rule"));
  INFO(f.h.model.nat().challenge()->engine_showed);
  REQUIRE(f.h.model.nat().rules().size() == 1);
  CHECK(nat::describe(f.h.model.nat().rules()[0]) == "tcp 25565 -> 192.168.1.30:25565");
  CHECK(f.h.model.nat().challenge_solved());
  // The rule can be taken away again with its Remove button.
  REQUIRE(f.click("Remove"));
  CHECK(f.h.model.nat().rules().empty());
  CHECK_FALSE(f.h.model.nat().challenge_solved());
}

TEST_CASE("NAT Lab view: a rule the engine refuses shows its reason and adds nothing") {
  Fixture f;
  REQUIRE(f.h.model.nat().open_link("game-server") == "");
  f.h.frames(2, f.draw);
  type_into(f, "External port", "25565");
  type_into(f, "Internal address", "10.9.9.9");
  type_into(f, "Internal port", "25565");
  REQUIRE(f.click("Add rule"));
  CHECK(f.h.model.nat().rules().empty());
  CHECK_FALSE(f.h.model.nat().challenge_solved());
}

TEST_CASE("NAT Lab view: Step, Step back and the N / B keys move the timeline") {
  Fixture f;
  REQUIRE(f.h.model.nat().open_link("video-call") == "");
  f.h.frames(2, f.draw);
  REQUIRE(f.click("Step"));
  CHECK(f.h.model.nat().step() == 1);
  CHECK(f.view.animating());  // the packet is on its way
  REQUIRE(f.click("Step"));
  CHECK(f.h.model.nat().step() == 2);
  REQUIRE(f.click("Step back"));
  CHECK(f.h.model.nat().step() == 1);
  f.h.press_key(kKeyN, f.draw);
  CHECK(f.h.model.nat().step() == 2);
  f.h.press_key(kKeyB, f.draw);
  CHECK(f.h.model.nat().step() == 1);
}

TEST_CASE("NAT Lab view: with reduced motion a step shows its end at once and nothing animates") {
  Fixture f;
  f.h.settings.reduced_motion = true;
  REQUIRE(f.h.model.nat().open_link("video-call") == "");
  REQUIRE(f.click("Step"));
  CHECK(f.h.model.nat().step() == 1);
  CHECK(f.h.model.nat().progress() == 1.0);
  CHECK_FALSE(f.view.animating());
}

TEST_CASE("NAT Lab view: choosing full cone and pressing Check solves the video call challenge") {
  Fixture f;
  REQUIRE(f.h.model.nat().open_link("video-call") == "");
  f.h.frames(2, f.draw);
  REQUIRE(f.click("Symmetric"));
  REQUIRE(f.click("Check"));
  CHECK_FALSE(f.h.model.nat().challenge_solved());
  REQUIRE(f.click("Full cone"));
  REQUIRE(f.click("Check"));
  CHECK(f.h.model.nat().challenge_solved());
}

TEST_CASE("NAT Lab view: on a phone everything fits the width and the drawing comes first") {
  Fixture f(390, 2400);  // phone width; tall so the whole column is on screen
  REQUIRE(f.h.model.nat().open_link("game-server") == "");
  f.h.frames(3, f.draw);
  for (const char* label : {"Step", "Step back", "Play", "Check", "Add rule", "Internal address"}) {
    const ui::ProbedItem* item = f.h.find(label);
    REQUIRE_MESSAGE(item, std::string(label));
    CHECK_MESSAGE(item->max.x <= 390.0f, std::string(label));
  }
  const ui::ProbedItem* step = f.h.find("Step");
  const ui::ProbedItem* add = f.h.find("Add rule");
  REQUIRE(add);
  CHECK(add->min.y > step->max.y);
}
