#!/usr/bin/env bash
# aot_cubins.sh CUWASM — `cuwasm cc`'s cubins ahead of time
# (tools/cuwasm/cc_aot.c), checked without a GPU through the NVRTC probe
# (CUWASM_NVRTC_CHECK prints "EMBEDDED sm_XX TU" when the executable
# carries the cubin the CUDA backend would compile for sm_XX):
#   -arch=sm_90                         → an sm_90 cubin, no sm_80 one
#   -gencode arch=compute_80,code=[sm_80,sm_90] (nvcc's list form) → both
#   -arch=sm_90 with CUWASM_CC_AOT=0, and no -arch at all → none
#   -c then a link: the object carries the cubin
#   an architecture NVRTC rejects (sm_20) → a warning naming it, and the
#   build still succeeds
#   -arch=all-major → cubins for sm_80 and sm_90, none for sm_86, PTX only
#   for the newest major architecture; -arch=all → a cubin for sm_86 too
#   --target web with -arch=sm_90 (where emscripten is installed) builds
#   and runs: web builds have no CUDA backend and take no cubins
# Skipped (77) without NVRTC.
set -u
cuwasm=$(cd "$(dirname "${1:?usage: aot_cubins.sh CUWASM}")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cat > k.cu <<'CU'
#include <cstdio>
template <typename T, int N> __global__ void scale(T *x) { x[threadIdx.x] *= N; }
__global__ void add_one(float *x) { x[threadIdx.x] += 1; }
int main() {
  float *d, h[32];
  cudaMalloc(&d, sizeof h);
  cudaMemset(d, 0, sizeof h);
  add_one<<<1, 32>>>(d);
  scale<float, 3><<<1, 32>>>(d);
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  printf("%g\n", h[7]);
  return h[7] == 3 ? 0 : 1;
}
CU
echo '__global__ void k(int *p) { *p = 1; }' > probe.cu
"$cuwasm" check --nvrtc probe.cu 2> /dev/null || { echo "SKIP: no NVRTC"; exit 77; }
fail=0
embedded() { # embedded EXE SM: the EMBEDDED lines the probe prints for sm_SM
  rm -f probe.txt
  CUWASM_NVRTC_CHECK=$PWD/probe.txt CUWASM_NVRTC_ARCH=sm_$2 CUWASM_BACKEND=cpu ./"$1" > out.txt 2>&1 ||
    { echo "FAIL: $1 did not run: $(cat out.txt)"; fail=1; }
  grep -c "^EMBEDDED sm_$2 " probe.txt
}
expect() { # expect WHAT WANT GOT
  if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1 (want $2, got $3)"; fail=1; fi
}
"$cuwasm" cc -arch=sm_90 k.cu -o a90 || exit 1
expect "-arch=sm_90: an sm_90 cubin" 1 "$(embedded a90 90)"
expect "-arch=sm_90: no sm_80 cubin" 0 "$(embedded a90 80)"
"$cuwasm" cc -gencode arch=compute_80,code=[sm_80,sm_90] k.cu -o both || exit 1
expect "code=[sm_80,sm_90]: sm_80" 1 "$(embedded both 80)"
expect "code=[sm_80,sm_90]: sm_90" 1 "$(embedded both 90)"
CUWASM_CC_AOT=0 "$cuwasm" cc -arch=sm_90 k.cu -o off || exit 1
expect "CUWASM_CC_AOT=0: none" 0 "$(embedded off 90)"
"$cuwasm" cc k.cu -o plain || exit 1
expect "no -arch: none" 0 "$(embedded plain 90)"
"$cuwasm" cc -c -arch=sm_90 k.cu -o k.o && "$cuwasm" cc k.o -o linked || exit 1
expect "-c, then linked: sm_90" 1 "$(embedded linked 90)"
ptx_count() { # ptx_count EXE SM: the EMBEDDED compute_ lines the probe prints for sm_SM
  rm -f probe.txt
  CUWASM_NVRTC_CHECK=$PWD/probe.txt CUWASM_NVRTC_ARCH=sm_$2 CUWASM_BACKEND=cpu ./"$1" > /dev/null 2>&1
  grep -c "^EMBEDDED compute_" probe.txt
}
"$cuwasm" cc -arch=all-major k.cu -o major || exit 1
expect "-arch=all-major: sm_80" 1 "$(embedded major 80)"
expect "-arch=all-major: sm_90" 1 "$(embedded major 90)"
expect "-arch=all-major: no sm_86" 0 "$(embedded major 86)"
expect "-arch=all-major: no PTX an sm_90 GPU runs (only the newest major's)" 0 "$(ptx_count major 90)"
"$cuwasm" cc -arch=all k.cu -o every || exit 1
expect "-arch=all: sm_86" 1 "$(embedded every 86)"
expect "-arch=all: sm_75" 1 "$(embedded every 75)"
"$cuwasm" cc -arch=sm_20 k.cu -o old 2> warn.txt
expect "sm_20: builds" 0 $?
expect "sm_20: warns" 1 "$(grep -c 'warning: no sm_20 cubin for k.cu' warn.txt)"
if command -v em++ > /dev/null && command -v node > /dev/null; then
  NODE_PATH=${NODE_PATH:-/usr/share/nodejs} "$cuwasm" cc --target web -arch=sm_90 k.cu -o k.mjs > web.txt 2>&1
  expect "--target web -arch=sm_90: builds" 0 $?
  node k.mjs > web_out.txt 2>&1
  expect "--target web -arch=sm_90: runs" "0 3" "$? $(cat web_out.txt)"
fi
exit $fail
