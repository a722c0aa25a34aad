#include "app/content.h"

#include "files/source_files.h"

namespace portlab::app {

std::string load_content(model::Model& model, const std::string& asset_dir, ui::GlyphSet& glyphs) {
  const files::SourcesRead lessons = files::read_sources(asset_dir + "/lessons", ".md");
  const files::SourcesRead banks = files::read_sources(asset_dir + "/quiz/bank", ".gift");
  model.content = model::load_content(lessons.files, banks.files);
  // The NAT Lab finds a lesson's `scenario: scenarios/x.json` by file name.
  const files::SourcesRead scenarios = files::read_sources(asset_dir + "/lessons/scenarios", ".json");
  // Whatever characters a teacher writes (and the fonts have) get glyphs.
  for (const files::SourcesRead* read : {&lessons, &banks, &scenarios})
    for (const SourceFile& file : read->files) glyphs.add_text(file.text);
  model.set_nat_scenarios(scenarios.files);
  // A missing folder is the packager's mistake, a broken file the teacher's:
  // both are said once, and what did load is still shown.
  if (!lessons.ok()) return "The lessons could not be read: " + lessons.error;
  if (!banks.ok()) return "The question banks could not be read: " + banks.error;
  if (!scenarios.ok()) return "The NAT scenarios could not be read: " + scenarios.error;
  const size_t problems = model.content.problems.size();
  if (problems == 0) return "";
  const course::Issue& first = model.content.problems.front();
  return std::to_string(problems) + (problems == 1 ? " problem" : " problems") +
         " in the lessons or question banks; the rest loaded. First: " + first.where() + ": " + first.message;
}

}  // namespace portlab::app
