// The start-up baseline: the smallest ImGui + SDL2 + WebGL2 page this
// toolchain makes (same Emscripten, same ImGui 1.86, same SDL2 build, same
// link flags for the GL context), drawing one window with ImGui's built-in
// font. tools/startup_bench.mjs times PortLab's first frame against this
// page's; it is not part of the app.
#include <SDL.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <GLES3/gl3.h>

namespace {

SDL_Window* g_window = nullptr;
int g_frames = 0;

void frame() {
  SDL_Event event;
  while (SDL_PollEvent(&event)) ImGui_ImplSDL2_ProcessEvent(&event);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  ImGui::Begin("Baseline");
  ImGui::TextUnformatted("A bare ImGui window.");
  ImGui::End();
  ImGui::Render();
  glClearColor(0.1f, 0.1f, 0.1f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  SDL_GL_SwapWindow(g_window);
  // Tell the page after the first frame, as PortLab's shell is told.
  if (++g_frames == 1) EM_ASM({ window.baselineFirstFrameAt = performance.now(); });
}

}  // namespace

int main(int, char**) {
  // Marked like PortLab's start-up phases, so the bench can show where the
  // two pages part.
  EM_ASM({ performance.mark('baseline:main'); });
  SDL_Init(SDL_INIT_VIDEO);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  g_window = SDL_CreateWindow("baseline", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                              SDL_WINDOW_OPENGL);
  SDL_GLContext context = SDL_GL_CreateContext(g_window);
  SDL_GL_MakeCurrent(g_window, context);
  EM_ASM({ performance.mark('baseline:context'); });
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplSDL2_InitForOpenGL(g_window, context);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  emscripten_set_main_loop(frame, 0, true);
  return 0;
}
