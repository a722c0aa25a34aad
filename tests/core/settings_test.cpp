#include <doctest/doctest.h>

#include "core/settings/settings.h"
#include "core/storage/versioned_document.h"

using namespace portlab;

TEST_CASE("settings: save then load gives the same settings") {
  storage::MemoryStore store;
  settings::Settings s;
  s.theme = settings::Theme::HighContrast;
  s.ui_scale = 1.5f;
  s.reduced_motion = true;
  REQUIRE(settings::save(store, s));
  settings::Loaded loaded = settings::load(store);
  CHECK(loaded.notice.empty());
  CHECK(loaded.stored);
  CHECK(loaded.settings == s);
}

TEST_CASE("settings: nothing stored gives defaults and no notice") {
  storage::MemoryStore store;
  settings::Loaded loaded = settings::load(store);
  CHECK(loaded.settings == settings::Settings{});
  CHECK_FALSE(loaded.stored);
  CHECK(loaded.notice.empty());
}

TEST_CASE("settings: a damaged save is kept aside and reported, not replaced") {
  storage::MemoryStore store;
  store.documents["settings"] = "{\"format\":\"settings\",\"version\":1,\"data\":{";
  settings::Loaded loaded = settings::load(store);
  CHECK(loaded.settings == settings::Settings{});
  CHECK(loaded.notice.find("could not be read") != std::string::npos);
  CHECK(loaded.writable);
  CHECK(store.documents.at("settings.damaged") == store.documents.at("settings"));
}

TEST_CASE("settings: a save from a newer PortLab is kept aside as .newer") {
  storage::MemoryStore store;
  store.documents["settings"] = R"({"format":"settings","version":99,"data":{}})";
  settings::Loaded loaded = settings::load(store);
  CHECK(loaded.notice.find("newer PortLab") != std::string::npos);
  CHECK(store.documents.count("settings.newer") == 1);
}

TEST_CASE("settings: when the damaged copy cannot be set aside, the original is protected") {
  storage::MemoryStore store;
  store.documents["settings"] = "garbage";
  store.refuse_writes = true;
  settings::Loaded loaded = settings::load(store);
  CHECK_FALSE(loaded.writable);
  CHECK(loaded.notice.find("left in place") != std::string::npos);
  CHECK(store.documents.at("settings") == "garbage");
}

TEST_CASE("settings: out-of-range and unknown values are corrected and reported") {
  std::vector<std::string> problems;
  auto v = json::parse(R"({"theme":"sepia","ui_scale":40,"reduced_motion":true})");
  settings::Settings s = settings::from_json(*v.value, &problems);
  CHECK(s.theme == settings::Theme::Dark);
  CHECK(s.ui_scale == settings::kMaxUiScale);
  CHECK(s.reduced_motion);
  CHECK(problems.size() == 2);
  CHECK(settings::clamp_ui_scale(0.1f) == settings::kMinUiScale);
}

TEST_CASE("settings: the text size steps by 10 % without drifting and stops at the limits") {
  float scale = 1.0f;
  for (int i = 0; i < 5; ++i) scale = settings::step_ui_scale(scale, +1);
  CHECK(scale == 1.5f);
  for (int i = 0; i < 5; ++i) scale = settings::step_ui_scale(scale, -1);
  CHECK(scale == 1.0f);
  CHECK(settings::step_ui_scale(settings::kMaxUiScale, +1) == settings::kMaxUiScale);
  CHECK(settings::step_ui_scale(settings::kMinUiScale, -1) == settings::kMinUiScale);
}

TEST_CASE("settings: the default OS profile is saved, and an unknown one is reported, not trusted") {
  storage::MemoryStore store;
  settings::Settings s;
  s.default_os = "freebsd";
  REQUIRE(settings::save(store, s));
  CHECK(settings::load(store).settings.default_os == "freebsd");

  json::ParseResult v = json::parse(R"({"default_os": "beos"})");
  REQUIRE(v.ok());
  std::vector<std::string> problems;
  CHECK(settings::from_json(*v.value, &problems).default_os == "linux");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("default_os") != std::string::npos);
  CHECK(problems[0].find("freebsd") != std::string::npos);  // says what would have worked
}
