#!/usr/bin/env bash
# run_sanitizer.sh CUWASM — the checkers of `cuwasm run --check`:
#  1. every buggy program of tests/sanitizer/ (its `// CHECK:` line names
#     the checker) exits 1 and prints every `// expect:` line (an extended
#     regex: the kind of error, file:line:col, thread, allocation);
#  2. no false positives: every program of tests/programs/ and of
#     tests/sanitizer/clean/ (our own hard cases for the checkers; except those
#     marked `// CHECK: skip`, which fault on purpose) passes under
#     memcheck, racecheck, synccheck and initcheck with no report, and so
#     does every `// launch:` line of tests/kernels/ (a file's
#     `// CHECK: memcheck` line narrows the checkers for it; `cuwasm
#     launch` fills its buffers from the host, so initcheck has nothing to
#     find there but runs all the same).
#  3. the list parser refuses an unknown word and `all` runs every checker.
# Prints one line per case and "N passed, N failed".
set -u
all=memcheck,racecheck,synccheck,initcheck
cw=$(cd "$(dirname "${1:?usage: run_sanitizer.sh CUWASM}")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
pass=0 fail=0
export CUWASM_QUIET=1
for f in "$here"/*.cu; do
  name=$(basename "$f")
  mode=$(sed -n 's|^// CHECK: *||p' "$f" | head -1)
  out=$(timeout 300 "$cw" run --check "$mode" "$f" 2>&1)
  rc=$?
  bad=""
  [ $rc -eq 1 ] || bad="exit $rc, want 1"
  while IFS= read -r want; do
    [ -n "$bad" ] && break
    printf '%s\n' "$out" | grep -Eq -- "$want" || bad="missing: $want"
  done < <(sed -n 's|^// expect: *||p' "$f")
  if [ -z "$bad" ]; then pass=$((pass + 1)); echo "ok   $name ($mode)"
  else fail=$((fail + 1)); echo "FAIL $name ($mode): $bad"; printf '%s\n' "$out" | tail -12 | sed 's/^/     /'; fi
done
# the list parser: an unknown word is refused naming the known ones; `all`
# turns on every checker (one planted bug of each new kind is found)
out=$("$cw" run --check memcheck,bogus "$here/oob_global.cu" 2>&1)
if [ $? -ne 0 ] && printf '%s\n' "$out" | grep -q "memcheck, racecheck, synccheck, initcheck, leaks or all, not 'bogus'"; then
  pass=$((pass + 1)); echo "ok   --check memcheck,bogus (refused)"
else
  fail=$((fail + 1)); echo "FAIL --check memcheck,bogus: $out"
fi
for pair in "sync_divergent_barrier.cu:Barrier error detected" "init_global.cu:Uninitialized __global__ memory read" \
             "race_global_scatter.cu:Race reported between Write and Write accesses on global memory"; do
  out=$(timeout 300 "$cw" run --check all "$here/${pair%%:*}" 2>&1)
  if [ $? -eq 1 ] && printf '%s\n' "$out" | grep -q "${pair#*:}"; then
    pass=$((pass + 1)); echo "ok   ${pair%%:*} (all)"
  else
    fail=$((fail + 1)); echo "FAIL ${pair%%:*} under --check all"; printf '%s\n' "$out" | tail -6 | sed 's/^/     /'
  fi
done
for f in "$root"/tests/programs/*.cu "$here"/clean/*.cu; do
  name=$(basename "$(dirname "$f")")/$(basename "$f")
  grep -q '^// CHECK: skip' "$f" && continue
  mode=$(sed -n 's|^// CHECK: *\([a-z,]*\).*|\1|p' "$f" | head -1)
  mode=${mode:-$all}
  flags=$(sed -n 's|^// FLAGS: *||p' "$f" | head -1)
  args=$(sed -n 's|^// ARGS: *||p' "$f" | head -1)
  # shellcheck disable=SC2086
  out=$(cd "$root/tests/programs" && timeout 600 "$cw" run --check "$mode" "$f" $flags -- $args 2>&1)
  rc=$?
  if [ $rc -eq 0 ] && ! printf '%s\n' "$out" | grep -v 'ERROR SUMMARY: 0 errors' | grep -q '^========='; then
    pass=$((pass + 1)); echo "ok   $name (no false positive)"
  else
    fail=$((fail + 1)); echo "FAIL $name: exit $rc under $mode"
    printf '%s\n' "$out" | grep -m8 '=========' | sed 's/^/     /'
  fi
done
for f in "$root"/tests/kernels/*.cu; do
  mode=$(sed -n 's|^// CHECK: *\([a-z,]*\).*|\1|p' "$f" | head -1)
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    read -r -a words <<<"${line#// launch: }"
    out=$(CUWASM_CHECK=${mode:-$all} timeout 120 "$cw" launch "$f" "${words[@]}" 2>&1)
    rc=$?
    if [ $rc -eq 0 ] && ! printf '%s\n' "$out" | grep -q '^========= \(Invalid\|Error\|Barrier\|Uninitialized\)'; then
      pass=$((pass + 1))
    else
      fail=$((fail + 1)); echo "FAIL kernels/$(basename "$f") ${words[0]} #$n: exit $rc or reports"
      printf '%s\n' "$out" | grep -m6 '=========' | sed 's/^/     /'
    fi
  done < <(grep '^// launch: ' "$f")
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
