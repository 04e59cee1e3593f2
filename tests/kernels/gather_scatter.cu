// gather_scatter.cu: exercises indirect memory access: gather through an index
// array, scatter with atomicAdd for duplicate indices, a permutation by a
// multiplicative hash, 8-bit and 16-bit element types, and int64 indices.
// launch: gather --grid 4 --block 256 f32[1024]=iota i32[1024]=rand:401 f32[1024]=zeros i32:1024
// launch: scatterAdd --grid 4 --block 256 f32[1024]=fill:1 i32[1024]=rand:402 f32[64]=zeros i32:1024 i32:64
// launch: permute --grid 4 --block 256 i16[1024]=iota i16[1024]=zeros i32:1024
// launch: gatherBytes --grid 1 --block 256 u8[256]=iota i64[256]=rand:403 u8[256]=zeros i32:256
#include <cuda_runtime.h>
#include <cstdint>

__global__ void gather(const float* src, const int* idx, float* dst, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) dst[i] = src[(idx[i] & 0x7fffffff) % n];
}

__global__ void scatterAdd(const float* src, const int* idx, float* dst, int n, int m)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) atomicAdd(&dst[(unsigned int)idx[i] % m], src[i]);
}

// n must be a power of two; 2654435761 is odd, so i -> i*k mod n is a bijection.
__global__ void permute(const int16_t* in, int16_t* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        unsigned int j = (unsigned int)i * 2654435761u & (unsigned int)(n - 1);
        out[j] = in[i];
    }
}

__global__ void gatherBytes(const uint8_t* src, const int64_t* idx, uint8_t* dst, int n)
{
    int i = threadIdx.x;
    if (i < n) {
        int64_t k = idx[i] % n;
        if (k < 0) k += n;
        dst[i] = src[k];
    }
}
