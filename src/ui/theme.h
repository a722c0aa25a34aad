// Colours and sizes of the three themes. Views never pick raw colours: they
// ask for a role (accent, muted text, success...) so every theme, including
// high contrast, stays readable.
#pragma once

#include <imgui.h>

#include "core/settings/settings.h"

namespace portlab::ui {

enum class Tone { Text, Muted, Accent, Success, Warning, Danger, CardBackground };

// Applies the theme to ImGui's style, scaled by `scale` (the UI scale setting).
void apply_theme(settings::Theme theme, float scale);

// The colour of a role in the active theme.
ImVec4 tone(Tone role);

}  // namespace portlab::ui
