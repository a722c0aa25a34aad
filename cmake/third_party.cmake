# Third-party code, all from Debian: doctest (headers), ImGui 1.86 and SDL2
# (source packages unpacked by tools/setup.sh under build/deps/src).

# doctest: Debian installs it under /usr/include. Emscripten must not see the
# host's /usr/include, so the web build gets a private copy of just doctest.
find_path(PORTLAB_DOCTEST_HEADER doctest/doctest.h PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH REQUIRED)
add_library(portlab_doctest INTERFACE)
if(EMSCRIPTEN)
  file(COPY "${PORTLAB_DOCTEST_HEADER}/doctest" DESTINATION "${CMAKE_BINARY_DIR}/sysdeps")
  target_include_directories(portlab_doctest SYSTEM INTERFACE "${CMAKE_BINARY_DIR}/sysdeps")
else()
  target_include_directories(portlab_doctest SYSTEM INTERFACE "${PORTLAB_DOCTEST_HEADER}")
  list(APPEND CMAKE_MODULE_PATH /usr/lib/cmake/doctest)
endif()

if(NOT PORTLAB_APP)
  return()
endif()

# ImGui 1.86 from the Debian source package, compiled the same way for every
# target. IMGUI_ENABLE_TEST_ENGINE lets the view tests see every widget's id,
# label and rectangle; the hooks cost one branch per item when unused.
file(GLOB PORTLAB_IMGUI_DIR LIST_DIRECTORIES true "${PORTLAB_DEPS_DIR}/src/imgui-1.86*")
if(NOT PORTLAB_IMGUI_DIR)
  message(FATAL_ERROR "ImGui 1.86 sources not found under ${PORTLAB_DEPS_DIR}/src: run tools/setup.sh")
endif()
list(GET PORTLAB_IMGUI_DIR 0 PORTLAB_IMGUI_DIR)
add_library(imgui STATIC
  ${PORTLAB_IMGUI_DIR}/imgui.cpp
  ${PORTLAB_IMGUI_DIR}/imgui_draw.cpp
  ${PORTLAB_IMGUI_DIR}/imgui_tables.cpp
  ${PORTLAB_IMGUI_DIR}/imgui_widgets.cpp
  # Ours: the test-engine hook functions ImGui calls (see src/ui/a11y/imgui_hooks.cpp).
  ${CMAKE_SOURCE_DIR}/src/ui/a11y/imgui_hooks.cpp)
set_source_files_properties(${CMAKE_SOURCE_DIR}/src/ui/a11y/imgui_hooks.cpp
  PROPERTIES COMPILE_OPTIONS "-Wall;-Wextra;-Werror")
target_include_directories(imgui SYSTEM PUBLIC ${PORTLAB_IMGUI_DIR})
target_include_directories(imgui PRIVATE ${CMAKE_SOURCE_DIR}/src)
target_compile_definitions(imgui PUBLIC
  IMGUI_ENABLE_TEST_ENGINE
  IMGUI_DISABLE_OBSOLETE_FUNCTIONS
  IMGUI_DISABLE_DEMO_WINDOWS
  IMGUI_DISABLE_DEBUG_TOOLS)

# SDL2: Debian's library natively; for the web, the static library that
# tools/build_sdl2_wasm.sh built from the Debian source with emcmake.
if(EMSCRIPTEN)
  set(PORTLAB_SDL2_WASM "${PORTLAB_DEPS_DIR}/sdl2-wasm")
  if(NOT EXISTS "${PORTLAB_SDL2_WASM}/lib/libSDL2.a")
    message(FATAL_ERROR "wasm SDL2 not found in ${PORTLAB_SDL2_WASM}: run tools/build_sdl2_wasm.sh")
  endif()
  add_library(portlab_sdl2 INTERFACE)
  target_include_directories(portlab_sdl2 SYSTEM INTERFACE "${PORTLAB_SDL2_WASM}/include/SDL2")
  target_link_libraries(portlab_sdl2 INTERFACE "${PORTLAB_SDL2_WASM}/lib/libSDL2.a")
else()
  find_package(SDL2 REQUIRED)
  add_library(portlab_sdl2 INTERFACE)
  target_link_libraries(portlab_sdl2 INTERFACE SDL2::SDL2)
  find_library(PORTLAB_GLES_LIB GLESv2 REQUIRED)
endif()

# ImGui's SDL and OpenGL 3 backends, used only by the app (view tests run ImGui
# without any backend). OpenGL ES 3.0 on both targets: WebGL2 in the browser.
add_library(imgui_backends STATIC
  ${PORTLAB_IMGUI_DIR}/backends/imgui_impl_sdl.cpp
  ${PORTLAB_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui_backends SYSTEM PUBLIC ${PORTLAB_IMGUI_DIR}/backends)
target_compile_definitions(imgui_backends PUBLIC IMGUI_IMPL_OPENGL_ES3)
target_link_libraries(imgui_backends PUBLIC imgui portlab_sdl2)
if(NOT EMSCRIPTEN)
  target_link_libraries(imgui_backends PUBLIC ${PORTLAB_GLES_LIB})
endif()
