// simd_aggregates.cu: structs and vectors in SIMD128 thread loops
// (src/emit/wasm_simd.c): a copy of a uniform float4 or struct (the same
// element for every thread) read member by member, members of a per-thread
// float4 kept across a barrier and only read after it (gathered once per
// four threads' turn), rsqrtf on four lanes.  Compared with the CPU
// backend by ctest wasm_kernels and wasm_workers.
// launch: pairForces --grid 2 --block 64 f32[512]=rand:11 f32[512]=zeros i32:128
// launch: pairForces --grid 1 --block 12 f32[48]=rand:12 f32[48]=zeros i32:12
// launch: weightedRows --grid 3 --block 32 f32[96]=rand:13 f32[24]=rand:14 f32[96]=zeros
#include <cuda_runtime.h>

// n-body's shape: p per thread across the barriers, q = sh[j] uniform
__global__ void pairForces(const float4* pos, float4* acc, int n)
{
    __shared__ float4 sh[64];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    float4 p = pos[i];
    float ax = 0.0f, ay = 0.0f, az = 0.0f;
    for (int t = 0; t < n; t += blockDim.x) {
        sh[threadIdx.x] = pos[t + threadIdx.x];
        __syncthreads();
        for (int j = 0; j < blockDim.x; ++j) {
            float4 q = sh[j];
            float dx = q.x - p.x, dy = q.y - p.y, dz = q.z - p.z;
            float inv = rsqrtf(dx * dx + dy * dy + dz * dz + 0.01f);
            float s = q.w * inv * inv * inv;
            ax += dx * s; ay += dy * s; az += fabsf(dz) * s + p.w;
        }
        __syncthreads();
    }
    acc[i] = make_float4(ax, ay, az, p.w);
}

struct Weights { float scale; int shift; float bias; };

// a struct copied from a uniform address, read by members
__global__ void weightedRows(const float* in, const Weights* w, float* out)
{
    Weights k = w[blockIdx.x * 2];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    out[i] = in[i] * k.scale + (float)(k.shift & 3) + k.bias;
}
