#!/usr/bin/env bash
# Builds the libFuzzer targets tests/fuzz/fuzz_*.c (fuzz_parse, fuzz_pp,
# fuzz_rewrite: the host-code rewriter of `cuwasm cc`) with clang-14 and
# ASan+UBSan against all of src/, then runs
# each for SECONDS on its seed corpus (tests/fuzz/corpus_NAME/, else
# corpus_parse/, plus the kernels of tests/kernels/).  Exits non-zero on any
# finding (crash, leak, UB, timeout, OOM); the reproducer is left in
# build-fuzz/artifacts_NAME/.
# Usage: tests/fuzz/run_fuzz.sh SECONDS
# Environment: FUZZ_CC (default clang-14), JOBS (default 2),
#              FUZZ_BUILD (default build-fuzz in the repository root).
set -euo pipefail
seconds=${1:?usage: run_fuzz.sh SECONDS}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${FUZZ_BUILD:-$root/build-fuzz}
jobs=${JOBS:-2}

cc=${FUZZ_CC:-clang-14}
if ! command -v "$cc" >/dev/null; then
  echo "error: $cc not found (apt-get install clang-14 libclang-rt-14-dev)" >&2
  exit 1
fi
version=$(sed -n 's/.*CUWASM_VERSION="\([^"]*\)".*/\1/p' "$root/CMakeLists.txt" | head -n 1)
san=(-fsanitize=address,undefined -fno-sanitize-recover=undefined)
cflags=(-std=c11 -g -O1 -fno-omit-frame-pointer "${san[@]}"
        -I"$root/include" -I"$root/src"
        -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
        "-DCUWASM_SOURCE_DIR=\"$root\"" "-DCUWASM_VERSION=\"${version:-fuzz}\"")
libs=(-ldl -lpthread -lm)

# ---- build: the library's objects once, then one binary per target ----
mkdir -p "$out/obj"
# src/compat/web/ is emscripten-only (the glue of programs built for the
# web), as in CMakeLists.txt
mapfile -t srcs < <(cd "$root" && find src -name '*.c' -not -path 'src/compat/web/*' | sort)
echo "fuzz: compiling ${#srcs[@]} library files with $cc"
running=0 failed=0
for s in "${srcs[@]}"; do
  o="$out/obj/${s//\//_}.o"
  "$cc" "${cflags[@]}" -fsanitize=fuzzer-no-link -c "$root/$s" -o "$o" &
  running=$((running + 1))
  if [[ $running -ge $jobs ]]; then
    wait -n || failed=1
    running=$((running - 1))
  fi
done
while [[ $running -gt 0 ]]; do
  wait -n || failed=1
  running=$((running - 1))
done
[[ $failed -eq 0 ]] || { echo "error: library build failed" >&2; exit 1; }
objs=()
for s in "${srcs[@]}"; do objs+=("$out/obj/${s//\//_}.o"); done

shopt -s nullglob
targets=("$here"/fuzz_*.c)
kernels=("$root"/tests/kernels/*.cu)
shopt -u nullglob
if [[ ${#targets[@]} -eq 0 ]]; then
  echo "error: no fuzz targets in $here" >&2
  exit 1
fi
for t in "${targets[@]}"; do
  name=$(basename "$t" .c)
  echo "fuzz: linking $name"
  "$cc" "${cflags[@]}" -fsanitize=fuzzer "$t" "${objs[@]}" "${libs[@]}" -o "$out/$name"
done

# ---- run ----
status=0
for t in "${targets[@]}"; do
  name=$(basename "$t" .c)
  short=${name#fuzz_}
  seeds="$here/corpus_$short"
  [[ -d $seeds ]] || seeds="$here/corpus_parse"
  work="$out/corpus_$short"      # new inputs land here, not in the tree
  arts="$out/artifacts_$short"
  run="$out/run_$short"          # empty cwd: relative #includes find nothing
  rm -rf "$arts"
  mkdir -p "$work" "$arts" "$run"
  [[ ${#kernels[@]} -gt 0 ]] && cp -n "${kernels[@]}" "$work/" 2>/dev/null || true
  log="$out/$name.log"
  echo "fuzz: running $name for ${seconds}s (seeds: ${seeds#"$root"/}, log: ${log#"$root"/})"
  rc=0
  (cd "$run" && "$out/$name" -max_total_time="$seconds" -rss_limit_mb=2048 \
     -timeout=10 -print_final_stats=1 -artifact_prefix="$arts/" \
     "$work" "$seeds") >"$log" 2>&1 || rc=$?
  if [[ $rc -eq 0 ]]; then
    grep -E '^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|Done )' "$log" |
      sed "s/^/  $name: /" || true
  else
    status=1
    echo "FAIL $name: libFuzzer exited $rc; reproducer(s):"
    ls -1 "$arts" | sed "s|^|    ${arts#"$root"/}/|"
    echo "  reproduce: ${out#"$root"/}/$name ARTIFACT"
    echo "  report (full log: ${log#"$root"/}):"
    # From the first sanitizer/libFuzzer error line on; else the log's end.
    if grep -qE 'ERROR: |runtime error:|==[0-9]+== ' "$log"; then
      awk '/ERROR: |runtime error:|==[0-9]+== /{on=1} on' "$log" | head -n 40 | sed 's/^/    /'
    else
      tail -n 40 "$log" | sed 's/^/    /'
    fi
  fi
done
exit "$status"
