#!/usr/bin/env bash
# Builds SDL2 for WebAssembly from the Debian source package, once.
#
# Debian's Emscripten has a frozen cache, so its `-sUSE_SDL=2` port cannot be
# used; instead SDL2's own CMake build runs under emcmake and installs a
# static library into build/deps/sdl2-wasm, where CMakeLists.txt finds it.
# The build is redone only when the options below change.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
deps="$root/build/deps"
prefix="$deps/sdl2-wasm"

# Only the subsystems PortLab uses (video, events, timers): the others would
# still be linked in through SDL_Init and cost download size and build time.
options=(
  -DCMAKE_BUILD_TYPE=MinSizeRel
  -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF
  -DSDL_AUDIO=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_HIDAPI=OFF -DSDL_POWER=OFF
  -DSDL_SENSOR=OFF -DSDL_LOCALE=OFF -DSDL_MISC=OFF -DSDL_RENDER=OFF -DSDL_FILESYSTEM=OFF
)
stamp="$prefix/portlab-build-options"
if [ -f "$prefix/lib/libSDL2.a" ] && [ "$(cat "$stamp" 2>/dev/null)" = "${options[*]}" ]; then
  exit 0
fi

src=$(compgen -G "$deps/src/libsdl2-2.*" | head -n 1 || true)
if [ -z "$src" ] || [ ! -f "$src/CMakeLists.txt" ]; then
  echo "build_sdl2_wasm: SDL2 sources missing under $deps/src; run tools/setup.sh" >&2
  exit 1
fi

export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
work="$deps/sdl2-wasm-build"
log="$deps/sdl2-wasm-build.log"
rm -rf "$work" "$prefix"
echo "build_sdl2_wasm: building SDL2 for wasm (a few minutes, once)"
fail() {
  tail -n 30 "$log" >&2
  echo "build_sdl2_wasm: failed (full log: $log)" >&2
  exit 1
}
emcmake cmake -S "$src" -B "$work" -G Ninja -DCMAKE_INSTALL_PREFIX="$prefix" "${options[@]}" > "$log" 2>&1 || fail
cmake --build "$work" >> "$log" 2>&1 || fail
cmake --install "$work" >> "$log" 2>&1 || fail
echo "${options[*]}" > "$stamp"
rm -rf "$work"
echo "build_sdl2_wasm: installed into $prefix"
