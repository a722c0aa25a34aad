// The browser backend: the URL fragment and history, localStorage, the page's
// loading overlay, and a main loop that pauses itself while idle. The page
// (web/shell.js) wakes it on any input and calls the exported functions below.
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <string>

#include "app/main_loop.h"
#include "app/platform.h"

namespace {

portlab::app::App* g_app = nullptr;
bool g_loop_paused = false;

// clang-format off
EM_JS(char*, js_location_hash, (), {
  return stringToNewUTF8(window.location.hash || "");
});

EM_JS(void, js_history, (int kind, const char* fragment), {
  const url = UTF8ToString(fragment);
  if (kind == 0) history.pushState(null, "", url);
  else if (kind == 1) history.replaceState(null, "", url);
  else if (kind == 2) history.back();
  else history.forward();
});

EM_JS(void, js_first_frame, (), {
  if (window.portlabShell) window.portlabShell.firstFrame();
});

EM_JS(void, js_startup_mark, (const char* phase), {
  performance.mark('portlab:' + UTF8ToString(phase));
});

EM_JS(void, js_graphics_unavailable, (const char* detail), {
  if (window.portlabShell) window.portlabShell.graphicsUnavailable(UTF8ToString(detail));
});

EM_JS(char*, js_storage_read, (const char* key), {
  try {
    const value = window.localStorage.getItem("portlab." + UTF8ToString(key));
    return value === null ? 0 : stringToNewUTF8(value);
  } catch (e) {
    return 0;
  }
});

// Returns 1 on success, 0 when the browser refuses (quota full, storage blocked).
EM_JS(int, js_storage_write, (const char* key, const char* value), {
  try {
    window.localStorage.setItem("portlab." + UTF8ToString(key), UTF8ToString(value));
    return 1;
  } catch (e) {
    return 0;
  }
});

EM_JS(int, js_storage_remove, (const char* key), {
  try {
    window.localStorage.removeItem("portlab." + UTF8ToString(key));
    return 1;
  } catch (e) {
    return 0;
  }
});
// A download made in the page: the file never leaves the browser.
EM_JS(void, js_download, (const char* name, const char* text), {
  const blob = new Blob([UTF8ToString(text)], {type: "application/json"});
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = UTF8ToString(name);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
});

// The browser's file picker; the chosen file's text is handed to
// portlab_file_picked once read (nothing happens if the learner cancels).
EM_JS(void, js_pick_file, (), {
  const input = document.createElement("input");
  input.type = "file";
  input.accept = ".json,application/json";
  input.onchange = () => {
    const file = input.files && input.files[0];
    if (!file) return;
    file.text().then((text) => Module.ccall("portlab_file_picked", null, ["string"], [text]));
  };
  input.click();
});

EM_JS(char*, js_page_address, (), {
  return stringToNewUTF8(window.location.href.split("#")[0]);
});

// SDL keeps copied text to itself in the browser (its Emscripten driver has
// no clipboard), so it is handed to the system clipboard here. The Clipboard
// API wants a secure page (https, or localhost) and a recent click, which a
// button pressed one frame ago still is; older browsers get execCommand.
// Either may be refused: the text is also shown for copying by hand, so a
// refusal is not an error.
EM_JS(void, js_copy_text, (const char* text), {
  const value = UTF8ToString(text);
  const byCommand = () => {
    const area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    const focused = document.activeElement;
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) {}
    area.remove();
    if (focused && focused.focus) focused.focus();  // the canvas keeps the keyboard
  };
  if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
    navigator.clipboard.writeText(value).catch(byCommand);
  } else {
    byCommand();
  }
});

// The accessibility mirror (web/a11y.js), loaded before the module.
EM_JS(void, js_publish_semantics, (const char* patch), {
  if (window.portlabA11y) window.portlabA11y.apply(UTF8ToString(patch));
});

EM_JS(void, js_mirror_colours, (unsigned background, unsigned text, unsigned focus), {
  if (window.portlabA11y) window.portlabA11y.colours(background, text, focus);
});

// Bit 0: prefers a light scheme; bit 1: more contrast; bit 2: reduced motion.
EM_JS(int, js_system_preferences, (), {
  const q = (query) => window.matchMedia && window.matchMedia(query).matches;
  return (q("(prefers-color-scheme: light)") ? 1 : 0) | (q("(prefers-contrast: more)") ? 2 : 0) |
         (q("(prefers-reduced-motion: reduce)") ? 4 : 0);
});
// clang-format on

class BrowserFiles final : public portlab::ui::FileExchange {
 public:
  std::string save(const std::string& name, const std::string& text) override {
    js_download(name.c_str(), text.c_str());
    return "Downloaded as " + name + " (see your browser's downloads).";
  }
  bool has_picker() const override { return true; }
  void pick() override { js_pick_file(); }
  bool read(const std::string&, std::string&, std::string& error) override {
    error = "The browser opens files through its file picker.";
    return false;
  }
};

class LocalStorageStore final : public portlab::storage::KeyValueStore {
 public:
  std::optional<std::string> read(const std::string& key) override {
    char* value = js_storage_read(key.c_str());
    if (!value) return std::nullopt;
    std::string out(value);
    free(value);
    return out;
  }
  // localStorage.setItem replaces the whole value in one step: a reader sees
  // the old or the new document, never a mixture.
  bool write(const std::string& key, const std::string& value) override {
    return js_storage_write(key.c_str(), value.c_str()) == 1;
  }
  bool remove(const std::string& key) override { return js_storage_remove(key.c_str()) == 1; }
};

void resume_loop() {
  if (!g_loop_paused) return;
  g_loop_paused = false;
  emscripten_resume_main_loop();
}

void web_step(void* arg) {
  auto* app = static_cast<portlab::app::App*>(arg);
  app->step();
  if (app->idle()) {
    // Nothing to draw until the page reports input (portlab_wake), or until
    // a screen's timer (a countdown's next second) falls due.
    emscripten_pause_main_loop();
    g_loop_paused = true;
    const int limit = app->sleep_limit_ms();
    if (limit >= 0) emscripten_async_call([](void*) { resume_loop(); }, nullptr, limit);
  }
}

}  // namespace

// Called by the page (web/shell.js). Kept out of dead-code elimination by
// -sEXPORTED_FUNCTIONS in CMakeLists.txt.
extern "C" {

EMSCRIPTEN_KEEPALIVE const char* portlab_state_json() {
  static std::string state;
  state = g_app ? g_app->state_json() : std::string("{}");
  return state.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* portlab_command(const char* json_text) {
  static std::string answer;
  if (!g_app) return "{\"ok\":false,\"error\":\"not ready\"}";
  answer = g_app->command(json_text ? json_text : "");  // wakes the app when it changes something
  resume_loop();
  return answer.c_str();
}

EMSCRIPTEN_KEEPALIVE void portlab_file_picked(const char* text) {
  if (!g_app) return;
  g_app->file_picked(text ? text : "");
  resume_loop();
}

EMSCRIPTEN_KEEPALIVE void portlab_wake() {
  if (!g_app) return;
  g_app->wake();
  resume_loop();
}

// The accessibility mirror's input (web/a11y.js): a mirrored element was
// focused, clicked (Enter, Space, a screen reader's action), edited, or
// left. ImGui ids arrive as JavaScript numbers.
EMSCRIPTEN_KEEPALIVE void portlab_a11y_focus(unsigned id) {
  if (!g_app) return;
  g_app->a11y().focus(id);
  portlab_wake();
}

EMSCRIPTEN_KEEPALIVE void portlab_a11y_activate(unsigned id) {
  if (!g_app) return;
  g_app->a11y().activate(id);
  portlab_wake();
}

EMSCRIPTEN_KEEPALIVE void portlab_a11y_set_text(unsigned id, const char* text, int submit) {
  if (!g_app) return;
  g_app->a11y().set_text(id, text ? text : "", submit != 0);
  portlab_wake();
}

EMSCRIPTEN_KEEPALIVE void portlab_a11y_set_value(unsigned id, float value) {
  if (!g_app) return;
  g_app->a11y().set_value(id, value);
  portlab_wake();
}

EMSCRIPTEN_KEEPALIVE void portlab_a11y_blur() {
  if (!g_app) return;
  g_app->a11y().blur();
  portlab_wake();
}

// Tab (dir 1) or Shift+Tab (-1) on the canvas or a mirrored element: 1 when
// the app moves focus (the page must not), 0 at either end (the browser
// moves on, out of the app), 2 while ImGui edits a text field (SDL gets it).
EMSCRIPTEN_KEEPALIVE int portlab_a11y_tab(int dir, int from_mirror) {
  if (!g_app) return 0;
  const int d = dir < 0 ? -1 : 1;
  const auto result = from_mirror ? g_app->a11y().tab_from_mirror(d) : g_app->a11y().tab(d, false);
  if (result == portlab::app::A11yBridge::TabResult::AtEnd) return 0;
  portlab_wake();
  return result == portlab::app::A11yBridge::TabResult::Moved ? 1 : 2;
}

}  // extern "C"

namespace portlab::app::platform {

void configure_sdl_hints() {
  // Keys go to the canvas only, so the rest of the page keeps its keyboard.
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
}

bool parse_launch_options(int, char**, LaunchOptions& options) {
  // The page sizes the canvas with CSS; SDL reads the size from there.
  double w = 0, h = 0;
  emscripten_get_element_css_size("#canvas", &w, &h);
  if (w >= 1 && h >= 1) {
    options.width = static_cast<int>(w);
    options.height = static_cast<int>(h);
  }
  return true;
}

std::string asset_dir() { return "/assets"; }

storage::KeyValueStore& store(const LaunchOptions&) {
  static LocalStorageStore local_storage;
  return local_storage;
}

ui::FileExchange& file_exchange(const LaunchOptions&) {
  static BrowserFiles files;
  return files;
}

ui::RealBind* real_bind() { return nullptr; }

bool course_is_packed() { return true; }

float expected_pixel_ratio() { return static_cast<float>(emscripten_get_device_pixel_ratio()); }

settings::Settings system_settings() {
  const int prefs = js_system_preferences();
  settings::Settings s;
  if (prefs & 1) s.theme = settings::Theme::Light;
  if (prefs & 2) s.theme = settings::Theme::HighContrast;
  s.reduced_motion = (prefs & 4) != 0;
  return s;
}

std::string initial_fragment(const LaunchOptions&) {
  char* hash = js_location_hash();
  std::string fragment(hash);
  free(hash);
  return fragment;
}

std::string page_address() {
  char* address = js_page_address();
  std::string out(address);
  free(address);
  return out;
}

void connect_clipboard() {
  // Pasting still reads SDL's copy, which holds what was last copied in the
  // app (the browser lets a page read the clipboard only after asking).
  ImGui::GetIO().SetClipboardTextFn = [](void*, const char* text) {
    SDL_SetClipboardText(text);
    js_copy_text(text);
  };
}

void apply_url_change(const nav::Navigator::UrlChange& change) {
  int kind = 0;
  switch (change.kind) {
    case nav::Navigator::UrlChangeKind::Push: kind = 0; break;
    case nav::Navigator::UrlChangeKind::Replace: kind = 1; break;
    case nav::Navigator::UrlChangeKind::Back: kind = 2; break;
    case nav::Navigator::UrlChangeKind::Forward: kind = 3; break;
  }
  js_history(kind, change.fragment.c_str());
}

void startup_mark(const char* phase) { js_startup_mark(phase); }

void first_frame_shown() { js_first_frame(); }

void graphics_unavailable(const std::string& detail) { js_graphics_unavailable(detail.c_str()); }

bool has_semantics_mirror() { return true; }

void publish_semantics(const std::string& patch) { js_publish_semantics(patch.c_str()); }

void set_mirror_colours(unsigned background, unsigned text, unsigned focus) {
  js_mirror_colours(background, text, focus);
}

void run(App& app) {
  g_app = &app;
  // No ASYNCIFY: the browser calls web_step once per animation frame while
  // the loop runs. simulate_infinite_loop=true leaves main() without
  // returning, so nothing after run() executes (EXIT_RUNTIME=0).
  emscripten_set_main_loop_arg(web_step, &app, 0, true);
}

}  // namespace portlab::app::platform
