// uniform_loop_exit.cu: a block-level loop (uniform, with barriers; see
// src/kir/passes/blocklevel.c) that only ends because every thread of the
// block returns from inside it.  Barrier fission stops such a loop once no
// thread is left, as exited GPU threads end the block; without that stop
// the WebAssembly target ran it forever.  Compared with the CPU backend by
// ctest wasm_kernels.
// launch: uniformLoopExit --grid 2 --block 64 i32[128]=zeros i32:3
// launch: uniformLoopExit --grid 3 --block 32,2 i32[192]=iota i32:1
#include <cuda_runtime.h>

__global__ void uniformLoopExit(int *out, int rounds)
{
    __shared__ int s[64];
    int t = threadIdx.y * blockDim.x + threadIdx.x;
    for (int r = 0;; r++) {
        if (r >= rounds) return;
        s[t] = r + t;
        __syncthreads();
        out[blockIdx.x * 64 + t] += s[(t + 1) % 64];
        __syncthreads();
    }
}
