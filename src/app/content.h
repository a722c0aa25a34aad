// Loading what the app teaches from the asset folder: the lessons, the
// question banks and the NAT scenarios travel beside the native program (a
// teacher edits them there without rebuilding) and inside portlab.data in
// the browser; the same file reading serves both.
#pragma once

#include <string>

#include "core/model/model.h"
#include "ui/fonts.h"

namespace portlab::app {

// Fills model.content from `asset_dir`/lessons and `asset_dir`/quiz/bank,
// and adds the characters those files use to `glyphs`, so the fonts can
// draw them. Returns a one-line notice when something could not be loaded
// ("" when all loaded); the problems themselves stay in
// model.content.problems.
std::string load_content(model::Model& model, const std::string& asset_dir, ui::GlyphSet& glyphs);

}  // namespace portlab::app
