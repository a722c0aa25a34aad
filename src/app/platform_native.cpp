// The native backend: command-line options, files in the user's data
// directory, and a loop that sleeps in SDL's event wait while idle.
#include <SDL.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include "app/file_store.h"
#include "app/main_loop.h"
#include "app/platform.h"
#include "app/real_bind.h"
#include "files/source_files.h"

namespace portlab::app::platform {

namespace {

const char* kUsage =
    "usage: portlab [--route FRAGMENT] [--size WxH] [--data-dir DIR]\n"
    "               [--screenshot FILE.png] [--state FILE.json]\n"
    "  --route       open this place, e.g. '#/settings' (as in the web link)\n"
    "  --size        window size in logical pixels (default 1280x800)\n"
    "  --data-dir    keep settings and progress here instead of the user data directory\n"
    "  --screenshot  write the first settled frame as PNG and quit\n"
    "  --state       write the app state (as window.portlab.state()) as JSON on exit\n";

bool parse_size(const char* text, int& w, int& h) {
  char extra = 0;
  return std::sscanf(text, "%dx%d%c", &w, &h, &extra) == 2 && w >= 200 && h >= 200 && w <= 8192 && h <= 8192;
}

}  // namespace

void configure_sdl_hints() {}

bool parse_launch_options(int argc, char** argv, LaunchOptions& options) {
  std::string size;
  // Every option takes one value.
  const std::pair<const char*, std::string*> kOptions[] = {
      {"--route", &options.fragment},         {"--screenshot", &options.screenshot_path},
      {"--state", &options.state_path},       {"--data-dir", &options.data_dir},
      {"--size", &size},
  };
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    }
    std::string* target = nullptr;
    for (const auto& [name, value] : kOptions)
      if (arg == name) target = value;
    if (!target) {
      std::fprintf(stderr, "portlab: unknown option '%s' (try --help)\n", arg.c_str());
      return false;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "portlab: %s needs a value\n", arg.c_str());
      return false;
    }
    *target = argv[++i];
  }
  if (!size.empty() && !parse_size(size.c_str(), options.width, options.height)) {
    std::fprintf(stderr, "portlab: bad --size '%s' (expected WxH, 200 to 8192 each)\n", size.c_str());
    return false;
  }
  return true;
}

std::string asset_dir() {
  // Assets are copied beside the binary at build time.
  std::string dir = ".";
  if (char* base = SDL_GetBasePath()) {
    dir = base;
    SDL_free(base);
  }
  if (!dir.empty() && dir.back() == '/') dir.pop_back();
  return dir + "/assets";
}

namespace {

std::string data_dir(const LaunchOptions& options) {
  if (!options.data_dir.empty()) return options.data_dir;
  // $XDG_DATA_HOME/portlab, usually ~/.local/share/portlab (XDG base directories).
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/portlab";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/portlab";
  return "./portlab-data";
}

}  // namespace

storage::KeyValueStore& store(const LaunchOptions& options) {
  static FileStore files(data_dir(options));  // one store for the process's life
  return files;
}

namespace {

class NativeFiles final : public ui::FileExchange {
 public:
  explicit NativeFiles(std::string folder) : folder_(std::move(folder)) {}
  std::string save(const std::string& name, const std::string& text) override {
    const std::string path = folder_ + "/" + name;
    std::error_code ec;
    std::filesystem::create_directories(folder_, ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) return "Could not write " + path + ".";
    return "Saved as " + path + ".";
  }
  bool has_picker() const override { return false; }
  void pick() override {}
  bool read(const std::string& path, std::string& text, std::string& error) override {
    files::TextRead file = files::read_text_file(path);
    text = std::move(file.text);
    error = file.error;
    return file.ok();
  }

 private:
  std::string folder_;
};

}  // namespace

ui::FileExchange& file_exchange(const LaunchOptions& options) {
  static NativeFiles files(data_dir(options));
  return files;
}

ui::RealBind* real_bind() {
  static NativeRealBind sockets;
  return &sockets;
}

float expected_pixel_ratio() { return 1.0f; }

bool course_is_packed() { return false; }

settings::Settings system_settings() {
  // Desktops expose no portable preference for these; PortLab's defaults apply.
  return settings::Settings{};
}

std::string initial_fragment(const LaunchOptions& options) { return options.fragment; }

std::string page_address() { return ""; }

// SDL's clipboard is the system's here; the backend already uses it.
void connect_clipboard() {}

void apply_url_change(const nav::Navigator::UrlChange&) {
  // No address bar natively: the Navigator's own history is the history.
}

void startup_mark(const char*) {}

void first_frame_shown() {}

void graphics_unavailable(const std::string&) {}  // App::init has said why on stderr

bool has_semantics_mirror() { return false; }

void publish_semantics(const std::string&) {}

void set_mirror_colours(unsigned, unsigned, unsigned) {}

void run(App& app) {
  while (app.step()) {
    // Sleep until the next event instead of spinning: an idle window costs nothing.
    if (!app.idle()) continue;
    const int limit = app.sleep_limit_ms();
    if (limit < 0) SDL_WaitEvent(nullptr);
    else SDL_WaitEventTimeout(nullptr, limit);
  }
}

}  // namespace portlab::app::platform
