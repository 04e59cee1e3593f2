#!/usr/bin/env bash
# run_projects.sh BUILD_DIR — cuwasm as users' build systems see it:
# installs the build into a temporary prefix (`cmake --install`), then with
# the installed tool only (never the source tree, which is hidden by
# building from copies):
#   1. a Make project ($(NVCC) -c, a static library, -MD dependency files);
#   2. a CMake project with the CUDA language, -DCMAKE_CUDA_COMPILER=
#      PREFIX/bin/cuwasm-nvcc, separable compilation and a static library;
#   3. a C program using cuwasm.h through pkg-config, and the same through
#      find_package(cuwasm).
# Each program checks its own results.  Exits 77 (skip) without make or
# pkg-config, non-zero on any failure.
set -u
build=$(cd "${1:?usage: run_projects.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
for tool in make pkg-config cmake; do
  command -v $tool >/dev/null || { echo "SKIP: $tool not installed"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
fail=0
step() { # step NAME CMD...
  local name=$1; shift
  if "$@" >"$work/log" 2>&1; then echo "ok   $name"; else
    echo "FAIL $name"; tail -20 "$work/log" | sed 's/^/     /'; fail=1; fi
}
step "install into a temporary prefix" cmake --install "$build" --prefix "$prefix"
[ $fail -eq 0 ] && [ -x "$prefix/bin/cuwasm-nvcc" ] || { echo "FAIL no usable install"; exit 1; }
# the installed tool must not depend on the source tree: point it nowhere else
export CUWASM_INCLUDE_DIR= CUWASM_LIB_DIR=
cp -r "$here/make_project" "$work/make_project"
step "make project (NVCC=cuwasm-nvcc)" make -C "$work/make_project" NVCC="$prefix/bin/cuwasm-nvcc"
step "make project runs" "$work/make_project/app"
grep -q "ops.h" "$work/make_project/main.d" 2>/dev/null || { echo "FAIL -MD wrote no dependencies"; fail=1; }
mkdir -p "$work/cmake_project"
cp -r "$here/make_project" "$work/make_project_src"
sed "s|\.\./make_project|$work/make_project_src|" "$here/cmake_project/CMakeLists.txt" \
  >"$work/cmake_project/CMakeLists.txt"
step "cmake project configures (CUDA language, toolchain file)" cmake -S "$work/cmake_project" \
  -B "$work/cmake_build" --toolchain "$prefix/share/cuwasm/cmake/cuwasm-cuda.cmake"
step "cmake project builds" cmake --build "$work/cmake_build"
step "cmake project runs" "$work/cmake_build/app"
export PKG_CONFIG_PATH=$(dirname "$(find "$prefix" -name cuwasm.pc | head -1)")
step "pkg-config C program builds" sh -c "cc -o '$work/capi' '$here/capi/saxpy_capi.c' \
  \$(pkg-config --cflags --libs cuwasm) -Wl,-rpath,\$(pkg-config --variable=libdir cuwasm)"
CUWASM_INCLUDE_DIR=$prefix/share/cuwasm/include/cuda step "pkg-config C program runs" "$work/capi"
step "find_package(cuwasm) C project" sh -c "cmake -S '$here/capi' -B '$work/capi_build' \
  -DCMAKE_PREFIX_PATH='$prefix' && cmake --build '$work/capi_build'"
CUWASM_INCLUDE_DIR=$prefix/share/cuwasm/include/cuda step "find_package(cuwasm) program runs" \
  "$work/capi_build/saxpy_capi"
exit $fail
