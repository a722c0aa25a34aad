#include "app/main_loop.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <GLES3/gl3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

#include "app/content.h"
#include "app/png_writer.h"
#include "core/activity/lab_screens.h"
#include "core/host/describe.h"
#include "core/json.h"
#include "core/net/address.h"
#include "core/version.h"
#include "ui/theme.h"
#include "ui/widgets/activity_card.h"
#include "ui/widgets/setup_link_button.h"

namespace portlab::app {

namespace {

// Frames drawn after the last input: ImGui needs a couple to settle hover
// states, popups and auto-sized windows.
constexpr int kTrailingFrames = 3;

// The longest a frame counts for in ImGui's timing (key repeat, double
// clicks): 50 ms, so a key repeats only when held over several frames.
constexpr float kMaxFrameSeconds = 0.05f;

// How much larger presenter mode draws than the learner's own scale.
constexpr float kPresenterScale = 1.5f;

// Progress records when things happened in wall-clock milliseconds since
// the Unix epoch, so review dates survive a restart.
progress::Millis wall_clock_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

bool App::init(const LaunchOptions& options) {
  platform::startup_mark("main");
  options_ = options;
  platform::configure_sdl_hints();
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
    std::fprintf(stderr, "portlab: cannot start SDL: %s\n", SDL_GetError());
    return false;
  }
  // Everything that needs no window comes before the window. In the
  // browser, Chromium's GPU process is still busy with the new page when
  // the app starts, and a WebGL context asked for at once took 100-440 ms
  // to arrive; reading the course and rasterising the fonts first fill
  // part of that wait instead of following it (the first frame came 63 ms
  // sooner, median of 16 paired loads).
  const std::vector<std::string> notices = load_model();
  init_imgui();
  if (!open_window()) return false;
  platform::startup_mark("context");
  ImGui_ImplSDL2_InitForOpenGL(window_, gl_context_);
  platform::connect_clipboard();
  ImGui_ImplOpenGL3_Init("#version 300 es");
  // The backend would make its shaders, buffers and font texture on its
  // first frame anyway (ImGui 1.86); made here, once, a font rebuild later
  // replaces only the texture.
  ImGui_ImplOpenGL3_CreateDeviceObjects();
  platform::startup_mark("gpu");

  labs_os_ = settings_.default_os;
  model_.use_default_os(labs_os_);
  // Links are checked against the model: a lesson or step that does not
  // exist opens the course home with a message.
  navigator_.set_route_check([this](nav::Route& route) { return model_.check_route(route); });
  navigator_.open_fragment(platform::initial_fragment(options));
  // The last notice set is the one shown: problems with the learner's own
  // data (settings, progress) outrank a teacher's broken file, which
  // outranks a link problem.
  for (const std::string& notice : notices)
    if (!notice.empty()) navigator_.set_notice(notice);

  page_address_ = platform::page_address();
  shell_.init(ui::ViewContext{&navigator_, &settings_, &fonts_, &model_, &textures_, &platform::file_exchange(options),
                              platform::real_bind(), page_address_});
  // Corrects the fonts if the window's pixel ratio is not the one expected.
  apply_settings();
  frames_wanted_ = kTrailingFrames;
  return true;
}

std::vector<std::string> App::load_model() {
  store_ = &platform::store(options_);
  settings::Loaded loaded = settings::load(*store_);
  settings_ = saved_settings_ = loaded.stored ? loaded.settings : platform::system_settings();
  settings_writable_ = loaded.writable;

  model_.now_ms = wall_clock_ms();
  std::string content_notice =
      load_content(model_, platform::asset_dir(), platform::course_is_packed(), fonts_.glyphs);
  platform::startup_mark("content");
  progress_store_ = std::make_unique<progress::ProgressStore>(*store_);
  model_.progress_store = progress_store_.get();
  progress::LoadedProgress progress = progress_store_->load(wall_clock_ms());
  model_.progress = saved_progress_ = progress.progress;
  model_.quiz.attach(&model_.content.bank, &model_.progress);
  platform::startup_mark("progress");
  return {std::move(content_notice), loaded.notice, progress.notice};
}

void App::init_imgui() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is code, not a file next to the binary
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;  // a blinking cursor would keep redrawing
  if (platform::has_semantics_mirror()) recorder_.attach();
  // The atlas is rasterised before the window exists, for the pixel ratio
  // the window will most likely have.
  ui::build_fonts(fonts_, platform::asset_dir(), ui_scale(), platform::expected_pixel_ratio());
  platform::startup_mark("fonts");
}

bool App::open_window() {
  // OpenGL ES 3.0 on both targets (WebGL2 in the browser), so one shader path.
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

  const Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  window_ = SDL_CreateWindow("PortLab", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options_.width, options_.height,
                             flags);
  if (!window_) {
    std::fprintf(stderr, "portlab: cannot open a window: %s\n", SDL_GetError());
    platform::graphics_unavailable(SDL_GetError());
    return false;
  }
  gl_context_ = SDL_GL_CreateContext(window_);
  if (!gl_context_) {
    std::fprintf(stderr, "portlab: cannot create an OpenGL ES 3.0 context: %s\n", SDL_GetError());
    platform::graphics_unavailable(SDL_GetError());
    return false;
  }
  SDL_GL_MakeCurrent(window_, gl_context_);
  SDL_GL_SetSwapInterval(1);
  return true;
}

void App::file_picked(const std::string& text) {
  model_.preview_import(text);
  wake();
}

int App::sleep_limit_ms() const {
  if (wake_at_ticks_ == 0) return -1;
  const uint64_t now = SDL_GetTicks64();
  return wake_at_ticks_ > now ? static_cast<int>(wake_at_ticks_ - now) : 0;
}

void App::wake() { frames_wanted_ = std::max(frames_wanted_, kTrailingFrames); }

bool App::step() {
  // ImGui 1.86 samples key state once per frame, so a key pressed and
  // released between two frames would be lost (a fast tap on a paused page,
  // or automation), and so would a second press of the same key. Each key
  // may change state once per frame; the event that would change it again,
  // and everything after it, waits for the next frame.
  std::vector<SDL_Event> events;
  events.swap(deferred_events_);
  SDL_Event event;
  while (SDL_PollEvent(&event)) events.push_back(event);
  std::vector<SDL_Scancode> changed_this_frame;
  size_t handled = 0;
  for (; handled < events.size(); ++handled) {
    const SDL_Event& e = events[handled];
    const bool key_change = (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP) && !e.key.repeat;
    if (key_change) {
      const SDL_Scancode key = e.key.keysym.scancode;
      if (std::find(changed_this_frame.begin(), changed_this_frame.end(), key) != changed_this_frame.end()) break;
      changed_this_frame.push_back(key);
    }
    handle_event(e);
  }
  deferred_events_.assign(events.begin() + static_cast<long>(handled), events.end());
  if (!events.empty()) wake();
  if (wake_at_ticks_ != 0 && SDL_GetTicks64() >= wake_at_ticks_) {
    wake_at_ticks_ = 0;
    frames_wanted_ = std::max(frames_wanted_, 1);
  }
  if (quit_) return false;
  if (frames_wanted_ == 0) return true;

  model_.now_ms = wall_clock_ms();
  apply_settings();
  const bool animating = draw_frame();
  // Saved right after the frame that changed them, like progress: a page
  // closed or reloaded before the next frame would otherwise lose them.
  save_settings();
  save_progress();
  const int wake_after = shell_.wake_after_ms();
  wake_at_ticks_ = wake_after >= 0 ? SDL_GetTicks64() + static_cast<uint64_t>(wake_after) : 0;
  --frames_wanted_;
  // A Tab that scrolled a pane to reveal its next item moves on the next frame.
  const bool tab_pending = a11y_.frame_done();
  if (animating || tab_pending) frames_wanted_ = std::max(frames_wanted_, 1);
  if (frames_wanted_ == 0 && !options_.screenshot_path.empty()) {
    // The first settled frame is the one a person would see; it is read
    // from the back buffer before the swap.
    if (!write_screenshot()) exit_code_ = 1;
    quit_ = true;
  }
  SDL_GL_SwapWindow(window_);

  if (auto change = navigator_.take_url_change()) platform::apply_url_change(*change);
  if (frames_rendered_ == 1) platform::first_frame_shown();
  if (platform::has_semantics_mirror()) publish_semantics();
  return !quit_;
}

void App::handle_event(const SDL_Event& event) {
  if (event.type == SDL_KEYDOWN && (event.key.keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) == 0) {
    const SDL_Scancode key = event.key.keysym.scancode;
    // Tab and Shift+Tab walk every interactive item in drawing order (in
    // the page, web/a11y.js hands canvas Tabs to the bridge itself, so Tab
    // gets here only while ImGui edits a text field, which keeps it).
    if (key == SDL_SCANCODE_TAB &&
        a11y_.tab((event.key.keysym.mod & KMOD_SHIFT) ? -1 : 1, !platform::has_semantics_mirror()) !=
            A11yBridge::TabResult::Editing)
      return;
    // Enter presses the focused button as Space does (ImGui 1.86 gives
    // buttons Space only; Enter stays the text fields' and sliders').
    if ((key == SDL_SCANCODE_RETURN || key == SDL_SCANCODE_KP_ENTER) && recorder_.attached()) {
      const ImGuiID focused = a11y_.keyboard_focus();
      for (const ui::a11y::Node& n : recorder_.nodes()) {
        if (n.id != focused || !ui::a11y::is_interactive(n.role) || n.role == ui::a11y::Role::TextField ||
            n.role == ui::a11y::Role::Slider)
          continue;
        a11y_.activate(focused);
        return;
      }
    }
  }
  ImGui_ImplSDL2_ProcessEvent(&event);
  if (event.type == SDL_KEYDOWN || event.type == SDL_KEYUP) {
    // The backend reads SDL's modifier state as it is now, which already
    // includes releases still waiting in the queue (a quick Ctrl+= arrives
    // as four events at once in the browser). The event's own state is right.
    ImGuiIO& io = ImGui::GetIO();
    const Uint16 mod = event.key.keysym.mod;
    io.KeyShift = (mod & KMOD_SHIFT) != 0;
    io.KeyCtrl = (mod & KMOD_CTRL) != 0;
    io.KeyAlt = (mod & KMOD_ALT) != 0;
    io.KeySuper = (mod & KMOD_GUI) != 0;
  }
  if (event.type == SDL_QUIT) quit_ = true;
  if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
      event.window.windowID == SDL_GetWindowID(window_))
    quit_ = true;
}

float App::ui_scale() const {
  // Presenter mode enlarges everything for the back of a classroom.
  return model_.presenter ? settings::clamp_ui_scale(settings_.ui_scale * kPresenterScale) : settings_.ui_scale;
}

void App::apply_settings() {
  // Fonts are rasterised for UI scale x device pixel ratio; rebuild when
  // either changes (a setting, or the window moving to another screen).
  int window_w = 0, window_h = 0, drawable_w = 0, drawable_h = 0;
  SDL_GetWindowSize(window_, &window_w, &window_h);
  SDL_GL_GetDrawableSize(window_, &drawable_w, &drawable_h);
  const float device_ratio = window_w > 0 ? static_cast<float>(drawable_w) / static_cast<float>(window_w) : 1.0f;
  const float ui_scale = this->ui_scale();
  // A ratio measured from whole pixels (1251 / 1001 for 1.25) may miss the
  // one expected by a hair; under 1% would not change a glyph.
  const float pixel_scale = ui_scale * device_ratio;
  if (std::abs(pixel_scale - fonts_.pixel_scale) > 0.01f * pixel_scale) {
    ui::build_fonts(fonts_, platform::asset_dir(), ui_scale, device_ratio);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  const std::pair<settings::Theme, float> style{settings_.theme, ui_scale};
  if (styled_for_ != style) {
    ui::apply_theme(style.first, style.second);
    styled_for_ = style;
    // The mirror's text fields take the theme's colours while being edited.
    const ImGuiStyle& st = ImGui::GetStyle();
    const ImVec4 window = st.Colors[ImGuiCol_WindowBg], frame = st.Colors[ImGuiCol_FrameBg];
    const ImVec4 field(frame.x * frame.w + window.x * (1 - frame.w), frame.y * frame.w + window.y * (1 - frame.w),
                       frame.z * frame.w + window.z * (1 - frame.w), 1.0f);
    auto rgb = [](const ImVec4& c) { return ImGui::ColorConvertFloat4ToU32(c) & 0xffffffu; };  // 0xBBGGRR
    auto swap = [](unsigned bgr) { return ((bgr & 0xff) << 16) | (bgr & 0xff00) | (bgr >> 16); };
    platform::set_mirror_colours(swap(rgb(field)), swap(rgb(st.Colors[ImGuiCol_Text])),
                                 swap(rgb(st.Colors[ImGuiCol_NavHighlight])));
  }
  if (settings_.default_os != labs_os_) {
    labs_os_ = settings_.default_os;
    model_.use_default_os(labs_os_);
  }
}

void App::save_settings() {
  if (settings_ == saved_settings_ || !settings_writable_) return;
  if (!settings::save(*store_, settings_))
    navigator_.set_notice("Your settings could not be saved: the browser's storage is full or blocked.");
  saved_settings_ = settings_;
}

void App::save_progress() {
  if (model_.progress == saved_progress_ || !progress_store_->writable()) return;
  model_.progress.updated_ms = wall_clock_ms();
  if (!progress_store_->save(model_.progress))
    navigator_.set_notice("Your progress could not be saved: the browser's storage is full or blocked.");
  saved_progress_ = model_.progress;
}

bool App::draw_frame() {
  if (recorder_.attached()) recorder_.begin_frame();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  // ImGui times a held key by the frames it spans: one slow frame (an old
  // laptop, a busy machine) between a key's press and its release counted
  // as holding it, and an arrow key pressed once moved the keyboard focus
  // twice. Frames count for at most kMaxFrameSeconds; the labs' own clocks
  // already cap what one frame may advance.
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = std::min(io.DeltaTime, kMaxFrameSeconds);
  ImGui::NewFrame();
  a11y_.frame_started();
  const bool animating = shell_.draw();
  ImGui::Render();

  const ImVec4 background = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  glClearColor(background.x, background.y, background.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++frames_rendered_;
  return animating;
}

bool App::write_screenshot() {
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(window_, &w, &h);
  std::vector<unsigned char> rgba(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  // OpenGL's rows run bottom-up; PNG's top-down.
  std::vector<unsigned char> flipped(rgba.size());
  const size_t row = static_cast<size_t>(w) * 4;
  for (int y = 0; y < h; ++y)
    std::copy_n(&rgba[static_cast<size_t>(h - 1 - y) * row], row, &flipped[static_cast<size_t>(y) * row]);
  if (!write_png(options_.screenshot_path, w, h, flipped)) {
    std::fprintf(stderr, "portlab: cannot write %s\n", options_.screenshot_path.c_str());
    return false;
  }
  return true;
}

int App::shutdown() {
  if (!options_.state_path.empty()) {
    if (FILE* f = std::fopen(options_.state_path.c_str(), "w")) {
      std::fputs(state_json().c_str(), f);
      std::fclose(f);
    }
  }
  shell_.discard();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  if (gl_context_) SDL_GL_DeleteContext(gl_context_);
  if (window_) SDL_DestroyWindow(window_);
  SDL_Quit();
  return exit_code_;
}

std::string App::state_json() const {
  json::Value state = json::Value::object();
  state["version"] = portlab::version();
  state["view"] = nav::screen_id(navigator_.current().screen);
  state["route"] = nav::to_fragment(navigator_.current());
  state["frames"] = static_cast<double>(frames_rendered_);
  state["idle"] = idle();
  state["notice"] = navigator_.notice();
  state["theme"] = settings::theme_id(settings_.theme);
  state["ui_scale"] = static_cast<double>(settings_.ui_scale);
  state["reduced_motion"] = settings_.reduced_motion;
  state["presenter"] = model_.presenter;
  state["font_pixel_scale"] = static_cast<double>(fonts_.pixel_scale);
  // The logical size of the last frame drawn, so tests can tell a resize was seen.
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  state["display"] = json::Array{static_cast<double>(display.x), static_cast<double>(display.y)};
  // Where the learner is in a lesson (step counted from 1, as in links).
  const nav::Route& route = navigator_.current();
  const bool in_lesson = route.screen == nav::Screen::Lesson && route.args.size() == 2;
  state["lesson"] = in_lesson ? json::Value(route.args[0]) : json::Value();
  state["step"] = in_lesson ? json::Value(std::stod(route.args[1])) : json::Value();
  state["quiz"] = quiz_state();
  state["activities"] = activities_state();
  state["setup_link"] = setup_link_state();
  state["lab"] = lab_state();
  if (route.screen == nav::Screen::Nat) {
    json::Value nat = json::Value::object();
    nat["challenge"] = model_.nat().challenge_id();
    nat["solved"] = model_.nat().challenge_solved();
    state["nat"] = nat;
  }
  json::Value progress = json::Value::object();
  progress["questions"] = model_.progress.questions.size();
  progress["lessons"] = model_.progress.lessons.size();
  auto record = in_lesson ? model_.progress.lessons.find(route.args[0]) : model_.progress.lessons.end();
  progress["lesson_steps_done"] = record == model_.progress.lessons.end() ? 0 : record->second.completed_steps.size();
  state["progress"] = progress;
  return json::write(state);
}

namespace {

// The lesson step a route shows: its lesson and 0-based step, or null.
const course::Step* route_step(const model::Model& model, const nav::Route& route, int& step) {
  if (route.screen != nav::Screen::Lesson || route.args.size() != 2) return nullptr;
  const course::Lesson* lesson = model.content.course.find(route.args[0]);
  if (!lesson) return nullptr;
  const net::Parsed<long long> n = net::parse_integer(route.args[1], 1, static_cast<long long>(lesson->steps.size()));
  if (!n.ok()) return nullptr;
  step = static_cast<int>(*n.value - 1);
  return &lesson->steps[static_cast<size_t>(step)];
}

json::Value activity_json(const model::Model& model, const activity::Activity& a) {
  const model::ActivityRun* run =
      model.activity_run && model.activity_run->activity.key() == a.key() && model.activity_run->activity.lab == a.lab
          ? &*model.activity_run
          : nullptr;
  json::Value v = json::Value::object();
  v["id"] = a.id;
  v["lab"] = a.lab;
  v["goal"] = ui::goal_text(a);
  v["met"] = model.activity_done(a.key()) || (run && run->verdict.met);
  if (run && run->prediction) {
    json::Value p = json::Value::object();
    p["predicted"] = run->prediction->predicted;
    p["engine"] = run->prediction->engine;
    p["right"] = run->prediction->right;
    v["prediction"] = p;
  } else {
    v["prediction"] = json::Value();
  }
  return v;
}

}  // namespace

std::string App::route_announcement(const nav::Route& before, const nav::Route& now) const {
  int step = 0;
  if (const course::Step* shown = route_step(model_, now, step)) {
    // A lesson says where in it the learner is; its title only on entering.
    const course::Lesson& lesson = *model_.content.course.find(now.args[0]);
    std::string said = "Step " + std::to_string(step + 1) + " of " + std::to_string(lesson.steps.size()) + ": " +
                       shown->title;
    const bool same_lesson = before.screen == nav::Screen::Lesson && !before.args.empty() && before.args[0] == now.args[0];
    return same_lesson ? said : lesson.title + ". " + said;
  }
  // Elsewhere the screen's title: its first heading, as a person sees it.
  for (const ui::a11y::Node& n : recorder_.nodes())
    if (n.role == ui::a11y::Role::Heading) return n.name;
  return "";
}

void App::publish_semantics() {
  const nav::Route& route = navigator_.current();
  std::vector<ui::a11y::Announcement> said = recorder_.announcements();
  if (mirrored_route_ && *mirrored_route_ != route) {
    std::string text = route_announcement(*mirrored_route_, route);
    if (!text.empty()) said.insert(said.begin(), ui::a11y::Announcement{std::move(text), false});
    mirror_.new_screen();
  }
  mirrored_route_ = route;
  const std::string patch = mirror_.update(recorder_.nodes(), a11y_.keyboard_focus(), said);
  if (!patch.empty()) platform::publish_semantics(patch);
}

json::Value App::activities_state() const {
  json::Array out;
  const nav::Route& route = navigator_.current();
  int step = 0;
  if (route_step(model_, route, step)) {
    for (const activity::Activity& a : model_.content.activities)
      if (a.lesson_id == route.args[0] && a.step == step) out.push_back(activity_json(model_, a));
  } else if (const std::string lab = activity::lab_of_screen(route.screen);
             !lab.empty() && model_.activity_run && activity::screen_lab(model_.activity_run->activity.lab) == lab) {
    out.push_back(activity_json(model_, model_.activity_run->activity));
  }
  return json::Value(std::move(out));
}

json::Value App::setup_link_state() const {
  const nav::Route& route = navigator_.current();
  std::string lab = activity::lab_of_screen(route.screen);
  int step = 0;
  if (const course::Step* shown = route_step(model_, route, step)) {
    for (const course::Directive& d : shown->directives) {
      if (d.kind != course::Directive::Kind::Sim) continue;
      const std::string inline_lab = activity::screen_lab(d.get("lab"));
      if (inline_lab == "bind" || inline_lab == "ephemeral" || inline_lab == "nat") {
        lab = inline_lab;
        break;
      }
    }
  }
  if (lab.empty()) return json::Value();
  std::string problem;
  const std::string link = ui::setup_link(model_, lab, page_address_, problem);
  return link.empty() ? json::Value() : json::Value(link);
}

// What the lab on screen (a lab screen, or a lesson step's inline lab) holds
// and what its engine answered last, so a browser test can tell that a setup
// link reproduced the same state and the same results in a fresh browser.
json::Value App::lab_state() const {
  const nav::Route& route = navigator_.current();
  std::string lab = activity::lab_of_screen(route.screen);
  int step = 0;
  if (const course::Step* shown = route_step(model_, route, step))
    for (const course::Directive& d : shown->directives)
      if (d.kind == course::Directive::Kind::Sim && lab.empty()) lab = activity::screen_lab(d.get("lab"));
  json::Value out = json::Value::object();
  auto decision_json = [](const host::Decision& d) {
    json::Value v = json::Value::object();
    v["result"] = d.ok ? std::string("OK") : std::string(d.error);
    v["port"] = static_cast<double>(d.port);
    v["explanation"] = d.explanation;
    return v;
  };
  auto sockets_json = [](const host::Host& host) {
    json::Array list;
    host.sockets().for_each([&](host::SocketId, const host::Socket& s) { list.push_back(host::describe(s)); });
    return json::Value(std::move(list));
  };
  if (lab == "bind") {
    const labs::BindLab& b = model_.bind;
    out["name"] = "bind";
    out["os"] = b.os().key;
    out["uid"] = static_cast<double>(b.uid());
    out["sockets"] = sockets_json(b.host());
    json::Array history;
    for (const labs::BindAttempt& a : b.history()) history.push_back(decision_json(a.decision));
    out["history"] = json::Value(std::move(history));
  } else if (lab == "ephemeral") {
    const labs::EphemeralLab& e = model_.ephemeral;
    out["name"] = "ephemeral";
    out["os"] = e.os().key;
    out["sockets"] = sockets_json(e.host());
    json::Array calls;
    for (const labs::Allocation& a : e.allocations()) calls.push_back(decision_json(a.decision));
    out["calls"] = json::Value(std::move(calls));
  } else if (lab == "nat") {
    const labs::NatLab& n = model_.nat();
    out["name"] = "nat";
    out["title"] = n.title();
    out["profile"] = n.profile().key;
    out["step"] = static_cast<double>(n.step());
    json::Array table;
    for (const labs::NatTableRow& r : n.table())
      table.push_back(r.nat + " " + r.proto + " " + r.inside + " " + r.outside + " " + r.remote + " " + r.state);
    out["table"] = json::Value(std::move(table));
  } else {
    return json::Value();
  }
  return out;
}

json::Value App::quiz_state() const {
  // The question on screen: a lesson's checkpoint while a lesson is open,
  // the quiz screen's question there.
  const nav::Route& route = navigator_.current();
  const quiz::Question* question = nullptr;
  json::Value quiz = json::Value::object();
  bool showing_feedback = false;
  if (route.screen == nav::Screen::Quiz) {
    question = model_.quiz.question();
    quiz["id"] = model_.quiz.id();
    quiz["answered"] = model_.quiz.answered();
    quiz["correct"] = model_.quiz.correct();
    showing_feedback = model_.quiz.last_grade().has_value();
  } else if (route.screen == nav::Screen::Lesson && model_.checkpoint && !route.args.empty() &&
             model_.checkpoint->lesson_id == route.args[0]) {
    const model::Checkpoint& cp = *model_.checkpoint;
    question = cp.shown_question();
    quiz["id"] = question ? question->id : "";
    quiz["answered"] = cp.session.run().position();
    quiz["correct"] = cp.session.right();
    quiz["finished"] = cp.session.finished();
    showing_feedback = cp.showing_feedback;
  } else {
    return json::Value();
  }
  quiz["explanation"] = showing_feedback && question ? question->explanation : "";
  // What a learner would click to answer right, so a browser test can
  // answer through the real widgets without knowing the bank.
  std::string answer_label;
  if (question) {
    const quiz::Response right = quiz::correct_response(*question);
    if (auto* truth = std::get_if<quiz::TrueFalseResponse>(&right)) answer_label = truth->value ? "True" : "False";
    if (auto* choice = std::get_if<quiz::ChoiceResponse>(&right); choice && !choice->selected.empty())
      answer_label = question->options[choice->selected.front()].text;
  }
  quiz["correct_label"] = answer_label;
  return quiz;
}

std::string App::command(const std::string& json_text) {
  auto fail = [](const std::string& why) {
    json::Value answer = json::Value::object();
    answer["ok"] = false;
    answer["error"] = why;
    return json::write(answer);
  };
  json::ParseResult parsed = json::parse(json_text);
  if (!parsed.ok()) return fail("command is not JSON: " + parsed.error.message);
  const json::Value& cmd = *parsed.value;
  if (const json::Value* open = cmd.find("open")) {
    // Following a link: the address bar already shows it.
    if (!open->is_string()) return fail("\"open\" needs a fragment string");
    navigator_.open_fragment(open->as_string());
  } else if (const json::Value* go = cmd.find("go")) {
    // An in-app move, as a click would make: it adds a history entry.
    if (!go->is_string()) return fail("\"go\" needs a fragment string");
    nav::ParsedRoute route = nav::parse_fragment(go->as_string());
    if (!route.problem.empty()) return fail(route.problem);
    navigator_.go(route.route);
  } else if (cmd.find("widgets")) {
    if (!recorder_.attached()) {
      recorder_.attach();
      wake();
    }
    json::Value answer = json::Value::object();
    answer["ok"] = true;
    json::Array widgets;
    // The widget keyboard navigation rests on, so tests can steer by keys.
    const ImGuiID keyboard_focus = a11y_.keyboard_focus();
    for (const ui::a11y::Node& node : recorder_.nodes()) {
      if (node.label.empty() && node.name.empty()) continue;
      json::Value w = json::Value::object();
      w["id"] = static_cast<double>(node.id);
      w["label"] = node.label;
      w["role"] = ui::a11y::aria_role(node.role);
      w["name"] = node.name;
      w["value"] = node.value;
      w["states"] = static_cast<double>(node.states);
      w["keyboard_focus"] = node.id != 0 && node.id == keyboard_focus;
      w["x"] = static_cast<double>(node.min.x);
      w["y"] = static_cast<double>(node.min.y);
      w["w"] = static_cast<double>(node.max.x - node.min.x);
      w["h"] = static_cast<double>(node.max.y - node.min.y);
      w["visible"] = node.visible();
      widgets.push_back(std::move(w));
    }
    answer["widgets"] = std::move(widgets);
    return json::write(answer);
  } else {
    return fail("unknown command; expected \"open\", \"go\" or \"widgets\"");
  }
  wake();
  json::Value answer = json::Value::object();
  answer["ok"] = true;
  return json::write(answer);
}

}  // namespace portlab::app
