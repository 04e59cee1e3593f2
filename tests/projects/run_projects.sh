#!/usr/bin/env bash
# run_projects.sh BUILD_DIR — cuwasm as users' build systems see it:
# installs the build into a temporary prefix (`cmake --install`), then with
# the installed tool only (never the source tree, which is hidden by
# building from copies):
#   1. a Make project ($(NVCC) -c, a static library, -MD dependency files);
#   2. separate compilation by hand (-dc objects using each other's device
#      functions and variables, a static library, a missing definition);
#   3. a CMake project with the CUDA language, -DCMAKE_CUDA_COMPILER=
#      PREFIX/bin/cuwasm-nvcc, separable compilation and a static library;
#   4. a C program using cuwasm.h through pkg-config, and the same through
#      find_package(cuwasm);
#   5. the Debian package (`cpack -G DEB`): its control fields, and the
#      packaged tools, unpacked with `dpkg-deb -x` (no root needed, nothing
#      installed on the machine), running an example and building one with
#      cuwasm-nvcc.
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
# separate compilation (nvcc -dc): objects whose device code uses device
# functions and variables of the others, two of them in a static library
sc=$work/separate
mkdir -p "$sc"
cp -r "$here/../programs/separate_compilation" "$sc/src"
cp "$here/../programs/common.h" "$sc/common.h"
sc_build() {
  cd "$sc" || return 1
  for f in main device_fns tables; do "$prefix/bin/cuwasm-nvcc" -dc "src/$f.cu" -o "$f.o" || return 1; done
  ar rcs libsc.a device_fns.o tables.o && "$prefix/bin/cuwasm-nvcc" main.o -L. -lsc -o app
}
step "separate compilation: -dc objects, a static library, link" sc_build
step "separate compilation runs" "$sc/app"
sc_missing() { # main.o without tables.o: the link must fail and say which symbol
  cd "$sc" && ! "$prefix/bin/cuwasm-nvcc" main.o device_fns.o -o missing 2>err.txt &&
    grep -q "device function or variable 'offset_of' is used (extern __device__) but no file" err.txt
}
step "separate compilation: a missing device definition fails the link, named" sc_missing
sc_whole() { # the same sources without -rdc: nvcc's error, with file:line:col
  cd "$sc" && ! "$prefix/bin/cuwasm-nvcc" src/main.cu src/device_fns.cu src/tables.cu -o whole \
    2>err.txt && grep -q "main.cu:[0-9]*:[0-9]*: error: device function 'transform' is declared but not defined in this file.*-rdc=true" err.txt
}
step "separate compilation: without -rdc, a clear compile error" sc_whole
sc_barrier() { # a device function that synchronises the block, called from another file
  cd "$sc" || return 1
  printf '%s\n' '__device__ int block_sum(int *s, int v) {' '  s[threadIdx.x] = v;' \
    '  __syncthreads();' '  return s[0] + s[1];' '}' >sum.cu
  printf '%s\n' '#include <cstdio>' '__device__ int block_sum(int *s, int v);' \
    '__global__ void k(int *o) { __shared__ int s[32]; o[threadIdx.x] = block_sum(s, 1); }' \
    'int main() { int *o; cudaMalloc(&o, 128); k<<<1, 32>>>(o);' \
    '  return cudaDeviceSynchronize() == cudaSuccess && cudaGetLastError() == cudaSuccess ? 0 : 1; }' >k.cu
  "$prefix/bin/cuwasm-nvcc" -rdc=true k.cu sum.cu -o barrier || return 1
  ! CUWASM_BACKEND=cpu ./barrier 2>err.txt &&
    grep -q "device function 'block_sum(int32_t \*, int32_t)' (called from .*k.cu) synchronises the block" err.txt
}
step "separate compilation: a barrier in another file's function is refused, named" sc_barrier
mkdir -p "$work/cmake_project"
cp -r "$here/make_project" "$work/make_project_src"
sed -e "s|\.\./make_project|$work/make_project_src|g" -e "s|\.\./separate|$sc/src|g" \
  "$here/cmake_project/CMakeLists.txt" >"$work/cmake_project/CMakeLists.txt"
step "cmake project configures (CUDA language, toolchain file)" cmake -S "$work/cmake_project" \
  -B "$work/cmake_build" --toolchain "$prefix/share/cuwasm/cmake/cuwasm-cuda.cmake"
step "cmake project builds" cmake --build "$work/cmake_build"
step "cmake project runs" "$work/cmake_build/app"
step "cmake separable compilation (extern __device__ across files) runs" "$work/cmake_build/separate"
export PKG_CONFIG_PATH=$(dirname "$(find "$prefix" -name cuwasm.pc | head -1)")
step "pkg-config C program builds" sh -c "cc -o '$work/capi' '$here/capi/saxpy_capi.c' \
  \$(pkg-config --cflags --libs cuwasm) -Wl,-rpath,\$(pkg-config --variable=libdir cuwasm)"
CUWASM_INCLUDE_DIR=$prefix/share/cuwasm/include/cuda step "pkg-config C program runs" "$work/capi"
step "find_package(cuwasm) C project" sh -c "cmake -S '$here/capi' -B '$work/capi_build' \
  -DCMAKE_PREFIX_PATH='$prefix' && cmake --build '$work/capi_build'"
CUWASM_INCLUDE_DIR=$prefix/share/cuwasm/include/cuda step "find_package(cuwasm) program runs" \
  "$work/capi_build/saxpy_capi"
if command -v cpack >/dev/null && command -v dpkg-deb >/dev/null; then
  step "cpack -G DEB" sh -c "cd '$build' && cpack -G DEB -B '$work/deb'"
  deb=$(find "$work/deb" -maxdepth 1 -name '*.deb' | head -1)
  step "package control: name, dependencies" sh -c "dpkg-deb -f '$deb' Package | grep -qx cuwasm &&
    dpkg-deb -f '$deb' Depends | grep -q 'g++'"
  step "package unpacks" dpkg-deb -x "$deb" "$work/debroot"
  step "packaged cuwasm runs an example" "$work/debroot/usr/bin/cuwasm" run "$here/../../examples/saxpy.cu"
  step "packaged cuwasm-nvcc builds a program" "$work/debroot/usr/bin/cuwasm-nvcc" -O2 \
    "$here/../../examples/matmul.cu" -o "$work/matmul"
  step "the program runs" "$work/matmul"
else
  echo "skip Debian package: cpack or dpkg-deb not installed"
fi
exit $fail
