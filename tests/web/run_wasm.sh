#!/usr/bin/env bash
# run_wasm.sh — the WebAssembly CPU path's tests, each skipped (exit 77,
# with the reason) when what it needs is missing:
#   validate  every kernel file of tests/kernels through `cuwasm transpile
#             --target wasm`; every module written must pass wasm-validate
#             (wabt, with the threads proposal: shared memory, atomics),
#             kernels the target rejects are counted, not failed
#   kernels   the launch lines of tests/kernels and tests/web/wasm_kernels
#             through the npm package on the 'wasm' device in Node, against
#             the CPU backend (run_wasm_kernels.mjs)
#   workers   the same launch lines with the blocks spread over 4 workers
#             sharing the module's memory (SharedArrayBuffer)
#   api       the package's 'wasm' device under node --test (wasm_api.test.mjs)
#   browser   the 'wasm' device in headless Chromium: workers on a
#             cross-origin isolated page, one thread on another
#             (wasm_browser_test.mjs; skips without playwright-core/Chromium)
# kernels, workers, api and browser need the compiler built to WebAssembly (web/dist), made here
# with emscripten when it is missing or older than the sources.
# Usage: tests/web/run_wasm.sh CUWASM validate|kernels|workers|api|browser
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cuwasm=$(realpath "${1:?usage: run_wasm.sh CUWASM MODE}")
mode=${2:?usage: run_wasm.sh CUWASM MODE}

skip() { echo "SKIP: $*"; exit 77; }

case $mode in
validate)
  command -v wasm-validate >/dev/null || skip "wasm-validate is not installed (apt-get install wabt)"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  modules=0 invalid=0 rejected=0
  for f in "$root"/tests/kernels/*.cu "$root"/tests/web/wasm_kernels/*.cu; do
    b=$(basename "$f" .cu)
    # exit status 1: some kernels were rejected (diagnostics on stderr); the module holds the others
    "$cuwasm" transpile "$f" --target wasm -o "$tmp/$b.wasm" 2>"$tmp/$b.err" || true
    rejected=$((rejected + $(grep -c ': error: ' "$tmp/$b.err" || true)))
    if [[ ! -s $tmp/$b.wasm ]]; then
      echo "FAIL $b: no module written"; cat "$tmp/$b.err"; invalid=$((invalid + 1)); continue
    fi
    modules=$((modules + 1))
    if ! wasm-validate --enable-threads "$tmp/$b.wasm" 2>"$tmp/$b.val"; then
      echo "FAIL $b: wasm-validate: $(head -3 "$tmp/$b.val")"; invalid=$((invalid + 1))
    fi
  done
  echo "wasm: $modules modules written, $invalid invalid; $rejected kernel diagnostics (kernels the target rejects)"
  [[ $invalid -eq 0 ]] ;;
kernels|workers|api|browser)
  command -v node >/dev/null || skip "node is not installed (apt-get install nodejs)"
  dist=$root/web/dist/cuwasm-compiler.cjs
  if [[ ! -f $dist || -n $(find "$root/src/base" "$root/src/front" "$root/src/kir" "$root/src/emit" \
          "$root/src/api" "$root/include" "$root/web/wasm" -newer "$dist" -type f | head -1) ]]; then
    command -v emcc >/dev/null || skip "emscripten is not installed and web/dist has no current build"
    bash "$root/web/wasm/build.sh" >/dev/null
  fi
  cd "$root"
  [[ $mode == api ]] && exec node --test tests/web/wasm_api.test.mjs
  [[ $mode == browser ]] && exec node tests/web/wasm_browser_test.mjs
  rc=0 opts=()
  [[ $mode == workers ]] && opts=(--workers 4)
  node tests/web/run_wasm_kernels.mjs "$cuwasm" tests/kernels "${opts[@]}" || rc=1
  # the fission pass's own shapes (not in tests/kernels: no C references for them)
  # (every one must run: math_host_imports.cu would otherwise pass as "rejected")
  node tests/web/run_wasm_kernels.mjs "$cuwasm" tests/web/wasm_kernels "${opts[@]}" --all-supported || rc=1
  exit $rc ;;
*) echo "unknown mode $mode" >&2; exit 2 ;;
esac
