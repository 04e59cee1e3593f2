// simd_touch_ahead.cu: the loads that src/emit/wasm_simd.c adds to the
// turns of an interchanged grid-stride loop without carried values
// (ix_touch: a byte of each stream `data[i]` some iterations ahead,
// WebAssembly's stand-in for a prefetch).  Their addresses may lie
// anywhere: past the stream's end, or, with a large step, past the
// memory's end, where the touch must read byte 0 rather than trap
// (byteCount).  With carried values (farStreams: a sum, two streams, a
// cast index) nothing is touched, but a step near 2^31 makes the passes'
// iteration starts wrap in 32 bits: the bound test must not take them for
// iterations in the loop.  Compared with the CPU backend by ctest
// wasm_kernels and wasm_workers.
// launch: farStreams --grid 2 --block 64 f32[128]=rand:41 u8[128]=rand:42 f32[128]=zeros i32:128 i32:100000000
// launch: farStreams --grid 2 --block 64 f32[1000]=rand:43 u8[1000]=rand:44 f32[128]=zeros i32:1000 i32:128
// launch: farStreams --grid 1 --block 32 f32[100]=rand:45 u8[100]=rand:46 f32[32]=zeros i32:100 i32:2000000000
// launch: byteCount --grid 2 --block 32 u8[64]=rand:47 u32[256]=zeros i32:64 i32:150000000
// launch: byteCount --grid 3 --block 64 u8[3001]=rand:48 u32[256]=zeros i32:3001 i32:192
// launch: byteCount --grid 1 --block 32 u8[100]=rand:49 u32[256]=zeros i32:100 i32:2000000000
#include <cuda_runtime.h>

// two streams and a sum carried across the passes
__global__ void farStreams(const float* in, const unsigned char* bytes, float* out, int n, int step)
{
    float s = 0.0f;
    int c = 0;
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += step) {
        s += in[i];
        c += bytes[(unsigned)i];
    }
    out[blockIdx.x * blockDim.x + threadIdx.x] = s + (float)c;
}

// nothing carried: one iteration per pass, a byte stream, shared atomics
__global__ void byteCount(const unsigned char* data, unsigned int* hist, int n, int step)
{
    __shared__ unsigned int local[256];
    for (int b = threadIdx.x; b < 256; b += blockDim.x) local[b] = 0;
    __syncthreads();
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += step)
        atomicAdd(&local[data[i]], 1u);
    __syncthreads();
    for (int b = threadIdx.x; b < 256; b += blockDim.x) atomicAdd(&hist[b], local[b]);
}
