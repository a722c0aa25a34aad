#include "app/content.h"

#include <utility>

#include "core/model/content_snapshot.h"
#include "files/source_files.h"

namespace portlab::app {

namespace {

// Reads the page's snapshot; "" or why it could not be used.
std::string read_packed(const std::string& asset_dir, model::ContentSnapshot& out) {
  const files::TextRead read = files::read_text_file(asset_dir + "/" + kContentSnapshotFile);
  std::string error = read.error;
  if (read.ok()) {
    if (std::optional<model::ContentSnapshot> snapshot = model::read_snapshot(read.text, error))
      out = std::move(*snapshot);
  }
  return error.empty() ? "" : "The course could not be read: " + error;
}

}  // namespace

std::string load_content(model::Model& model, const std::string& asset_dir, bool packed, ui::GlyphSet& glyphs) {
  model::ContentSnapshot loaded;
  std::string unreadable;
  if (packed) {
    unreadable = read_packed(asset_dir, loaded);
  } else {
    // Lessons name their NAT scenarios as `scenario: scenarios/x.json`.
    files::CourseRead read =
        files::read_course(asset_dir + "/lessons", asset_dir + "/quiz/bank", asset_dir + "/lessons/scenarios");
    loaded = std::move(read.course);
    unreadable = read.error;
  }
  model.content = std::move(loaded.content);
  model.set_nat_scenarios(std::move(loaded.scenarios));
  // Whatever characters a teacher writes (and the fonts have) get glyphs.
  glyphs.add_text(loaded.characters);
  if (!unreadable.empty()) return unreadable;
  const size_t problems = model.content.problems.size();
  if (problems == 0) return "";
  const course::Issue& first = model.content.problems.front();
  return std::to_string(problems) + (problems == 1 ? " problem" : " problems") +
         " in the lessons or question banks; the rest loaded. First: " + first.where() + ": " + first.message;
}

}  // namespace portlab::app
