#include "app/content.h"

#include <doctest/doctest.h>

#include <string>

#include "../cli/temp_dir.h"
#include "files/source_files.h"

using namespace portlab;

// The page loads the course from a snapshot made at build time; the native
// app parses the files. Both must give the app the same course.
TEST_CASE("content: the page's snapshot gives the app the course the files give") {
  model::Model parsed;
  ui::GlyphSet parsed_glyphs;
  const std::string parsed_notice = app::load_content(parsed, PORTLAB_ASSET_DIR, false, parsed_glyphs);

  const std::string asset_dir = PORTLAB_ASSET_DIR;
  const files::CourseRead read =
      files::read_course(asset_dir + "/lessons", asset_dir + "/quiz/bank", asset_dir + "/lessons/scenarios");
  REQUIRE(read.ok());
  TempDir dir("packed-course");
  dir.write(app::kContentSnapshotFile, model::write_snapshot(read.course));
  model::Model packed;
  ui::GlyphSet packed_glyphs;
  const std::string packed_notice = app::load_content(packed, dir.path.string(), true, packed_glyphs);

  CHECK(packed_notice == parsed_notice);
  CHECK(packed.content.course.lessons.size() == parsed.content.course.lessons.size());
  CHECK(packed.content.course.step_count() == parsed.content.course.step_count());
  CHECK(packed.content.bank.size() == parsed.content.bank.size());
  CHECK(packed.content.problems.size() == parsed.content.problems.size());
  CHECK(packed_glyphs.count(false) == parsed_glyphs.count(false));
  CHECK(packed_glyphs.count(true) == parsed_glyphs.count(true));
  // The NAT Lab opens the scenarios that came in the snapshot.
  CHECK(packed.nat().open_link("inbound-blocked") == "");
  CHECK(packed.nat().open_link("no-such-scenario") != "");
}

TEST_CASE("content: a missing or damaged snapshot is reported and loads nothing") {
  TempDir dir("packed-damaged");
  model::Model missing;
  ui::GlyphSet glyphs;
  const std::string none = app::load_content(missing, dir.path.string(), true, glyphs);
  CHECK(none.rfind("The course could not be read: cannot open '", 0) == 0);
  CHECK(missing.content.course.lessons.empty());

  dir.write(app::kContentSnapshotFile, "PortLab content snapshot 2\n\x05");
  model::Model damaged;
  CHECK(app::load_content(damaged, dir.path.string(), true, glyphs) ==
        "The course could not be read: damaged content snapshot: the snapshot ends early at byte 27");
  CHECK(damaged.content.course.lessons.empty());
  CHECK(damaged.content.bank.empty());
}
