#!/usr/bin/env bash
# build.sh — builds the cuwasm compiler (front end, KIR, WGSL emitter) to
# WebAssembly with emscripten: web/dist/cuwasm-compiler.cjs, one file with
# the wasm inside, loadable in Node (require) and in browsers (the package
# evaluates it, see web/src/compiler.js).  The CUDA headers of include/cuda
# are embedded at /cuda.  Usage: bash web/wasm/build.sh [OUT_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$root/web/dist}
mkdir -p "$out"
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}   # Debian's emscripten needs it
srcs=("$root"/src/base/*.c "$root"/src/front/*.c "$root"/src/kir/*.c "$root"/src/kir/passes/*.c "$root"/src/emit/*.c
      "$root"/src/api/compile.c "$here/compiler.c")
emcc -O2 -std=c11 -D_GNU_SOURCE -I"$root/include" -I"$root/src" \
  -DCUWASM_SOURCE_DIR='"/"' -DCUWASM_VERSION='"0.1.0"' \
  "${srcs[@]}" -o "$out/cuwasm-compiler.cjs" \
  -sMODULARIZE=1 -sEXPORT_NAME=createCuwasmCompiler -sSINGLE_FILE=1 \
  -sWASM_ASYNC_COMPILATION=0 -sNODEJS_CATCH_EXIT=0 -sNODEJS_CATCH_REJECTION=0 -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=web,node \
  -sEXPORTED_FUNCTIONS=_cw_wasm_compile,_cw_wasm_compile_module,_cw_wasm_free,_malloc,_free \
  -sEXPORTED_RUNTIME_METHODS=FS,ccall,UTF8ToString,stringToUTF8,lengthBytesUTF8,ENV \
  --embed-file "$root/include/cuda@/cuda"
echo "built $out/cuwasm-compiler.cjs"
