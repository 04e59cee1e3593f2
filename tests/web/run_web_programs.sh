#!/usr/bin/env bash
# run_web_programs.sh — whole CUDA programs built with `cuwasm cc --target
# web`, each mode skipped (exit 77, with the reason) when what it needs is
# missing (emscripten, node, c++filt; playwright-core and Chromium for page):
#   programs  every program of tests/programs, except those
#             tests/programs/web_excluded.txt lists with the reason, built
#             for the web and run in Node on the WebAssembly device
#             (tests/programs/run_programs.sh --target web); then
#             device_printf's stdout lines and exit status against the
#             native build's (sorted: no order between blocks); and
#             that separate_compilation (-rdc=true across files) fails
#             to build, naming a function another file defines; and
#             that host_threads, whose std::thread a web build cannot
#             start, ends at once with exit 1 and a message naming
#             pthread_create (src/compat/web/web_threads.c) instead of
#             waiting forever for a thread that never runs
#   webgpu    the same programs on WebGPU (CUWASM_BACKEND=webgpu: npm's
#             webgpu, Dawn, on SwiftShader's Vulkan), kernels the WGSL
#             target refuses on the WebAssembly device; then that
#             vector_add's launch ran on the GPU and that complex_numbers
#             ran one kernel on each device (CUWASM_VERBOSE's count)
#             and that a launch of many blocks runs on CUWASM_THREADS
#             threads (CUWASM_VERBOSE's count), and on one with 1
#   page      one program built as a page (-o X.html) in headless Chromium:
#             its stdout on the page, its exit status (program_page_test.mjs);
#             on WebGPU; and built with --web-threads on, served
#             cross-origin isolated, its launch on 2 threads
# Usage: tests/web/run_web_programs.sh CUWASM programs|page
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cuwasm=$(realpath "${1:?usage: run_web_programs.sh CUWASM MODE}")
mode=${2:?usage: run_web_programs.sh CUWASM MODE}

skip() { echo "SKIP: $*"; exit 77; }
command -v node >/dev/null || skip "node is not installed (apt-get install nodejs)"
command -v emcc >/dev/null && command -v em++ >/dev/null && command -v emnm >/dev/null ||
  skip "emscripten is not installed (apt-get install emscripten)"
command -v c++filt >/dev/null || skip "c++filt is not installed (binutils)"
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}

if [ "$mode" = webgpu ]; then
  [ -d "$root/web/node_modules/webgpu" ] || skip "npm's webgpu missing: run 'npm ci' in web/"
  icd=/usr/lib/chromium/vk_swiftshader_icd.json
  [[ -n ${VK_ICD_FILENAMES:-} || ! -f $icd ]] || export VK_ICD_FILENAMES=$icd
  export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp}
  export NODE_PATH=$root/web/node_modules:$NODE_PATH
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
case $mode in
  programs)
    CUWASM_BACKEND=wasm bash "$root/tests/programs/run_programs.sh" "$cuwasm" --target web
    # what the native build prints, the web build prints
    src=$root/tests/programs/device_printf.cu
    native=0 web=0
    CUWASM_QUIET=1 "$cuwasm" run "$src" > "$tmp/native.out" || native=$?
    "$cuwasm" cc "$src" --target web -o "$tmp/device_printf.mjs"
    CUWASM_BACKEND=wasm node "$tmp/device_printf.mjs" > "$tmp/web.out" || web=$?
    # the same lines; their order only within a block (CUDA orders no
    # printf between blocks, and the CPU backend runs blocks in parallel)
    sort "$tmp/native.out" > "$tmp/native.sorted"
    sort "$tmp/web.out" > "$tmp/web.sorted"
    if ! cmp -s "$tmp/native.sorted" "$tmp/web.sorted" || [ $native != $web ]; then
      echo "FAIL device_printf: the web build's output (exit $web) differs from the native build's (exit $native):"
      diff "$tmp/native.sorted" "$tmp/web.sorted" | head -20
      exit 1
    fi
    echo "ok   device_printf prints the lines the native build prints ($(wc -l < "$tmp/web.out") lines)"
    # texture and surface objects sample on the WebAssembly device (the
    # program skips, and passes, where a backend has none: here it must not)
    "$cuwasm" cc "$root/tests/programs/texture_objects.cu" --target web -o "$tmp/texture_objects.mjs"
    CUWASM_BACKEND=wasm node "$tmp/texture_objects.mjs" > "$tmp/tex.out" 2>&1 || true
    if grep -q skipped "$tmp/tex.out" || ! grep -q 'texture_objects: PASSED' "$tmp/tex.out"; then
      echo "FAIL texture_objects: texture objects must run on the WebAssembly device:"
      head -5 "$tmp/tex.out"
      exit 1
    fi
    echo "ok   texture_objects samples textures and surfaces on the WebAssembly device"
    # threads: a launch of many blocks runs on the device's workers
    # (CUWASM_VERBOSE counts it), with the count CUWASM_THREADS gives;
    # on one thread it runs here; a count that is not one is refused
    "$cuwasm" cc "$root/tests/programs/vector_add.cu" --target web -o "$tmp/vector_add.mjs"
    for n in 3 1; do
      out=$(CUWASM_BACKEND=wasm CUWASM_THREADS=$n CUWASM_VERBOSE=1 node "$tmp/vector_add.mjs" 50000 2>&1)
      want="cuwasm: 1 launches on the WebAssembly device, $((n > 1 ? 1 : 0)) of them on $n threads"
      if ! grep -qx 'vector_add: PASSED' <<< "$out" || ! grep -qxF "$want" <<< "$out"; then
        echo "FAIL vector_add on $n threads: expected PASSED and '$want', got:"
        echo "$out" | head -5
        exit 1
      fi
      echo "ok   vector_add on $n threads: $want"
    done
    bad=0
    CUWASM_BACKEND=wasm CUWASM_THREADS=0 node "$tmp/vector_add.mjs" > /dev/null 2> "$tmp/bad.err" || bad=$?
    if [ $bad != 1 ] || ! grep -q 'CUWASM_THREADS must be' "$tmp/bad.err"; then
      echo "FAIL CUWASM_THREADS=0: expected exit 1 and a message, got exit $bad"
      exit 1
    fi
    echo "ok   CUWASM_THREADS=0 is refused: $(head -c 70 "$tmp/bad.err")…"
    # -rdc=true across files: refused at build time, naming what another file defines
    sep=0
    (cd "$root/tests/programs/separate_compilation" &&
     "$cuwasm" cc main.cu device_fns.cu tables.cu -rdc=true --target web -o "$tmp/sep.mjs") > /dev/null 2> "$tmp/sep.err" || sep=$?
    if [ $sep = 0 ] || ! grep -q "main.cu:12:31: error: device function 'transform' is not defined in this file, and --target web does not link" "$tmp/sep.err"; then
      echo "FAIL separate_compilation: expected a build error naming transform at main.cu:12:31, got exit $sep:"
      head -5 "$tmp/sep.err"
      exit 1
    fi
    echo "ok   separate_compilation is refused: $(head -c 90 "$tmp/sep.err")…"
    # a host thread: a clear end, not a hang
    "$cuwasm" cc "$root/tests/programs/host_threads.cu" --target web -o "$tmp/host_threads.mjs"
    threads=0
    CUWASM_BACKEND=wasm timeout 60 node "$tmp/host_threads.mjs" > /dev/null 2> "$tmp/threads.err" || threads=$?
    if [ $threads != 1 ] || ! grep -q 'cuwasm: pthread_create: this program starts a host thread' "$tmp/threads.err"; then
      echo "FAIL host_threads: expected exit 1 and a message about pthread_create, got exit $threads:"
      head -5 "$tmp/threads.err"
      exit 1
    fi
    echo "ok   host_threads: a web build that starts a host thread ends with: $(head -c 60 "$tmp/threads.err")…" ;;
  page)
    "$cuwasm" cc "$root/tests/programs/vector_add.cu" --target web -o "$tmp/vector_add.html"
    node "$here/program_page_test.mjs" "$tmp/vector_add.html" 50000 "vector_add: PASSED"
    node "$here/program_page_test.mjs" "$tmp/vector_add.html" 50000 "vector_add: PASSED" webgpu
    # threads in a page: cross-origin isolated, the blocks on 2 workers
    "$cuwasm" cc "$root/tests/programs/vector_add.cu" --target web --web-threads on -o "$tmp/vector_add_threads.html"
    node "$here/program_page_test.mjs" "$tmp/vector_add_threads.html" 50000 "vector_add: PASSED" threads ;;
  webgpu)
    CUWASM_BACKEND=webgpu bash "$root/tests/programs/run_programs.sh" "$cuwasm" --target web
    # where the kernels ran: "cuwasm: G launches on WebGPU, W on the WebAssembly device; ..."
    launches() { # launches PROGRAM G W: its launch counts on WebGPU
      local out
      out=$(CUWASM_QUIET=1 CUWASM_BACKEND=webgpu CUWASM_VERBOSE=1 "$cuwasm" run --target web \
            "$root/tests/programs/$1.cu" 2>&1 >/dev/null | grep '^cuwasm: .* launches on WebGPU')
      if ! [[ $out =~ ^cuwasm:\ $2\ launches\ on\ WebGPU,\ $3\ on ]]; then
        echo "FAIL $1: expected $2 launches on WebGPU and $3 on the WebAssembly device, got: ${out:-nothing}"
        exit 1
      fi
      echo "ok   $1: $2 launches on WebGPU, $3 on the WebAssembly device"
    }
    launches vector_add 1 0
    launches complex_numbers 1 1 ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
