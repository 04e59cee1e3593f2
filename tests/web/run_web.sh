#!/usr/bin/env bash
# run_web.sh — the WebGPU tests, each skipped (exit 77, with the reason)
# when what it needs is missing:
#   validate  every kernel's WGSL through naga and Tint (web/tools/validate.mjs)
#   kernels   the launch lines of tests/kernels through the npm package on
#             WebGPU, against the CPU backend (run_kernels.mjs)
#   packed    the same, compiled as for a device allowing one storage
#             buffer per stage: buffer parameters packed (wgsl_pack.c)
#   api       the package's API under node --test (api.test.mjs)
#   demo      the demo page in headless Chromium (demo_test.mjs); the
#             screenshot is saved next to CUWASM as web-demo.png
# kernels and api need the compiler built to WebAssembly (web/dist), made
# here with emscripten when it is missing or older than the sources.
# Dawn finds no GPU in CI: it runs on SwiftShader (Chromium's Vulkan ICD).
# Usage: tests/web/run_web.sh CUWASM validate|kernels|packed|api|demo
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cuwasm=$(realpath "${1:?usage: run_web.sh CUWASM MODE}")
mode=${2:?usage: run_web.sh CUWASM MODE}

skip() { echo "SKIP: $*"; exit 77; }
command -v node >/dev/null || skip "node is not installed (apt-get install nodejs npm)"
[[ -d $root/web/node_modules/webgpu && -d $root/web/node_modules/naga-wasm ]] ||
  skip "npm modules missing: run 'npm ci' in web/"

icd=/usr/lib/chromium/vk_swiftshader_icd.json
[[ -z ${VK_ICD_FILENAMES:-} && -f $icd ]] && export VK_ICD_FILENAMES=$icd
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp}

# The WebAssembly compiler is stale when any compiler source is newer.
need_wasm() {
  local dist=$root/web/dist/cuwasm-compiler.cjs
  [[ ! -f $dist ]] && return 0
  [[ -n $(find "$root/src/base" "$root/src/front" "$root/src/kir" "$root/src/emit" \
          "$root/src/api" "$root/include" "$root/web/wasm" -newer "$dist" -type f | head -1) ]]
}
if [[ $mode != validate ]] && need_wasm; then
  command -v emcc >/dev/null || skip "emscripten is not installed and web/dist has no current build"
  bash "$root/web/wasm/build.sh" >/dev/null
fi

cd "$root"
case $mode in
  validate) exec node web/tools/validate.mjs "$cuwasm" tests/kernels/*.cu ;;
  kernels) exec node tests/web/run_kernels.mjs "$cuwasm" tests/kernels ;;
  packed) exec node tests/web/run_kernels.mjs "$cuwasm" tests/kernels --max-storage-buffers 1 ;;
  api)
    # an adapter is needed; say so instead of failing every test
    node -e "import('$root/web/src/gpu.js').then(g => g.getDevice()).then(() => process.exit(0), e => { console.log('SKIP: ' + e.message); process.exit(77); })" || exit $?
    exec node --test tests/web/api.test.mjs ;;
  demo) exec node tests/web/demo_test.mjs "$(dirname "$cuwasm")/web-demo.png" ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
