#!/usr/bin/env bash
# aot_images.sh CUWASM FAKE_DRIVER_DIR — which image of the executable the
# CUDA backend hands the driver (src/rt/cuda/cuda.c), checked against the
# fake libcuda.so.1 (tests/fake_driver: an H200-like device, compute
# capability 9.0), whose FAKE_CUDA_LOG names each image it is given
# (cubin, "ptx 80" for PTX of .target sm_80, the linker's output) and
# whose FAKE_CUDA_REFUSE refuses some, as an older driver would:
#   (a) -arch=sm_90                  → the embedded cubin, no NVRTC compile
#   (b) -arch=sm_80                  → no sm_90 cubin: the compute_80 PTX;
#       PTX for 7.5, 8.0 and 10.0    → the newest the GPU runs, 8.0;
#       an sm_80 cubin on 8.6 (FAKE_CUDA_CC=86) → that cubin, as CUDA runs
#       cubins on GPUs of the same major version; not on 9.0
#   (c) sm_90 cubin refused          → the embedded PTX
#   (d) cubin and PTX refused        → NVRTC compiles; its cubin is taken
#   (e) code=sm_80 (SASS only)       → NVRTC compiles
#   (f) every image refused          → the load fails, naming the refusal
#   (g) -rdc=true -arch=sm_80        → the PTX goes to the linker as PTX;
#       refused there → NVRTC's cubin
#   (h) what cc embeds, by nvcc's rules, through the NVRTC probe
#       (CUWASM_NVRTC_CHECK's "EMBEDDED sm_XX" / "EMBEDDED compute_XX"):
#       -arch=compute_80 → PTX only; -arch=sm_80 -code=sm_80 → no PTX;
#       -gencode arch=compute_80,code=[sm_80,compute_80] → both
# NVRTC compiles are counted by CUWASM_PROFILE ("compile (cache miss)").
# Skipped (77) without NVRTC.
set -u
cuwasm=$(cd "$(dirname "${1:?usage: aot_images.sh CUWASM FAKE_DRIVER_DIR}")" && pwd)/$(basename "$1")
fake=$(cd "${2:?usage: aot_images.sh CUWASM FAKE_DRIVER_DIR}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cat > k.cu <<'CU'
#include <cstdio>
template <typename T, int N> __global__ void scale(T *x) { x[threadIdx.x] *= N; }
__global__ void add_one(float *x) { x[threadIdx.x] += 1; }
int main() { // the fake driver runs no kernel: only whether they launch counts
  float *d;
  cudaMalloc(&d, 32 * sizeof(float));
  add_one<<<1, 32>>>(d);
  scale<float, 3><<<1, 32>>>(d);
  cudaError_t e = cudaGetLastError();
  if (e == cudaSuccess) e = cudaDeviceSynchronize();
  printf("%s\n", cudaGetErrorString(e));
  return e != cudaSuccess;
}
CU
echo '__global__ void k(int *p) { *p = 1; }' > probe.cu
"$cuwasm" check --nvrtc probe.cu 2> /dev/null || { echo "SKIP: no NVRTC"; exit 77; }
fail=0
expect() { # expect WHAT WANT GOT
  if [ "$2" = "$3" ]; then echo "ok   $1"; else printf 'FAIL %s\n  want: %s\n  got:  %s\n' "$1" "$2" "$3"; fail=1; fi
}
build() { # build OUT FLAGS...: cuwasm cc FLAGS k.cu -o OUT
  local out=$1
  shift
  "$cuwasm" cc "$@" k.cu -o "$out" || { echo "FAIL: cuwasm cc $* did not build"; exit 1; }
}
# on EXE [VAR=VALUE...]: runs EXE on the fake GPU; prints the driver's log
# lines (joined by "; "), then the exit status and the NVRTC compiles
on() {
  local exe=$1
  shift
  rm -f log.txt
  env "$@" FAKE_CUDA_LOG="$PWD/log.txt" CUWASM_BACKEND=cuda CUWASM_PROFILE=1 CUWASM_VERBOSE=1 \
    CUWASM_NO_CACHE=1 XDG_CACHE_HOME="$PWD/cache" LD_LIBRARY_PATH="$fake" ./"$exe" > out.txt 2> err.txt
  local rc=$?
  local compiles
  compiles=$(awk '/compile \(cache miss\)/ {print $(NF-1)}' err.txt)
  echo "$(paste -sd ';' log.txt | sed 's/;/; /g') | rc=$rc compiles=${compiles:-0}"
}
build a90 -arch=sm_90
build a80 -arch=sm_80
build s80 -gencode arch=compute_80,code=sm_80
expect "(a) sm_90 on 9.0: the cubin" "cuModuleLoadData cubin taken | rc=0 compiles=0" "$(on a90)"
expect "(b) sm_80 on 9.0: the compute_80 PTX" "cuModuleLoadData ptx 80 taken | rc=0 compiles=0" "$(on a80)"
build p3 -gencode arch=compute_75,code=compute_75 -gencode arch=compute_100,code=compute_100 \
  -gencode arch=compute_80,code=compute_80
expect "(b) PTX for 7.5, 8.0, 10.0 on 9.0: the newest it runs, 8.0" \
  "cuModuleLoadData ptx 80 taken | rc=0 compiles=0" "$(on p3)"
build a86 -gencode arch=compute_80,code=sm_80 -gencode arch=compute_86,code=sm_86
expect "(b) sm_80 on 8.6: the sm_80 cubin (same major version)" \
  "cuModuleLoadData cubin taken | rc=0 compiles=0" "$(on s80 FAKE_CUDA_CC=86)"
expect "(b) sm_80 on 8.0: the cubin" "cuModuleLoadData cubin taken | rc=0 compiles=0" "$(on s80 FAKE_CUDA_CC=80)"
expect "(b) sm_80 and sm_86 on 8.9: a cubin" "cuModuleLoadData cubin taken | rc=0 compiles=0" "$(on a86 FAKE_CUDA_CC=89)"
expect "(b) sm_80 on 9.0 (another major version): no cubin, NVRTC" \
  "cuModuleLoadData cubin taken | rc=0 compiles=1" "$(on s80)"
build b86 -arch=sm_86
expect "(b) -arch=sm_86 (cubin and PTX) on 8.0: nothing it runs, NVRTC" \
  "cuModuleLoadData cubin taken | rc=0 compiles=1" "$(on b86 FAKE_CUDA_CC=80)"
expect "(c) cubin refused: the PTX" \
  "cuModuleLoadData cubin refused; cuModuleLoadData ptx 90 taken | rc=0 compiles=0" \
  "$(on a90 FAKE_CUDA_REFUSE=cubin)"
expect "(c) CUWASM_VERBOSE names the refused cubin" 1 \
  "$(grep -c "refused the executable's sm_90 cubin (CUDA_ERROR_NO_BINARY_FOR_GPU" err.txt)"
expect "(d) cubin and PTX refused: NVRTC" \
  "cuModuleLoadData cubin refused; cuModuleLoadData ptx 90 refused; cuModuleLoadData cubin taken | rc=0 compiles=1" \
  "$(on a90 FAKE_CUDA_REFUSE=cubin,ptx)"
expect "(d) CUWASM_VERBOSE names the refused PTX" 1 \
  "$(grep -c "refused the executable's compute_90 PTX (CUDA_ERROR_UNSUPPORTED_PTX_VERSION" err.txt)"
expect "(e) code=sm_80 on 9.0: NVRTC" "cuModuleLoadData cubin taken | rc=0 compiles=1" "$(on s80)"
expect "(f) everything refused: fails" \
  "cuModuleLoadData cubin refused; cuModuleLoadData ptx 90 refused; cuModuleLoadData cubin refused | rc=1 compiles=1" \
  "$(on a90 FAKE_CUDA_REFUSE=all)"
expect "(f) the failure says why" 1 "$(grep -c 'CUDA_ERROR_NO_BINARY_FOR_GPU' out.txt err.txt | awk -F: '{s += $2} END {print (s > 0)}')"
expect "without CUWASM_VERBOSE: quiet" 0 \
  "$(env FAKE_CUDA_REFUSE=cubin CUWASM_BACKEND=cuda LD_LIBRARY_PATH="$fake" ./a90 2>&1 >/dev/null | grep -c refused)"
build r80 -rdc=true -arch=sm_80
expect "(g) -rdc: PTX to the linker as PTX" \
  "cuLinkAddData type=1 ptx 80 taken; cuModuleLoadData linked taken | rc=0 compiles=0" "$(on r80)"
expect "(g) -rdc: PTX refused by the linker: NVRTC" \
  "cuLinkAddData type=1 ptx 80 refused; cuLinkAddData type=0 cubin taken; cuModuleLoadData linked taken | rc=0 compiles=1" \
  "$(on r80 FAKE_CUDA_REFUSE=ptx)"
# (h) the NVRTC probe on the CPU backend: the EMBEDDED lines for an sm_90 GPU
embedded() {
  rm -f probe.txt
  CUWASM_NVRTC_CHECK=$PWD/probe.txt CUWASM_NVRTC_ARCH=sm_90 CUWASM_BACKEND=cpu ./"$1" > /dev/null 2>&1
  grep '^EMBEDDED' probe.txt | awk '{print $2}' | sort -u | paste -sd ' '
}
build c80 -arch=compute_80
build n80 -arch=sm_80 -code=sm_80
build b80 -gencode 'arch=compute_80,code=[sm_80,compute_80]'
expect "(h) -arch=sm_90: cubin and PTX" "compute_90 sm_90" "$(embedded a90)"
expect "(h) -arch=sm_80: PTX for 9.0" "compute_80" "$(embedded a80)"
expect "(h) -arch=compute_80: PTX only" "compute_80" "$(embedded c80)"
expect "(h) -arch=sm_80 -code=sm_80: no PTX" "" "$(embedded n80)"
expect "(h) code=sm_80: no PTX" "" "$(embedded s80)"
expect "(h) code=[sm_80,compute_80]: PTX" "compute_80" "$(embedded b80)"
exit $fail
