#!/usr/bin/env bash
# Builds one libFuzzer target (fuzz/<target>_fuzz.cpp) with clang, ASan and
# UBSan into build/fuzz (the `fuzz` CMake preset) and runs it.
#
#   tools/fuzz.sh <target> [seconds]      e.g. tools/fuzz.sh gift 600
#
# The corpus lives in build/fuzz/corpus/<target> and grows across runs; it
# is seeded from the project's own files for that target (the GIFT banks in
# quiz/bank for `gift`, the course and the test lessons for `lesson`, the
# NAT scenarios for `nat_scenario`; typical links and a saved progress for
# `route` and `progress`; for `content_snapshot`, the small snapshots kept in
# fuzz/corpus/content_snapshot). A
# crash, leak, sanitizer report or timeout stops
# the run and leaves the input in build/fuzz/artifacts/<target>/; reproduce
# it with build/fuzz/<target>_fuzz <that file>. Not part of `make test`.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

usage() { echo "usage: tools/fuzz.sh <target> [seconds]   (targets: $(targets))" >&2; exit 2; }
targets() { ls fuzz/*_fuzz.cpp 2>/dev/null | sed 's|fuzz/||; s|_fuzz.cpp||' | tr '\n' ' '; }

[ $# -ge 1 ] && [ $# -le 2 ] || usage
target=${1%_fuzz}
seconds=${2:-600}
[ -f "fuzz/${target}_fuzz.cpp" ] || { echo "fuzz.sh: no fuzz target '$1'" >&2; usage; }
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz.sh: seconds must be a positive integer" >&2; exit 2; }

# libFuzzer's runtime comes from libclang-rt-<version>-dev, which Debian's
# clang only recommends; say so instead of failing at link time.
if ! command -v clang++ > /dev/null; then
  echo "fuzz.sh: clang++ not found; run tools/setup.sh (installs clang, libclang-rt-14-dev)" >&2
  exit 1
fi
runtime="$(clang++ --print-runtime-dir)/libclang_rt.fuzzer-x86_64.a"
if [ ! -f "$runtime" ]; then
  echo "fuzz.sh: $runtime is missing; run tools/setup.sh (installs libclang-rt-14-dev)" >&2
  exit 1
fi

[ -f build/fuzz/build.ninja ] || cmake --preset fuzz > /dev/null
cmake --build --preset fuzz --target "${target}_fuzz" --parallel 2

corpus="build/fuzz/corpus/$target"
artifacts="build/fuzz/artifacts/$target/"
mkdir -p "$corpus" "$artifacts"
case "$target" in
  gift) seeds=(quiz/bank/*.gift) ;;
  lesson) seeds=(lessons/*.md tests/data/lessons/*/*.md) ;;
  nat_scenario) seeds=(lessons/scenarios/*.json tests/data/nat/*.json) ;;
  content_snapshot) seeds=(fuzz/corpus/content_snapshot/*) ;;
  *) seeds=() ;;
esac
for seed in "${seeds[@]}"; do
  [ -f "$seed" ] && cp "$seed" "$corpus/seed-$(basename "$seed")"
done
# Targets whose inputs are not files in the repository start from a few
# typical ones written here.
case "$target" in
  route)
    i=0
    for link in '#/lesson/port-ranges/2' '#/explorer/ssh' '#/nat/game-server' '#/quiz/generated/x/7' \
                '#/bind/macos' '#/ephemeral/exhaustion' '#/settings' '#/lesson/%70ort-ranges'; do
      printf '%s' "$link" > "$corpus/seed-$((i++))"
    done ;;
  progress)
    printf '%s' '{"format":"portlab-progress","version":1,"data":{"created_ms":1,"updated_ms":2,"questions":{"q":{"box":2,"due_ms":5,"attempts":1,"correct":1,"last_answered_ms":2}},"lessons":{"port-ranges":{"current_step":1,"completed_steps":[0],"checkpoint_passed":false}},"exams":[]}}' \
      > "$corpus/seed-progress" ;;
esac

options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
         -artifact_prefix="$artifacts")
[ -f "fuzz/$target.dict" ] && options+=(-dict="fuzz/$target.dict")
echo "fuzz.sh: running ${target}_fuzz for ${seconds}s (corpus $corpus)"
exec "build/fuzz/${target}_fuzz" "${options[@]}" "$corpus"
