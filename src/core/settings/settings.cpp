#include "core/settings/settings.h"

#include <algorithm>
#include <cmath>

#include "core/ports/os_profile.h"
#include "core/storage/versioned_document.h"

namespace portlab::settings {

const char* theme_id(Theme theme) {
  switch (theme) {
    case Theme::Dark: return "dark";
    case Theme::Light: return "light";
    case Theme::HighContrast: return "high-contrast";
  }
  return "dark";
}

const char* theme_name(Theme theme) {
  switch (theme) {
    case Theme::Dark: return "Dark";
    case Theme::Light: return "Light";
    case Theme::HighContrast: return "High contrast";
  }
  return "Dark";
}

float clamp_ui_scale(float scale) {
  if (!std::isfinite(scale)) return 1.0f;
  return std::clamp(scale, kMinUiScale, kMaxUiScale);
}

float step_ui_scale(float scale, int steps) {
  // Snapped to whole percent so repeated steps do not drift (1.1 + 0.1 ...).
  const float stepped = std::round((scale + 0.1f * static_cast<float>(steps)) * 100.0f) / 100.0f;
  return clamp_ui_scale(stepped);
}

json::Value to_json(const Settings& s) {
  json::Value v = json::Value::object();
  v["theme"] = theme_id(s.theme);
  v["ui_scale"] = static_cast<double>(s.ui_scale);
  v["reduced_motion"] = s.reduced_motion;
  v["default_os"] = s.default_os;
  return v;
}

Settings from_json(const json::Value& v, std::vector<std::string>* problems) {
  auto problem = [&](const std::string& text) {
    if (problems) problems->push_back(text);
  };
  Settings s;
  if (!v.is_object()) {
    problem("settings are not an object");
    return s;
  }
  if (const json::Value* theme = v.find("theme")) {
    bool known = false;
    for (Theme t : kThemes) {
      if (theme->as_string() == theme_id(t)) {
        s.theme = t;
        known = true;
      }
    }
    if (!known) problem("unknown theme; using Dark");
  }
  if (const json::Value* scale = v.find("ui_scale")) {
    if (!scale->is_number()) {
      problem("ui_scale is not a number; using 1");
    } else {
      s.ui_scale = clamp_ui_scale(static_cast<float>(scale->as_number()));
      if (s.ui_scale != static_cast<float>(scale->as_number())) problem("ui_scale out of range; clamped");
    }
  }
  if (const json::Value* motion = v.find("reduced_motion")) s.reduced_motion = motion->as_bool(false);
  if (const json::Value* os = v.find("default_os")) {
    const ports::OsProfile* profile = os->is_string() ? ports::find_os_profile(os->as_string()) : nullptr;
    if (profile) s.default_os = profile->key;
    else problem("unknown default_os; using linux (known: " + ports::os_profile_keys() + ")");
  }
  return s;
}

Loaded load(storage::KeyValueStore& store) {
  storage::LoadedDocument doc = storage::load_document(store, kStoreKey, kFormat, kFormatVersion);
  Loaded loaded;
  loaded.notice = doc.notice;
  loaded.writable = doc.writable;
  if (doc.body) {
    loaded.settings = from_json(*doc.body, nullptr);
    loaded.stored = true;
  }
  return loaded;
}

bool save(storage::KeyValueStore& store, const Settings& settings) {
  return storage::save_document(store, kStoreKey, kFormat, kFormatVersion, to_json(settings));
}

}  // namespace portlab::settings
