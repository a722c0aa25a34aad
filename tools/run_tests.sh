#!/usr/bin/env bash
# Runs every test suite against the current builds and prints each suite's
# totals, then one closing line "N passed, M failed". Exits non-zero if any
# test failed or any suite could not run. Called by `make test` after the
# builds; each suite's full output is kept in build/test-artifacts/logs/.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
logs=build/test-artifacts/logs
mkdir -p "$logs"

names=()
passes=()
fails=()
broken=0

# record NAME PASSED FAILED
record() {
  names+=("$1")
  passes+=("$2")
  fails+=("$3")
}

# A suite whose summary line could not be read counts as one failure, so a
# crash before the summary can never look like success.
suite_failed_to_report() {
  echo "!! $1: no test summary found; see $2"
  tail -n 20 "$2" | sed 's/^/   | /'
  record "$1" 0 1
  broken=1
}

# Reads a suite's own summary line from its log and prints "PASSED FAILED".
#   ctest:   "100% tests passed, 0 tests failed out of 34"
#   doctest: "[doctest] test cases: 19 | 19 passed | 0 failed | 0 skipped"
#   plain:   "<suite>: 10 passed, 0 failed" (our node runners)
summary_of() {
  local kind=$1 log=$2 line
  case "$kind" in
    ctest)
      line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1)
      [ -n "$line" ] && sed -E 's/.*passed, ([0-9]+) tests? failed out of ([0-9]+).*/\2 \1/' <<< "$line" |
        { read -r total failed; echo "$((total - failed)) $failed"; } ;;
    doctest)
      line=$(grep -E 'test cases: +[0-9]+ \| +[0-9]+ passed \| +[0-9]+ failed' "$log" | tail -n 1)
      [ -n "$line" ] && sed -E 's/.*\| +([0-9]+) passed \| +([0-9]+) failed.*/\1 \2/' <<< "$line" ;;
    plain)
      line=$(grep -E '^[a-z0-9]+: [0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
      [ -n "$line" ] && sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed/\1 \2/' <<< "$line" ;;
  esac
}

# run_suite NAME KIND LOG COMMAND...
run_suite() {
  local name=$1 kind=$2 log=$3
  shift 3
  echo "== $name"
  "$@" > "$log" 2>&1
  judge_suite "$name" "$kind" "$log" $?
}

# judge_suite NAME KIND LOG EXIT_STATUS: reads the suite's summary and records it.
judge_suite() {
  local name=$1 kind=$2 log=$3 status=$4 summary passed failed
  summary=$(summary_of "$kind" "$log")
  if [ -z "$summary" ]; then
    suite_failed_to_report "$name" "$log"
    return
  fi
  read -r passed failed <<< "$summary"
  # A runner that failed after a clean summary still fails the suite.
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  if [ "$failed" -gt 0 ]; then
    grep -E 'FAIL|ERROR|TEST CASE|^ +[0-9]+ - ' "$log" | head -n 30 | sed 's/^/   /'
  fi
  record "$name" "$passed" "$failed"
}

# start_in_background NAME KIND LOG COMMAND...: runs a suite beside the
# others; finish_background records it. The browser tests spend much of
# their time waiting (for frames to stop, for the idle check), which the
# other suites fill.
background_pid=
background_suite=()
start_in_background() {
  background_suite=("$1" "$2" "$3")
  shift 3
  "$@" > "${background_suite[2]}" 2>&1 &
  background_pid=$!
}
finish_background() {
  wait "$background_pid"
  judge_suite "${background_suite[@]}" $?
}

started=$(date +%s)
start_in_background "browser end-to-end (Chromium)" plain "$logs/e2e.log" node tests/e2e/run.mjs
run_suite "core unit tests (native, ctest)" ctest "$logs/core-native.log" \
  ctest --preset native -L '^core$' --output-on-failure
run_suite "view tests (headless ImGui, ctest)" ctest "$logs/views-native.log" \
  ctest --preset native -L '^views$' --output-on-failure
run_suite "platform tests (native, ctest)" ctest "$logs/app-native.log" \
  ctest --preset native -L '^app$' --output-on-failure
run_suite "CLI tests (native, ctest)" ctest "$logs/cli-native.log" \
  ctest --preset native -L '^cli$' --output-on-failure
# The 1000-seed sweep of the generated questions runs natively (3 s); as
# wasm it alone takes about 50 s and under ASan about 40 s, so those two
# suites leave it out and keep the rest, templates included (other seeds).
sweep='generated templates over seeds 1..1000*'
run_suite "core unit tests (wasm, node)" doctest "$logs/core-wasm.log" \
  node --no-experimental-fetch build/web-obj/portlab_core_tests.js --no-colors=true \
  "--test-case-exclude=$sweep"
# One process per test program (not one per test case, as ctest would):
# most of the time under ASan went into starting the view tests 60 times.
asan_programs=(build/asan/portlab_core_tests "--test-case-exclude=$sweep" --
               build/asan/portlab_view_tests -- build/asan/portlab_app_tests --
               build/asan/portlab_cli_tests)
for corpus in fuzz/corpus/*/; do
  target=$(basename "$corpus")
  asan_programs+=(-- "build/asan/${target}_replay" "$corpus")
done
run_suite "core, view, platform, CLI tests (ASan+UBSan)" plain "$logs/asan.log" \
  node tools/run_programs.mjs asan "$logs/asan" -- "${asan_programs[@]}"
run_suite "Linux kernel vs engines (netns)" plain "$logs/kernel.log" node tests/kernel/run.mjs
run_suite "native app (Xvfb)" plain "$logs/native-app.log" node tests/native/smoke.mjs
echo "== browser end-to-end (Chromium), running since the start"
finish_background
run_suite "web build size (budget 1.0 MB gzipped)" plain "$logs/web-size.log" node tools/web_size.mjs

echo
printf '%-44s %8s %8s\n' "suite" "passed" "failed"
total_pass=0
total_fail=0
for i in "${!names[@]}"; do
  printf '%-44s %8d %8d\n' "${names[$i]}" "${passes[$i]}" "${fails[$i]}"
  total_pass=$((total_pass + passes[i]))
  total_fail=$((total_fail + fails[i]))
done
echo "screenshots: build/test-artifacts/e2e/ and build/test-artifacts/native/; logs: $logs/"
echo "time: $(( $(date +%s) - started )) s"
echo "${total_pass} passed, ${total_fail} failed"
[ "$total_fail" -eq 0 ] && [ "$broken" -eq 0 ]
