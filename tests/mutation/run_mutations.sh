#!/usr/bin/env bash
# run_mutations.sh — breaks the CPU backend on purpose and shows that the
# test suite notices.  Run on demand (minutes; not part of CTest or CI):
#
#   bash tests/mutation/run_mutations.sh [MUTANT...]     (default: every *.patch here)
#
# Each tests/mutation/NAME.patch is one deliberate bug (a unified diff
# against src/).  The working tree (tracked and untracked, not ignored
# files) is copied to a temporary folder and built there once; the
# selected tests run on the unmodified copy first (they must pass, or a
# failure would prove nothing), then each patch is applied, the copy
# rebuilt, the tests run, and the patch reversed.  Your own tree and build
# are never touched.  Prints a table: mutant, tests that failed, verdict
# (CAUGHT when at least one test failed or timed out, MISSED otherwise);
# exits 1 when a mutant is missed or does not apply.
#
# The tests: TESTS (a CTest -R regex, default below); each runs with a
# per-test timeout of TIMEOUT seconds (default 300), so a mutant that hangs
# is caught by the timeout.  KEEP=1 leaves the folder for a look.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tests=${TESTS:-'^(exec_kernels|test_cpu_stress|test_cpu_runtime|test_cpu_emit|test_emit_limits)$'}
timeout=${TIMEOUT:-300}
jobs=${JOBS:-2}
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for p in "$here"/*.patch; do names+=("$(basename "$p" .patch)"); done
fi
work=$(mktemp -d /tmp/cuwasm_mutation_XXXXXX)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"   # mutated kernels stay out of the user's JIT cache

echo "copying the tree to $work/src and building (Release)..."
mkdir -p "$work/src"
(cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$work/src")
build() { cmake --build "$work/build" -j "$jobs" >"$work/build.log" 2>&1; }
cmake -S "$work/src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release >"$work/build.log" 2>&1 && build ||
  { echo "the unmodified copy does not build:"; tail -20 "$work/build.log"; exit 1; }

# run_tests LOG: runs the selected tests; prints the names of those that failed.
run_tests() {
  ctest --test-dir "$work/build" -R "$tests" --timeout "$timeout" >"$1" 2>&1
  sed -n 's/^[[:space:]]*[0-9]* - \([^ ]*\) (\(.*\))$/\1(\2)/p' "$1" | tr '\n' ' '
}

base=$(run_tests "$work/baseline.log")
if [ -n "$base" ]; then
  echo "the unmodified copy already fails: $base"; exit 1
fi
echo "baseline: $(grep -c 'Passed' "$work/baseline.log") tests pass unmodified"

rows=() missed=0
for m in "${names[@]}"; do
  p="$here/$m.patch"
  start=$(date +%s)
  if ! patch -d "$work/src" -p1 --dry-run -s <"$p" >/dev/null 2>&1; then
    rows+=("$(printf '%-22s %-58s %s' "$m" "(patch does not apply to this tree)" "ERROR")")
    missed=$((missed + 1)); continue
  fi
  patch -d "$work/src" -p1 -s <"$p"
  if ! build; then
    failedtests="(does not build)"
  else
    failedtests=$(run_tests "$work/$m.log")
  fi
  patch -d "$work/src" -p1 -R -s <"$p"
  secs=$(($(date +%s) - start))
  if [ -n "$failedtests" ]; then verdict="CAUGHT (${secs}s)"; else verdict="MISSED (${secs}s)"; missed=$((missed + 1)); fi
  rows+=("$(printf '%-22s %-58s %s' "$m" "${failedtests:--}" "$verdict")")
  echo "${rows[-1]}"
done
build || true
echo
printf '%-22s %-58s %s\n' mutant "tests that failed" verdict
printf '%s\n' "${rows[@]}"
[ $missed -eq 0 ]
