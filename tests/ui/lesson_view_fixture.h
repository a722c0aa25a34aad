// A lesson view lent the lab views, as the shell lends its own: the view
// tests (tests/ui/lesson_view_test.cpp) and the view bench
// (bench/ui/lesson_view_bench.cpp) drive the same wiring.
#pragma once

#include "ui/views/bind_lab_view.h"
#include "ui/views/ephemeral_lab_view.h"
#include "ui/views/explorer_view.h"
#include "ui/views/lab_views.h"
#include "ui/views/lesson_view.h"
#include "ui/views/nat_lab_view.h"
#include "view_harness.h"

namespace portlab::test {

struct LessonViewFixture {
  ViewHarness h;
  ui::BindLabView bind;
  ui::EphemeralLabView ephemeral;
  ui::NatLabView nat;
  ui::ExplorerView explorer;
  ui::LessonView view;
  ViewHarness::DrawFn draw = ViewHarness::in_window([this] { view.draw(); });

  explicit LessonViewFixture(const char* fragment, float width = 1280, float height = 2400) : h(width, height) {
    h.load_shipped_content();
    bind.init(h.context());
    ephemeral.init(h.context());
    nat.init(h.context());
    explorer.init(h.context());
    view.init(h.context(), ui::LabViews{&bind, &ephemeral, &nat, &explorer});
    h.navigator.set_route_check([this](nav::Route& r) { return h.model.check_route(r); });
    h.navigator.open_fragment(fragment);
    h.frames(3, draw);  // the step stages its block; ImGui lays out new windows
  }
  ~LessonViewFixture() {
    view.discard();
    bind.discard();
    ephemeral.discard();
  }
};

}  // namespace portlab::test
