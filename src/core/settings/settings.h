// User settings: theme, UI scale, motion, default OS profile. Read from and
// written to a KeyValueStore as a versioned document; out-of-range values are
// corrected and reported rather than trusted.
#pragma once

#include <string>
#include <vector>

#include "core/json.h"
#include "core/storage/key_value_store.h"

namespace portlab::settings {

enum class Theme { Dark, Light, HighContrast };

const char* theme_id(Theme theme);    // "dark", "light", "high-contrast"
const char* theme_name(Theme theme);  // "Dark", "Light", "High contrast"
inline constexpr Theme kThemes[] = {Theme::Dark, Theme::Light, Theme::HighContrast};

inline constexpr float kMinUiScale = 0.75f;
inline constexpr float kMaxUiScale = 3.0f;
inline constexpr float kDefaultUiScale = 1.0f;

struct Settings {
  Theme theme = Theme::Dark;
  float ui_scale = kDefaultUiScale;  // on top of the screen's own pixel ratio
  bool reduced_motion = false;  // no animations; steps jump to their end
  // The OS profile the labs start with (a key of ports::os_profiles()).
  std::string default_os = "linux";

  bool operator==(const Settings& o) const {
    return theme == o.theme && ui_scale == o.ui_scale && reduced_motion == o.reduced_motion &&
           default_os == o.default_os;
  }
  bool operator!=(const Settings& o) const { return !(*this == o); }
};

// Clamps the scale into [kMinUiScale, kMaxUiScale].
float clamp_ui_scale(float scale);
// The scale `steps` notches (of 10 %) larger, or smaller when negative, clamped.
float step_ui_scale(float scale, int steps);

json::Value to_json(const Settings& settings);

// Missing fields keep their defaults; wrong ones are reported in `problems`.
Settings from_json(const json::Value& value, std::vector<std::string>* problems);

inline constexpr const char* kStoreKey = "settings";
inline constexpr const char* kFormat = "settings";
inline constexpr int kFormatVersion = 1;

struct Loaded {
  Settings settings;
  bool stored = false;    // false: nothing usable was saved, these are defaults
  std::string notice;     // say this to the user when non-empty
  bool writable = true;   // false: do not save over what is stored
};
Loaded load(storage::KeyValueStore& store);
bool save(storage::KeyValueStore& store, const Settings& settings);

}  // namespace portlab::settings
