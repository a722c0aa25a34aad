#!/usr/bin/env bash
# Installs everything PortLab needs to build and test, and nothing else.
#
# Idempotent and quick when all is present (one dpkg query, a few stat calls),
# so every make target can call it. Everything comes from Debian packages or
# the npm registry, through the machine's own configured sources: this script
# never names a mirror. The deb-src entries that `apt-get source` needs are
# derived from the system's existing deb entries.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
deps="$root/build/deps"

# Debian packages, grouped by why we need them.
packages=(
  # native build
  build-essential cmake ninja-build pkg-config libsdl2-dev doctest-dev
  # web build (Emscripten 3.1.6 brings clang/lld/binaryen)
  emscripten
  # fonts shipped with the app, cut down to the glyphs it draws (pyftsubset)
  fonts-inter fonts-jetbrains-mono fonttools
  # browser and desktop tests
  chromium xvfb xauth
  # `apt-get source` unpacks with dpkg-source
  dpkg-dev
  # engines: the IANA registry as Debian ships it, nmap's open-port frequencies
  libwireshark-data nmap-common
  # benchmarks, and the kernel integration tests (namespaces, nftables)
  libbenchmark-dev iproute2 nftables
  # fuzzing: clang with libFuzzer; Debian's clang only recommends the
  # runtime package that holds libclang_rt.fuzzer, so it is named here
  clang libclang-rt-14-dev
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing_packages() {
  # dpkg-query prints one status line per package; anything not fully
  # installed (or unknown to dpkg) counts as missing.
  local p status
  for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$status" = "installed" ] || printf '%s\n' "$p"
  done
}

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
}

mapfile -t need < <(missing_packages)
if [ "${#need[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${need[*]}"
  apt_update_once
  mkdir -p "$deps"
  # dpkg is chatty; its output goes to a log that is shown only on failure.
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" \
      > "$deps/apt-install.log" 2>&1; then
    tail -n 30 "$deps/apt-install.log" >&2
    echo "setup: installing Debian packages failed (full log: $deps/apt-install.log)" >&2
    exit 1
  fi
fi

# Source packages for the wasm build: ImGui 1.86 and SDL2 (the same versions
# Debian builds natively). Unpacked once under build/deps/src.
ensure_deb_src() {
  local list=/etc/apt/sources.list.d/portlab-deb-src.sources
  [ -f "$list" ] && return 0
  # Copy every deb822 stanza of the system's own sources, switched to deb-src.
  local src
  for src in /etc/apt/sources.list.d/*.sources; do
    [ -f "$src" ] || continue
    [ "$src" = "$list" ] && continue
    grep -q '^Types:.*\bdeb\b' "$src" || continue
    sed -e 's/^Types:.*/Types: deb-src/' "$src"
    echo
  done > /tmp/portlab-deb-src.$$
  # One-line sources.list entries, if any, work the same way.
  if [ -f /etc/apt/sources.list ]; then
    sed -n 's/^deb \(.*\)$/deb-src \1/p' /etc/apt/sources.list > /tmp/portlab-deb-src-list.$$
    if [ -s /tmp/portlab-deb-src-list.$$ ]; then
      as_root cp /tmp/portlab-deb-src-list.$$ /etc/apt/sources.list.d/portlab-deb-src.list
    fi
    rm -f /tmp/portlab-deb-src-list.$$
  fi
  as_root cp /tmp/portlab-deb-src.$$ "$list"
  rm -f /tmp/portlab-deb-src.$$
  apt_updated=0
}

fetch_source() {
  # $1 = source package, $2 = directory glob that marks it as unpacked
  local pkg=$1 marker=$2
  compgen -G "$deps/src/$marker" > /dev/null && return 0
  ensure_deb_src
  apt_update_once
  mkdir -p "$deps/src"
  echo "setup: fetching Debian source package $pkg"
  (cd "$deps/src" && apt-get source -qq -o APT::Sandbox::User=root "$pkg" > /dev/null)
}

fetch_source imgui 'imgui-1.86*/imgui.cpp'
fetch_source libsdl2 'libsdl2-2.*/CMakeLists.txt'

# npm packages for the browser tests (playwright-core drives Debian's Chromium;
# it never downloads a browser of its own; axe-core checks accessibility).
# Every package package.json names must be there: a machine kept from before
# a package was added gets it too.
npm_missing=0
for pkg in $(cd "$root" && node -p "Object.keys(require('./package.json').devDependencies).join(' ')"); do
  [ -f "$root/node_modules/$pkg/package.json" ] || npm_missing=1
done
if [ "$npm_missing" -eq 1 ]; then
  echo "setup: installing npm packages"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi

exit 0
