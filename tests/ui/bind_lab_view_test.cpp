#include <doctest/doctest.h>

#include "core/host/socket_listing.h"
#include "ui/a11y/semantics.h"
#include "ui/keys.h"
#include "ui/views/bind_lab_view.h"
#include "a11y_nodes.h"
#include "view_harness.h"

using namespace portlab;
using BindFixture = test::ViewFixture<ui::BindLabView>;

namespace {

// Stands in for the native app's loopback bind().
struct FakeRealBind : ui::RealBind {
  int calls = 0;
  uint16_t last_port = 0;
  ui::RealBindResult try_bind(uint16_t port, net::Transport, bool) override {
    ++calls;
    last_port = port;
    return {false, "EACCES", "Permission denied"};
  }
};

}  // namespace

TEST_CASE("bind lab view: an ordinary user binding 80 on Linux is shown EACCES under R4.1") {
  BindFixture f;
  REQUIRE(f.click("Linux"));
  REQUIRE(f.click("Ordinary user (uid 1000)"));
  CHECK(f.h.model.bind.uid() == 1000);
  REQUIRE(f.h.model.bind.request().port == 80);
  REQUIRE(f.click("Try bind"));
  REQUIRE(f.h.model.bind.history().size() == 1);
  const host::Decision& d = f.h.model.bind.history().back().decision;
  CHECK(std::string(d.error) == "EACCES");
  f.h.frame(f.draw);
  CHECK(f.view.result_line() == "Refused: EACCES");

  REQUIRE(f.click("root (uid 0)"));
  REQUIRE(f.click("Try bind"));
  REQUIRE(f.h.model.bind.history().size() == 2);
  CHECK(f.h.model.bind.history().back().decision.ok);
  f.h.frame(f.draw);
  CHECK(f.view.result_line() == "OK: bound to port 80");
}

TEST_CASE("bind lab view: the capability checkbox is the model's, and Linux only") {
  BindFixture f;
  REQUIRE(f.click("CAP_NET_BIND_SERVICE"));
  CHECK(f.h.model.bind.capability());
  REQUIRE(f.click("Try bind"));
  CHECK(f.h.model.bind.history().back().decision.ok);
  REQUIRE(f.click("Windows (Vista and later)"));
  CHECK(f.h.model.bind.os().id == ports::OsId::WindowsModern);
  CHECK_FALSE(f.h.model.bind.capability());
}

TEST_CASE("bind lab view: adding and removing an existing socket") {
  BindFixture f;
  REQUIRE(f.click("Add socket"));  // the field starts with 0.0.0.0:8080/tcp:listen
  REQUIRE(f.h.model.bind.existing().size() == 1);
  f.h.model.bind.request().port = 8080;
  REQUIRE(f.click("Try bind"));
  CHECK(std::string(f.h.model.bind.history().back().decision.error) == "EADDRINUSE");
  REQUIRE(f.click("Remove"));
  CHECK(f.h.model.bind.existing().empty());
}

TEST_CASE("bind lab view: 'Try it on this machine' appears only with a real bind, and uses it") {
  BindFixture f;
  CHECK(f.h.find("Try it on this machine") == nullptr);
  FakeRealBind real;
  ui::ViewContext ctx = f.h.context();
  ctx.real_bind = &real;
  f.view.init(ctx);
  f.h.frames(2, f.draw);
  REQUIRE(f.click("Try it on this machine"));
  CHECK(real.calls == 1);
  CHECK(real.last_port == 80);
  CHECK(f.h.model.bind.history().size() == 1);  // the prediction beside it
  f.h.frame(f.draw);
  CHECK(f.view.real_line() == "bind(127.0.0.1:80/tcp): EACCES, Permission denied");
}

TEST_CASE("bind lab view: on a phone nothing reaches past the right edge") {
  BindFixture f(390, 844);
  f.h.model.bind.try_bind();  // the prediction and history widen the page if anything does
  f.h.frames(2, f.draw);
  REQUIRE(f.h.find("Linux") != nullptr);
  for (const std::string& label : f.h.labels()) {
    INFO(label);
    CHECK(f.h.find(label)->max.x <= 390.0f);
  }
}

namespace {

// Tall enough that the Sockets panel below the Port Map is on screen.
constexpr float kTall = 3000;

std::string expected_listing(BindFixture& f, host::ListingTool tool) {
  return host::list_sockets(f.h.model.bind.host(), tool, f.h.model.bind.processes(),
                            f.view.sockets_panel().columns())
      .text;
}

}  // namespace

TEST_CASE("bind lab view: the Sockets panel prints ss -tan for the host, as wide as the panel") {
  BindFixture f(1280, kTall);
  REQUIRE(f.click("Add socket"));  // the field starts with 0.0.0.0:8080/tcp:listen
  f.h.frames_until_settled(f.view, f.draw);  // a slow listing (a busy machine) comes a few frames later
  const ui::SocketsPanel& panel = f.view.sockets_panel();
  CHECK(panel.prompt() == "$ ss -tan");
  CHECK(panel.columns() > 80);
  CHECK(panel.output() == expected_listing(f, host::ListingTool::SsTan));
  CHECK(panel.output().rfind("State ", 0) == 0);
  CHECK(panel.output().find("0.0.0.0:8080") != std::string::npos);
  CHECK(panel.output().find("LISTEN ") != std::string::npos);
}

TEST_CASE("bind lab view: the tool choice shows ss -tulpn with the process, and follows the OS") {
  BindFixture f(1280, kTall);
  f.h.model.bind.set_uid(0);
  REQUIRE(f.h.model.bind.add_existing("0.0.0.0:22/tcp:listen:proc=sshd") == "");
  REQUIRE(f.click("ss -tulpn"));
  f.h.frames_until_settled(f.view, f.draw);  // a slow listing (a busy machine) comes a few frames later
  const ui::SocketsPanel& panel = f.view.sockets_panel();
  CHECK(panel.prompt() == "$ sudo ss -tulpn");
  CHECK(panel.output().find("users:((\"sshd\",pid=812,fd=3))") != std::string::npos);
  CHECK(panel.output() == expected_listing(f, host::ListingTool::SsTulpn));
  REQUIRE(f.click("netstat -tulpn"));
  f.h.frames_until_settled(f.view, f.draw);  // a slow listing (a busy machine) comes a few frames later
  CHECK(panel.output().find("812/sshd") != std::string::npos);

  // Windows has one tool, chosen at once, with its own prompt.
  REQUIRE(f.click("Windows (Vista and later)"));
  f.h.frames_until_settled(f.view, f.draw);  // a slow listing (a busy machine) comes a few frames later
  CHECK(f.h.find("ss -tan") == nullptr);
  CHECK(f.h.find("netstat -ano") != nullptr);
  CHECK(panel.prompt() == "C:\\>netstat -ano");
  CHECK(panel.output().find("  TCP    0.0.0.0:22             0.0.0.0:0              LISTENING") !=
        std::string::npos);
  REQUIRE(f.click("macOS"));
  f.h.frames_until_settled(f.view, f.draw);  // a slow listing (a busy machine) comes a few frames later
  CHECK(panel.prompt() == "$ netstat -an -p tcp");
  CHECK(panel.output().find("tcp4       0      0  *.22 ") != std::string::npos);
}

TEST_CASE("bind lab view: a socket kept bound shows as UNCONN, held by the program 'lab'") {
  BindFixture f(1280, kTall);
  f.h.model.bind.request().port = 5000;
  REQUIRE(f.click("Keep it bound afterwards"));
  REQUIRE(f.click("Try bind"));
  f.h.frames_until_settled(f.view, f.draw);
  const ui::SocketsPanel& panel = f.view.sockets_panel();
  CHECK(panel.output().find("UNCONN") != std::string::npos);
  CHECK(panel.output().find("0.0.0.0:5000") != std::string::npos);
  REQUIRE(f.click("ss -tulpn"));  // -l leaves a bound-only TCP socket out
  f.h.frames_until_settled(f.view, f.draw);  // a slow listing (a busy machine) comes a few frames later
  CHECK(panel.output().find("5000") == std::string::npos);
}

TEST_CASE("bind lab view: a Sockets panel out of sight keeps its listing until it is seen") {
  BindFixture f;  // 800 pixels: the panel is below the fold
  const std::string before = f.view.sockets_panel().output();
  REQUIRE(f.click("Add socket"));
  f.h.frames_until_settled(f.view, f.draw);  // a slow listing (a busy machine) comes a few frames later
  CHECK(f.view.sockets_panel().output() == before);
  f.h.set_display_size(1280, kTall);
  f.h.frames_until_settled(f.view, f.draw);
  CHECK(f.view.sockets_panel().output().find("0.0.0.0:8080") != std::string::npos);
}

TEST_CASE("bind lab view: the arrow keys reach the tool choice, Space enters the listing") {
  BindFixture f(1280, kTall);
  REQUIRE(f.click("Add socket"));
  f.h.frames_until_settled(f.view, f.draw);  // a slow listing (a busy machine) comes a few frames later
  const ui::SocketsPanel& panel = f.view.sockets_panel();
  std::string line;
  for (std::string_view l : host::terminal_lines(panel.output(), panel.columns()))
    if (l.find("0.0.0.0:8080") != std::string_view::npos) line = std::string(l);
  REQUIRE(!line.empty());
  auto reach = [&](int key, const std::string& label, int limit) {
    for (int i = 0; i < limit; ++i) {
      const ui::ProbedItem* item = f.h.find(label);
      if (item && f.h.has_keyboard_focus(*item)) return true;
      f.h.press_key(key, f.draw);
    }
    return false;
  };
  REQUIRE(reach(ui::keys::kDown, "ss -tan", 60));
  REQUIRE(reach(ui::keys::kRight, "ss -tulpn", 3));
  REQUIRE(reach(ui::keys::kLeft, "ss -tan", 3));
  // Down reaches the listing as one piece; Space goes in, and the arrows
  // walk its lines (the listing scrolls to follow).
  f.h.press_key(ui::keys::kDown, f.draw);
  f.h.press_key(ui::keys::kSpace, f.draw);
  CHECK(reach(ui::keys::kDown, line, 5));
}

TEST_CASE("bind lab view: the bind() result is a Status with the errno and the rule; errors are Alerts") {
  BindFixture f;
  REQUIRE(f.click("Ordinary user (uid 1000)"));
  REQUIRE(f.click("Try bind"));
  f.h.frame(f.draw);
  const ui::a11y::Node* result = test::node_with(ui::a11y::Role::Status, "Refused: EACCES");
  REQUIRE(result != nullptr);
  const std::string rule = f.h.model.bind.history().back().decision.rule;
  CHECK(result->name == "Refused: EACCES, rule " + rule);
  // The reason is read out too.
  const std::string why = f.h.model.bind.history().back().decision.explanation;
  CHECK(test::node_with(ui::a11y::Role::Status, why) != nullptr);
  // Every text field has a name, the sysctl's field its setting's.
  CHECK(test::node_with(ui::a11y::Role::TextField, "net.ipv4.ip_unprivileged_port_start") != nullptr);
  CHECK(test::node_with(ui::a11y::Role::TextField, "Socket to add") != nullptr);
  CHECK(test::node_with(ui::a11y::Role::Radio, "TCP") != nullptr);
  // A socket the lab cannot parse is refused with an Alert.
  CHECK(test::node_with(ui::a11y::Role::Alert, "") == nullptr);
  REQUIRE(f.click("##Socket to add"));
  f.h.press_key(ui::keys::kEnd, f.draw);
  ImGui::GetIO().AddInputCharactersUTF8(":nonsense");
  f.h.frame(f.draw);
  REQUIRE(f.click("Add socket"));
  f.h.frame(f.draw);
  CHECK(f.h.model.bind.existing().empty());
  CHECK(test::node_with(ui::a11y::Role::Alert, "") != nullptr);
}
