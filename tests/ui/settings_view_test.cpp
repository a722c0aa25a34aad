#include <doctest/doctest.h>

#include "core/progress/lesson_progress.h"
#include "core/progress/progress_store.h"
#include "ui/views/settings_view.h"
#include "a11y_nodes.h"
#include "view_harness.h"

using namespace portlab;
using SettingsFixture = test::ViewFixture<ui::SettingsView>;

TEST_CASE("settings view: choosing a theme changes the model") {
  SettingsFixture f;
  REQUIRE(f.click("Light"));
  CHECK(f.h.settings.theme == settings::Theme::Light);
  REQUIRE(f.click("High contrast"));
  CHECK(f.h.settings.theme == settings::Theme::HighContrast);
}

TEST_CASE("settings view: size buttons step the scale and stay in range") {
  SettingsFixture f;
  REQUIRE(f.click("Larger"));
  CHECK(f.h.settings.ui_scale == doctest::Approx(1.1f));
  REQUIRE(f.click("Reset"));
  CHECK(f.h.settings.ui_scale == 1.0f);
  f.h.settings.ui_scale = settings::kMinUiScale;
  REQUIRE(f.click("Smaller"));
  CHECK(f.h.settings.ui_scale == settings::kMinUiScale);
}

TEST_CASE("settings view: reduce motion is a checkbox on the model") {
  SettingsFixture f;
  REQUIRE(f.click("Reduce motion (no animations)"));
  CHECK(f.h.settings.reduced_motion);
}

TEST_CASE("settings view: the default OS for the labs is chosen here") {
  SettingsFixture f(1280, 1600);
  REQUIRE(f.click("FreeBSD"));
  CHECK(f.h.settings.default_os == "freebsd");
}

TEST_CASE("settings view: progress is exported to a file and imported back only after confirming") {
  SettingsFixture f(1280, 1600);
  f.h.model.progress = progress::fresh_progress(1000);
  storage::MemoryStore store;
  progress::ProgressStore progress_store(store);
  f.h.model.progress_store = &progress_store;
  progress::pass_checkpoint(f.h.model.progress, "port-ranges", 2000);
  f.h.model.now_ms = 2000;
  const progress::Progress exported = f.h.model.progress;
  f.h.frames(2, f.draw);
  REQUIRE(f.click("Export progress"));
  REQUIRE(f.h.files.files.count("portlab-progress-1970-01-01.json") == 1);

  // Later the learner has lost it; importing the file asks first.
  f.h.model.progress = progress::fresh_progress(3000);
  std::string path = "/home/learner/portlab-progress-1970-01-01.json";
  f.h.files.files[path] = f.h.files.files["portlab-progress-1970-01-01.json"];
  ImGui::SetNextWindowFocus();
  REQUIRE(f.click("##import path"));
  for (char c : path) ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
  f.h.frames(2, f.draw);
  REQUIRE(f.click("Import"));
  REQUIRE(f.h.model.import_preview);
  CHECK(f.h.model.progress.lessons.empty());  // not yet
  f.h.frames(2, f.draw);
  REQUIRE(f.click("Replace my progress"));
  CHECK(f.h.model.progress == exported);
}

TEST_CASE("settings view: themes and systems are radio buttons in named groups; text size a slider") {
  using ui::a11y::Role;
  SettingsFixture f(1280, 1600);
  f.h.frames(2, f.draw);
  const ui::a11y::Node* light = test::node_with(Role::Radio, "Light");
  REQUIRE(light);
  REQUIRE(test::parent_of(*light));
  CHECK(test::parent_of(*light)->name == "Theme");
  const bool checked = (light->states & ui::a11y::kChecked) != 0;
  CHECK(checked == (f.h.settings.theme == settings::Theme::Light));
  const ui::a11y::Node* size = test::node_with(Role::Slider, "text size");
  REQUIRE(size);
  CHECK(size->value.find("100") != std::string::npos);
}
