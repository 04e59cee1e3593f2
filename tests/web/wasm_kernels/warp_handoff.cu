// warp_handoff.cu: warp-synchronous hand-offs without __syncwarp (the
// threads of a warp write a buffer, then one lane reads all of it), which
// GPUs run because the warp reconverges first; the fission pass makes that
// reconvergence a warp barrier (src/kir/passes/converge.c), as the CPU
// backend does.  Compared with the CPU backend by ctest wasm_kernels.
// launch: handoffGlobal --grid 2 --block 32 i32[64]=rand:3 i32[64]=zeros i32[2]=zeros i32:32
// launch: handoffGlobal --grid 3 --block 32 i32[60]=iota i32[60]=zeros i32[3]=zeros i32:20
// launch: handoffShared --grid 2 --block 64 i32[128]=rand:4 i32[4]=zeros
#include <cuda_runtime.h>

// each lane of the block transforms a strided part of src into dst
__device__ void transform(const int* src, int n, int* dst)
{
    for (int i = threadIdx.x; i < n; i += blockDim.x) dst[i] = src[i] * 3 + 1;
}

// the hand-off through global memory written by a device function
__global__ void handoffGlobal(const int* in, int* buf, int* sum, int n)
{
    int* mine = buf + blockIdx.x * n;
    transform(in + blockIdx.x * n, n, mine);
    if (threadIdx.x == 0) {
        int s = 0;
        for (int i = 0; i < n; i++) s = s * 31 + mine[i];
        sum[blockIdx.x] = s;
    }
}

// the hand-off through __shared__ memory written through a pointer local:
// lane 0 of each warp reads its warp's 32 words
__global__ void handoffShared(const int* in, int* out)
{
    __shared__ int words[64];
    int* w = words;
    w[threadIdx.x] = in[blockIdx.x * blockDim.x + threadIdx.x] * 5;
    if (threadIdx.x % 32 == 0) {
        int s = 0;
        for (int i = 0; i < 32; i++) s ^= words[threadIdx.x + i] << (i % 7);
        out[blockIdx.x * 2 + threadIdx.x / 32] = s;
    }
}
