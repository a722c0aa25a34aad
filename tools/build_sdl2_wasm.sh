#!/usr/bin/env bash
# Builds SDL2 for WebAssembly from the Debian source package, once.
#
# Debian's Emscripten has a frozen cache, so its `-sUSE_SDL=2` port cannot be
# used; instead SDL2's own CMake build runs under emcmake and installs a
# static library into build/deps/sdl2-wasm, where CMakeLists.txt finds it.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
deps="$root/build/deps"
prefix="$deps/sdl2-wasm"
[ -f "$prefix/lib/libSDL2.a" ] && exit 0

src=$(compgen -G "$deps/src/libsdl2-2.*" | head -n 1 || true)
if [ -z "$src" ] || [ ! -f "$src/CMakeLists.txt" ]; then
  echo "build_sdl2_wasm: SDL2 sources missing under $deps/src; run tools/setup.sh" >&2
  exit 1
fi

export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
work="$deps/sdl2-wasm-build"
rm -rf "$work"
echo "build_sdl2_wasm: building SDL2 for wasm (a few minutes, once)"
emcmake cmake -S "$src" -B "$work" -G Ninja \
  -DCMAKE_BUILD_TYPE=MinSizeRel \
  -DCMAKE_INSTALL_PREFIX="$prefix" \
  -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF > "$work.log" 2>&1 \
  || { tail -n 30 "$work.log" >&2; exit 1; }
cmake --build "$work" >> "$work.log" 2>&1 || { tail -n 30 "$work.log" >&2; exit 1; }
cmake --install "$work" >> "$work.log" 2>&1 || { tail -n 30 "$work.log" >&2; exit 1; }
rm -rf "$work"
echo "build_sdl2_wasm: installed into $prefix"
