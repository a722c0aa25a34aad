#include <doctest/doctest.h>

#include "ui/views/bind_lab_view.h"
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
