// simd_varying_loops.cu: loops whose condition differs between the four
// lanes of a SIMD128 thread loop (src/emit/wasm_simd.c runs them while any
// lane is in, the lanes that left masked): grid-stride loops ending inside
// a group of four threads, trip counts that depend on threadIdx.x,
// variables declared outside the loop that keep each lane's last value.
// Compared with the CPU backend by ctest wasm_kernels and wasm_workers.
// launch: gridStrideSum --grid 3 --block 64 f32[1001]=rand:3 f32[192]=zeros i32:1001
// launch: gridStrideSum --grid 2 --block 8 f32[13]=rand:4 f32[16]=zeros i32:13
// launch: laneTripCounts --grid 2 --block 32 f32[200]=rand:5 f32[64]=zeros i32[64]=zeros
// launch: stridedWhile --grid 1 --block 64 i32[64]=zeros i32:300
// launch: noReentry --grid 2 --block 16 f32[32]=zeros
#include <cuda_runtime.h>

// the reduction's first pass: the last lanes of the last group read past n
// in the final iteration unless masked
__global__ void gridStrideSum(const float* in, float* out, int n)
{
    float v = 0.0f;
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) v += in[i] * 0.5f;
    out[blockIdx.x * blockDim.x + threadIdx.x] = v;
}

// each lane runs (threadIdx.x & 7) iterations; count and acc outlive the loop
__global__ void laneTripCounts(const float* in, float* out, int* counts)
{
    int count = 0;
    float acc = 1.0f;
    for (int k = 0; k < (threadIdx.x & 7); ++k) {
        acc = acc * 0.75f + in[k * 16 + threadIdx.x];
        count += 2;
    }
    int g = blockIdx.x * blockDim.x + threadIdx.x;
    out[g] = acc;
    counts[g] = count;
}

// a while loop over a variable declared before it
__global__ void stridedWhile(int* out, int n)
{
    int j = threadIdx.x, s = 0;
    while (j < n) {
        s += j;
        j += 37;
    }
    out[threadIdx.x] = s + j;
}

// each lane leaves when its i reaches 7 mod 8 and must not come back when
// i, counting on with the other lanes, leaves that residue again
__global__ void noReentry(float* out)
{
    float acc = 0.0f;
    for (int i = threadIdx.x; (i & 7) != 7; i += 1) acc += 1.0f + (float)i;
    out[blockIdx.x * blockDim.x + threadIdx.x] = acc;
}
