// Loading what the app teaches from the asset folder: the lessons, the
// question banks and the NAT scenarios. They travel beside the native
// program, where a teacher edits them without rebuilding and the app parses
// them at start-up. The page carries them already parsed (content.snapshot,
// made when the page is built; core/model/content_snapshot.h says why).
#pragma once

#include <string>

#include "core/model/model.h"
#include "ui/fonts.h"

namespace portlab::app {

// The snapshot's name inside the asset folder.
inline constexpr const char* kContentSnapshotFile = "content.snapshot";

// Fills model.content and the NAT scenarios, from `asset_dir`/lessons and
// `asset_dir`/quiz/bank, or from `asset_dir`/content.snapshot when
// `packed`; adds the characters the files use to `glyphs`, so the fonts can
// draw them. Returns a one-line notice when something could not be loaded
// ("" when all loaded); the problems themselves stay in
// model.content.problems.
std::string load_content(model::Model& model, const std::string& asset_dir, bool packed, ui::GlyphSet& glyphs);

}  // namespace portlab::app
