// nbody_float4.cu: exercises all-pairs n-body with float4 positions (w = mass),
// shared-memory tiles of bodies, rsqrtf, make_float3/make_float4, float3
// accumulators and a separate integration kernel.
// launch: bodyForces --grid 4 --block 128 f32[2048]=rand:41 f32[1536]=zeros i32:512 f32:0.01
// launch: integrate --grid 4 --block 128 f32[2048]=rand:42 f32[1536]=rand:43 f32[1536]=fill:0.1 i32:512 f32:0.001
#include <cuda_runtime.h>

#define TILE_BODIES 128

__device__ float3 bodyBodyInteraction(float4 bi, float4 bj, float3 ai, float softening2)
{
    float3 r;
    r.x = bj.x - bi.x;
    r.y = bj.y - bi.y;
    r.z = bj.z - bi.z;
    float distSqr = r.x * r.x + r.y * r.y + r.z * r.z + softening2;
    float invDist = rsqrtf(distSqr);
    float invDist3 = invDist * invDist * invDist;
    float s = bj.w * invDist3;
    ai.x += r.x * s;
    ai.y += r.y * s;
    ai.z += r.z * s;
    return ai;
}

// pos: n float4; accel: n*3 floats
__global__ void bodyForces(const float4* pos, float* accel, int n, float softening)
{
    __shared__ float4 shPos[TILE_BODIES];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    float4 myPos = (i < n) ? pos[i] : make_float4(0.f, 0.f, 0.f, 0.f);
    float3 acc = make_float3(0.0f, 0.0f, 0.0f);
    float soft2 = softening * softening;

    for (int tile = 0; tile < (n + TILE_BODIES - 1) / TILE_BODIES; ++tile) {
        int j = tile * TILE_BODIES + threadIdx.x;
        shPos[threadIdx.x] = (j < n) ? pos[j] : make_float4(0.f, 0.f, 0.f, 0.f);
        __syncthreads();
#pragma unroll 4
        for (int k = 0; k < TILE_BODIES; ++k)
            acc = bodyBodyInteraction(myPos, shPos[k], acc, soft2);
        __syncthreads();
    }
    if (i < n) {
        accel[3 * i + 0] = acc.x;
        accel[3 * i + 1] = acc.y;
        accel[3 * i + 2] = acc.z;
    }
}

__global__ void integrate(float4* pos, float* vel, const float* accel, int n, float dt)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float4 p = pos[i];
    float3 v = make_float3(vel[3 * i], vel[3 * i + 1], vel[3 * i + 2]);
    v.x += accel[3 * i] * dt;
    v.y += accel[3 * i + 1] * dt;
    v.z += accel[3 * i + 2] * dt;
    p.x += v.x * dt;
    p.y += v.y * dt;
    p.z += v.z * dt;
    pos[i] = p;
    vel[3 * i] = v.x;
    vel[3 * i + 1] = v.y;
    vel[3 * i + 2] = v.z;
}
