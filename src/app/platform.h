// The platform backend: everything that differs between the native program
// and the browser page. One interface, one file per platform
// (platform_native.cpp, platform_web.cpp); the rest of the app is shared.
#pragma once

#include <string>

#include "core/nav/navigator.h"
#include "core/settings/settings.h"
#include "core/storage/key_value_store.h"
#include "ui/file_exchange.h"
#include "ui/real_bind.h"

namespace portlab::app {

class App;

// Command-line options (native); the page gets its options from the URL.
struct LaunchOptions {
  std::string fragment;         // e.g. "#/settings": where to open
  std::string screenshot_path;  // write a PNG of the first settled frame, then quit
  std::string state_path;       // write window.portlab.state()'s JSON there on exit
  std::string data_dir;         // where settings and progress live (overrides the default)
  int width = 1280, height = 800;
};

namespace platform {

// SDL hints that must be set before SDL_Init (the page sends keyboard input
// to the canvas only, so the rest of the page keeps its keys).
void configure_sdl_hints();

// Parses argv (native); false with a message on stderr for bad arguments.
bool parse_launch_options(int argc, char** argv, LaunchOptions& options);

// Where fonts and data are: beside the native binary, /assets in the page.
std::string asset_dir();

// Whether the course comes already parsed (the page, whose course is fixed
// when it is built) rather than as the teacher's files (natively).
bool course_is_packed();

// Persistent storage: files in the user's data directory natively,
// localStorage in the browser.
storage::KeyValueStore& store(const LaunchOptions& options);

// Downloads and the file picker in the browser; the data folder and typed
// paths natively.
ui::FileExchange& file_exchange(const LaunchOptions& options);

// Real sockets on this machine for the Bind Lab's "Try it on this machine";
// null in the browser, which has none.
ui::RealBind* real_bind();

// The system's own preferences (light or dark, more contrast, less motion),
// used until the learner saves settings of their own.
settings::Settings system_settings();

// The pixel ratio a window is expected to have before there is one, so
// the fonts can be rasterised first: the browser's devicePixelRatio; 1
// natively, where the ratio shows only once the window exists (and the
// fonts are rebuilt if it is not 1).
float expected_pixel_ratio();

// Where to open: the URL fragment in the browser, --route natively.
std::string initial_fragment(const LaunchOptions& options);

// The page's address without its fragment (a shared link is this plus a
// fragment); "" natively, where links are fragments (--route).
std::string page_address();

// Makes ImGui's clipboard the system's where SDL's is not: in the browser
// SDL keeps copied text to itself, so it is handed to navigator.clipboard
// too. Call after the SDL backend is set up (it installs SDL's).
void connect_clipboard();

// Reflects a navigation in the address bar and the browser history.
void apply_url_change(const nav::Navigator::UrlChange& change);

// Marks the end of a start-up phase ("context", "content", "fonts"...):
// a performance mark in the page, which tools/startup_bench.mjs reports per
// phase; nothing natively, where bench/ui/startup_bench.cpp times them.
void startup_mark(const char* phase);

// Called once, after the first frame is on screen (the page hides its
// loading overlay).
void first_frame_shown();

// Called when no window or OpenGL ES 3.0 context could be made (the reason
// is on stderr too): the page explains that WebGL2 is missing or switched
// off, in place of its loading overlay.
void graphics_unavailable(const std::string& detail);

// The browser keeps a DOM mirror of each frame's semantics for assistive
// technology (web/a11y.js): the recorder runs on every frame there. Natively
// it runs only for tests and once a keyboard user presses Tab.
bool has_semantics_mirror();

// Hands a frame's mirror patch (ui/a11y/mirror_patch.h) to the page;
// nothing natively.
void publish_semantics(const std::string& patch);

// The theme's colours as 0xRRGGBB, for the mirror's text fields (opaque
// over the ImGui field while the learner types) and its focus outline.
void set_mirror_colours(unsigned background, unsigned text, unsigned focus);

// Runs the main loop until the app quits (natively); in the browser it
// starts the loop and never returns.
void run(App& app);

}  // namespace platform
}  // namespace portlab::app
