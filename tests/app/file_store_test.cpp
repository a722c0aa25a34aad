#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "app/file_store.h"
#include "core/settings/settings.h"

using namespace portlab;

namespace {

std::string fresh_dir(const char* name) {
  std::string dir = (std::filesystem::temp_directory_path() / "portlab-file-store-test" / name).string();
  std::filesystem::remove_all(dir);
  return dir;
}

}  // namespace

TEST_CASE("file store: a missing key reads as nothing, a written one reads back") {
  app::FileStore store(fresh_dir("roundtrip"));
  CHECK_FALSE(store.read("settings").has_value());
  REQUIRE(store.write("settings", "{\"a\":1}"));  // creates the directory
  CHECK(store.read("settings") == "{\"a\":1}");
  REQUIRE(store.write("settings", "{}"));
  CHECK(store.read("settings") == "{}");
  CHECK(store.remove("settings"));
  CHECK_FALSE(store.read("settings").has_value());
}

TEST_CASE("file store: a write leaves no temporary file behind") {
  const std::string dir = fresh_dir("temp");
  app::FileStore store(dir);
  REQUIRE(store.write("progress", "x"));
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    CHECK(entry.path().extension() == ".json");
    ++files;
  }
  CHECK(files == 1);
}

TEST_CASE("file store: keys cannot escape the directory") {
  const std::string dir = fresh_dir("escape");
  app::FileStore store(dir);
  CHECK(store.path_for("../../etc/passwd") == dir + "/.._.._etc_passwd.json");
}

TEST_CASE("file store: a write into an unwritable place fails and says so") {
  app::FileStore store("/proc/portlab-cannot-write-here");
  CHECK_FALSE(store.write("settings", "{}"));
}

TEST_CASE("file store: settings survive a save and a fresh load from disk") {
  const std::string dir = fresh_dir("settings");
  settings::Settings s;
  s.theme = settings::Theme::Light;
  {
    app::FileStore store(dir);
    REQUIRE(settings::save(store, s));
  }
  app::FileStore again(dir);
  CHECK(settings::load(again).settings == s);
}

TEST_CASE("file store: a save killed part-way leaves the previous version whole, and the next save works") {
  // "Progress survives a quit during a save": a child process rewrites a
  // large value over and over and is killed at a different moment each
  // time; what is on disk afterwards must be one complete version.
  const std::string dir = fresh_dir("killed");
  const std::string old_value(1 << 20, 'o');
  const std::string new_value(1 << 20, 'n');
  REQUIRE(app::FileStore(dir).write("progress", old_value));
  int kills = 0;
  for (int i = 0; i < 12; ++i) {
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      app::FileStore store(dir);
      for (;;) store.write("progress", (i % 2) ? new_value : old_value);
    }
    usleep(static_cast<useconds_t>(200 + 700 * i));  // a different point of the write each time
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    kills += WIFSIGNALED(status) ? 1 : 0;
    const std::optional<std::string> on_disk = app::FileStore(dir).read("progress");
    REQUIRE(on_disk.has_value());
    CHECK((*on_disk == old_value || *on_disk == new_value));
  }
  CHECK(kills == 12);
  app::FileStore after(dir);
  REQUIRE(after.write("progress", "{}"));
  CHECK(after.read("progress") == "{}");
}
