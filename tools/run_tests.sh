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

# ctest: "100% tests passed, 0 tests failed out of 34"
run_ctest() {
  local name=$1 log=$2
  shift 2
  echo "== $name"
  ctest "$@" --output-on-failure > "$log" 2>&1
  local line
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1)
  if [ -z "$line" ]; then
    suite_failed_to_report "$name" "$log"
    return
  fi
  local failed total
  failed=$(sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/' <<< "$line")
  total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<< "$line")
  [ "$failed" -gt 0 ] && grep -E '^\s+[0-9]+ - ' "$log" | sed 's/^/   /'
  record "$name" $((total - failed)) "$failed"
}

# doctest: "[doctest] test cases: 19 | 19 passed | 0 failed | 0 skipped"
run_doctest() {
  local name=$1 log=$2
  shift 2
  echo "== $name"
  "$@" --no-colors=true > "$log" 2>&1
  local status=$?
  local line
  line=$(grep -E 'test cases: +[0-9]+ \| +[0-9]+ passed \| +[0-9]+ failed' "$log" | tail -n 1)
  if [ -z "$line" ]; then
    suite_failed_to_report "$name" "$log"
    return
  fi
  local passed failed
  passed=$(sed -E 's/.*\| +([0-9]+) passed.*/\1/' <<< "$line")
  failed=$(sed -E 's/.*\| +([0-9]+) failed.*/\1/' <<< "$line")
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  [ "$failed" -gt 0 ] && grep -E 'ERROR|TEST CASE' "$log" | head -n 20 | sed 's/^/   /'
  record "$name" "$passed" "$failed"
}

# Our node runners: "<word>: N passed, M failed"
run_node_suite() {
  local name=$1 log=$2
  shift 2
  echo "== $name"
  "$@" > "$log" 2>&1
  local status=$?
  local line
  line=$(grep -E '^[a-z0-9]+: [0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
  if [ -z "$line" ]; then
    suite_failed_to_report "$name" "$log"
    return
  fi
  local passed failed
  passed=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<< "$line")
  failed=$(sed -E 's/.*passed, ([0-9]+) failed/\1/' <<< "$line")
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  [ "$failed" -gt 0 ] && grep -E 'FAIL' -A 3 "$log" | sed 's/^/   /'
  record "$name" "$passed" "$failed"
}

started=$(date +%s)
run_ctest "core unit tests (native, ctest)" "$logs/core-native.log" --preset native -L '^core$'
run_ctest "view tests (headless ImGui, ctest)" "$logs/views-native.log" --preset native -L '^views$'
run_ctest "platform tests (native, ctest)" "$logs/app-native.log" --preset native -L '^app$'
run_doctest "core unit tests (wasm, node)" "$logs/core-wasm.log" \
  node --no-experimental-fetch build/web-obj/portlab_core_tests.js
run_ctest "core, view, platform tests (ASan+UBSan)" "$logs/asan.log" --preset asan
run_node_suite "native app (Xvfb)" "$logs/native-app.log" node tests/native/smoke.mjs
run_node_suite "browser end-to-end (Chromium)" "$logs/e2e.log" node tests/e2e/run.mjs

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
