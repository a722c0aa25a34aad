#include <doctest/doctest.h>

#include <imgui.h>

#include <sstream>
#include <string>
#include <vector>

#include "ui/a11y/semantics.h"
#include "ui/views/nat_lab_view.h"
#include "ui/widgets/nat_drawing.h"
#include "a11y_nodes.h"
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
  CHECK(f.h.model.progress.lab_challenges_solved.empty());
  REQUIRE(f.click("Full cone"));
  REQUIRE(f.click("Check"));
  CHECK(f.h.model.nat().challenge_solved());
  // The view tells the model, which keeps the solved challenge in progress.
  f.h.frames(1, f.draw);
  CHECK(f.h.model.progress.lab_challenges_solved.count("nat/video-call") == 1);
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

// ---- The drawing: glyphs, envelopes and the rewrite they show.

namespace {

namespace nd = ui::nat_drawing;

const labs::NatNode& node_named(const labs::NatLab& lab, const std::string& name) {
  for (const labs::NatNode& n : lab.nodes())
    if (n.name == name || n.id == name) return n;
  FAIL("no node " << name);
  return lab.nodes().front();
}

}  // namespace

TEST_CASE("NAT drawing: each box gets the glyph its kind and name suggest") {
  labs::NatLab lab;
  REQUIRE(lab.open_link("game-server") == "");
  CHECK(nd::device_for(node_named(lab, "laptop")) == nd::Device::Laptop);
  CHECK(nd::device_for(node_named(lab, "game-server")) == nd::Device::Server);
  CHECK(nd::device_for(node_named(lab, "router")) == nd::Device::Router);
  // An internet host named for a person is their computer, not a server.
  CHECK(nd::device_for(node_named(lab, "friend")) == nd::Device::Laptop);
  CHECK(nd::device_for({"192.168.1.11", "tablet", "192.168.1.11", labs::NatNode::Kind::LanHost}) ==
        nd::Device::Phone);
  CHECK(nd::device_for({"198.51.100.9", "", "198.51.100.9", labs::NatNode::Kind::InternetHost}) ==
        nd::Device::Server);
  CHECK(nd::device_for({"cgn", "carrier NAT", "198.51.100.1", labs::NatNode::Kind::Cgn}) == nd::Device::Cgn);
}

TEST_CASE("NAT drawing: the envelope that arrives strikes the source the router rewrote") {
  labs::NatLab lab;
  REQUIRE(lab.open_link("game-server") == "");
  REQUIRE(lab.step_forward());
  const auto& packets = lab.records().back().packets;
  REQUIRE(packets.size() == 2);  // the laptop's SYN and the answer
  const labs::NatPacket& out = packets[0];
  REQUIRE(out.action == nat::Action::Translated);

  const nd::Envelope sent = nd::sent_envelope(out);
  CHECK(sent.from.value == net::to_string(out.before.src));
  CHECK_FALSE(sent.from.rewritten());
  CHECK_FALSE(sent.to.rewritten());
  CHECK(sent.kind == "TCP SYN");

  const nd::Envelope got = nd::arrived_envelope(out);
  CHECK(got.from.replaced.rfind("192.168.1.10:", 0) == 0);  // struck through
  CHECK(got.from.value.rfind("203.0.113.1:", 0) == 0);      // beside it
  CHECK_FALSE(got.to.rewritten());
  CHECK(got.caption == "received");
  CHECK(nd::rewriter(out) == "router");

  // The answer comes back to the public address; the router rewrites its destination.
  const nd::Envelope answer = nd::arrived_envelope(packets[1]);
  CHECK(answer.reply);
  CHECK(answer.to.replaced == got.from.value);
  CHECK(answer.to.value == got.from.replaced);
  CHECK_FALSE(answer.from.rewritten());

  // On its way, the envelope changes only once it has passed the router.
  const nd::Envelope before_router = nd::travelling_envelope(out, [](const std::string&) { return false; });
  CHECK_FALSE(before_router.from.rewritten());
  const nd::Envelope past_router =
      nd::travelling_envelope(out, [](const std::string& box) { return box == "router"; });
  CHECK(past_router.from.replaced == got.from.replaced);
  CHECK(past_router.from.value == got.from.value);
}

TEST_CASE("NAT drawing: a dropped packet says where it stopped and rewrites nothing") {
  labs::NatLab lab;
  REQUIRE(lab.open_link("game-server") == "");
  REQUIRE(lab.step_forward());
  REQUIRE(lab.step_forward());  // the friend knocks on 203.0.113.1:25565 with no forward
  const labs::NatPacket& in = lab.records().back().packets.front();
  REQUIRE(in.action == nat::Action::Dropped);
  CHECK(nd::stop_place(in) == "the router");
  const nd::Envelope e = nd::arrived_envelope(in);
  CHECK(e.dropped);
  CHECK(e.caption == "dropped at the router");
  CHECK_FALSE(e.from.rewritten());
  CHECK_FALSE(e.to.rewritten());
  CHECK(nd::rewrites(in).empty());
}

TEST_CASE("NAT drawing: behind a carrier NAT the envelope shows each translation in turn") {
  test::ViewHarness h;
  h.load_shipped_content();
  labs::NatLab& lab = h.model.nat();
  REQUIRE(lab.open_scenario("cgn-nat444") == "");
  REQUIRE(lab.step_forward());
  const labs::NatPacket& out = lab.records().back().packets.front();
  REQUIRE(out.action == nat::Action::Translated);
  const std::vector<nd::Rewrite> rw = nd::rewrites(out);
  REQUIRE(rw.size() == 2);
  CHECK(rw[0].box == "router");
  CHECK(rw[1].box == "cgn");
  CHECK(rw[0].to == rw[1].from);  // the shared address between the two NATs
  const std::string inside = net::to_string(out.before.src);
  // Between the router and the carrier NAT: the shared (100.64/10) address.
  const nd::Envelope middle =
      nd::travelling_envelope(out, [](const std::string& box) { return box == "router"; });
  CHECK(middle.from.replaced == inside);
  CHECK(middle.from.value == rw[0].to);
  CHECK(middle.from.value.rfind("100.64.", 0) == 0);
  // Past both, what the website receives.
  const nd::Envelope past = nd::travelling_envelope(out, [](const std::string&) { return true; });
  CHECK(past.from.replaced == inside);
  CHECK(past.from.value == net::to_string(out.after.src));
}

TEST_CASE("NAT drawing: a packet built by hand, with no trace, still shows its rewrite") {
  labs::NatPacket p;
  p.before = {net::Transport::Udp, {net::Ipv4{0xC0A8010Au}, 51000}, {net::Ipv4{0xC6336432u}, 9000}, 0};
  p.after = p.before;
  p.after.src = {net::Ipv4{0xCB007101u}, 51000};
  p.action = nat::Action::Translated;
  p.path = {"192.168.1.10", "router", "198.51.100.50"};
  const nd::Envelope e = nd::arrived_envelope(p);
  CHECK(e.kind == "UDP");
  CHECK(e.from.replaced == "192.168.1.10:51000");
  CHECK(e.from.value == "203.0.113.1:51000");
  const std::vector<nd::Rewrite> rw = nd::rewrites(p);
  REQUIRE(rw.size() == 1);
  CHECK(rw[0].box == "router");
  CHECK(rw[0].source);
}

TEST_CASE("NAT Lab view: with reduced motion every step of every challenge is drawn without animating") {
  Fixture f;
  f.h.settings.reduced_motion = true;
  for (const std::string& id : labs::NatLab::challenge_ids()) {
    REQUIRE(f.h.model.nat().open_link(id) == "");
    f.h.frame(f.draw);
    while (f.h.model.nat().step() < f.h.model.nat().event_count()) {
      REQUIRE(f.click("Step"));
      INFO(id << " step " << f.h.model.nat().step());
      CHECK(f.h.model.nat().progress() == 1.0);
      CHECK_FALSE(f.view.animating());
      f.h.frame(f.draw);
      CHECK_FALSE(f.view.animating());  // and it stays idle: no frames are asked for
    }
  }
}

TEST_CASE("NAT Lab view: packets in flight are drawn at every point of every scenario, wide and narrow") {
  for (float width : {1280.0f, 390.0f}) {
    Fixture f(width, 1600);
    f.h.load_shipped_content();
    labs::NatLab& lab = f.h.model.nat();
    for (const std::string& name : lab.scenario_names()) {
      REQUIRE(lab.open_scenario(name) == "");
      while (lab.step_forward()) {
        INFO(name << " step " << lab.step() << " width " << width);
        // Frames through the whole step at four times the speed: every
        // packet is drawn before, at and past the NAT boxes.
        lab.set_speed(4.0);
        for (int i = 0; i < 25 && lab.progress() < 1.0; ++i) {
          f.h.frame(f.draw);
          CHECK((f.view.animating() || lab.progress() >= 1.0));
        }
        lab.finish_animation();
        f.h.frame(f.draw);
        CHECK_FALSE(f.view.animating());
      }
    }
  }
}

// ---- What assistive technology reads.

namespace {

// Everything the mirror would show of the last frame, as one string.
std::string semantics_text() {
  std::ostringstream out;
  for (const ui::a11y::Node& n : ui::a11y::current()->nodes())
    out << n.id << ' ' << n.parent << ' ' << static_cast<int>(n.role) << ' ' << n.name << '|' << n.value << '|'
        << n.description << '|' << n.min.x << ',' << n.min.y << ',' << n.max.x << ',' << n.max.y << ' '
        << n.states << '\n';
  return out.str();
}

}  // namespace

TEST_CASE("NAT Lab view: the drawing has a text alternative; each step is read out") {
  Fixture f;
  REQUIRE(f.h.model.nat().open_link("game-server") == "");
  f.h.frames(2, f.draw);
  const ui::a11y::Node* figure = test::node_with(ui::a11y::Role::Figure, "Network drawing");
  REQUIRE(figure != nullptr);
  CHECK(figure->description.find("laptop 192.168.1.10") != std::string::npos);
  CHECK(figure->description.find("No packet sent yet") != std::string::npos);
  CHECK(test::node_with(ui::a11y::Role::Table, "Devices") != nullptr);
  CHECK(test::node_with(ui::a11y::Role::Cell, "203.0.113.1") != nullptr);
  for (const char* field : {"Protocol", "External port", "Internal address", "Internal port"})
    CHECK_MESSAGE(test::node_with(ui::a11y::Role::TextField, field) != nullptr, field);
  CHECK(test::node_with(ui::a11y::Role::Slider, "Speed") != nullptr);
  CHECK(test::node_with(ui::a11y::Role::Combo, "NAT behaviour") != nullptr);

  f.h.settings.reduced_motion = true;  // each step at its end at once
  REQUIRE(f.click("Step"));
  f.h.frame(f.draw);
  CHECK(test::node_with(ui::a11y::Role::Status, "Step 1 of") != nullptr);
  const ui::a11y::Node* sent = test::node_with(ui::a11y::Role::ListItem, "The packet, TCP SYN: sent from 192.168.1.10:");
  REQUIRE(sent != nullptr);
  CHECK(sent->name.find("The router rewrites the source 192.168.1.10:") != std::string::npos);
  CHECK(sent->name.find("translated and delivered") != std::string::npos);
  CHECK(test::node_with(ui::a11y::Role::Status, "Outcome: translated and delivered") != nullptr);
  CHECK(test::node_with(ui::a11y::Role::ColumnHeader, "Outside") != nullptr);  // the NAT table

  REQUIRE(f.click("Step"));  // the friend knocks with no forward: dropped
  f.h.frame(f.draw);
  const ui::a11y::Node* dropped = test::node_with(ui::a11y::Role::ListItem, "Dropped at the router: ");
  REQUIRE(dropped != nullptr);
  CHECK(test::node_with(ui::a11y::Role::Status, "Outcome: dropped") != nullptr);
}

TEST_CASE("NAT Lab view: while a packet travels, what assistive technology reads stays the same") {
  Fixture f;
  REQUIRE(f.h.model.nat().open_link("video-call") == "");
  f.h.model.nat().set_speed(0.25);
  f.h.frames(2, f.draw);
  REQUIRE(f.click("Step"));
  f.h.frame(f.draw);
  const double before = f.h.model.nat().progress();
  const std::string first = semantics_text();
  f.h.frames(3, f.draw);
  REQUIRE(f.h.model.nat().progress() > before);  // the packet moved...
  REQUIRE(f.h.model.nat().progress() < 1.0);
  CHECK(semantics_text() == first);  // ...and the mirror has nothing to change
}
