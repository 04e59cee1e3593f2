// warp_scan.cu: exercises inclusive and exclusive scans built from
// __shfl_up_sync inside a warp, combined across warps through shared memory
// into a block scan, plus a segmented scan using head flags.
// launch: blockInclusiveScan --grid 4 --block 256 i32[1024]=fill:1 i32[1024]=zeros i32[4]=zeros
// launch: blockExclusiveScanF --grid 2 --block 128 f32[256]=iota f32[256]=zeros
// launch: segmentedWarpScan --grid 1 --block 64 i32[64]=fill:2 u8[64]=rand:341 i32[64]=zeros
#include <cuda_runtime.h>

__device__ int warpInclusive(int v)
{
    int lane = threadIdx.x & 31;
#pragma unroll
    for (int d = 1; d < 32; d <<= 1) {
        int t = __shfl_up_sync(0xffffffffu, v, d);
        if (lane >= d) v += t;
    }
    return v;
}

__global__ void blockInclusiveScan(const int* in, int* out, int* blockTotals)
{
    __shared__ int warpTotals[32];
    int g = blockIdx.x * blockDim.x + threadIdx.x;
    int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    int v = warpInclusive(in[g]);
    if (lane == 31) warpTotals[warp] = v;
    __syncthreads();
    if (warp == 0) {
        int nw = blockDim.x >> 5;
        int t = lane < nw ? warpTotals[lane] : 0;
        warpTotals[lane] = warpInclusive(t);
    }
    __syncthreads();
    if (warp > 0) v += warpTotals[warp - 1];
    out[g] = v;
    if (threadIdx.x == blockDim.x - 1) blockTotals[blockIdx.x] = v;
}

__global__ void blockExclusiveScanF(const float* in, float* out)
{
    __shared__ float sums[32];
    int g = blockIdx.x * blockDim.x + threadIdx.x;
    int lane = threadIdx.x % 32, warp = threadIdx.x / 32;
    float x = in[g], v = x;
    for (int d = 1; d < 32; d *= 2) {
        float t = __shfl_up_sync(0xffffffff, v, d);
        if (lane >= d) v += t;
    }
    if (lane == 31) sums[warp] = v;
    __syncthreads();
    float offset = 0.0f;
    for (int w = 0; w < warp; ++w) offset += sums[w];
    out[g] = offset + v - x;
}

__global__ void segmentedWarpScan(const int* in, const unsigned char* flags, int* out)
{
    int lane = threadIdx.x & 31;
    int v = in[threadIdx.x];
    bool head = lane == 0 || (flags[threadIdx.x] & 3) == 0;
    unsigned int heads = __ballot_sync(0xffffffffu, head);
    unsigned int upto = heads & ((2u << lane) - 1u);
    int segStart = 31 - __clz(upto);
    for (int d = 1; d < 32; d <<= 1) {
        int t = __shfl_up_sync(0xffffffffu, v, d);
        if (lane - d >= segStart) v += t;
    }
    out[threadIdx.x] = v;
}
