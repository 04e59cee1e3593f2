// simd_lane_atomics.cu: integer atomics on __shared__ arrays whose result
// is unused, in SIMD128 thread loops (src/emit/wasm_simd.c): each lane's
// element updated in turn, lanes that left a grid-stride loop skipped;
// bytes and 16-bit values loaded four at a time and widened (signed and
// unsigned).  Compared with the CPU backend by ctest wasm_kernels and
// wasm_workers.
// launch: byteHistogram --grid 3 --block 64 u8[1001]=rand:31 u32[256]=zeros i32:1001
// launch: byteHistogram --grid 1 --block 8 u8[13]=rand:32 u32[256]=zeros i32:13
// launch: signedBins --grid 2 --block 32 i8[300]=rand:33 u16[300]=rand:34 i32[64]=zeros i32:300
#include <cuda_runtime.h>

__global__ void byteHistogram(const unsigned char* data, unsigned int* hist, int n)
{
    __shared__ unsigned int local[256];
    for (int b = threadIdx.x; b < 256; b += blockDim.x) local[b] = 0;
    __syncthreads();
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
        atomicAdd(&local[data[i]], 1u);
    __syncthreads();
    for (int b = threadIdx.x; b < 256; b += blockDim.x) atomicAdd(&hist[b], local[b]);
}

// signed bytes as bins, 16-bit values as operands: add and sub on one
// array (they commute), xor on another.  Mixing non-commuting atomics on
// one array keeps the loop scalar (its result depends on the order, which
// CUDA leaves open, so no launch line compares one)
__global__ void signedBins(const signed char* keys, const unsigned short* vals, int* out, int n)
{
    __shared__ int acc[32], bits[32];
    if (threadIdx.x < 32) acc[threadIdx.x] = bits[threadIdx.x] = 0;
    __syncthreads();
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
        int k = (keys[i] + 128) & 31;
        atomicAdd(&acc[k], (int)vals[i]);
        atomicSub(&acc[(k + 1) & 31], keys[i]);
        atomicXor(&bits[31 - k], (int)vals[i] << 3);
    }
    __syncthreads();
    if (threadIdx.x < 32) out[blockIdx.x * 32 + threadIdx.x] = acc[threadIdx.x] ^ bits[threadIdx.x];
}
