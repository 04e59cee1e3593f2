// volatile_warp_reduce.cu: exercises the legacy warp-synchronous final stage of
// a reduction through a `volatile` shared pointer (with __syncwarp between steps
// so it stays correct under independent thread scheduling), and a volatile flag.
// launch: reduceVolatile --grid 4 --block 256 f32[2048]=rand:301 f32[4]=zeros i32:2048
// launch: reduceVolatileInt --grid 2 --block 64 i32[128]=iota i32[2]=zeros
#include <cuda_runtime.h>

__device__ void warpReduce(volatile float* sdata, unsigned int tid)
{
    float v = sdata[tid];
    v += sdata[tid + 32]; __syncwarp(); sdata[tid] = v; __syncwarp();
    v += sdata[tid + 16]; __syncwarp(); sdata[tid] = v; __syncwarp();
    v += sdata[tid + 8];  __syncwarp(); sdata[tid] = v; __syncwarp();
    v += sdata[tid + 4];  __syncwarp(); sdata[tid] = v; __syncwarp();
    v += sdata[tid + 2];  __syncwarp(); sdata[tid] = v; __syncwarp();
    v += sdata[tid + 1];  __syncwarp(); sdata[tid] = v;
}

__global__ void reduceVolatile(const float* in, float* out, int n)
{
    __shared__ float sdata[256];
    unsigned int tid = threadIdx.x;
    unsigned int i = blockIdx.x * blockDim.x * 2 + tid;
    sdata[tid] = (i < n ? in[i] : 0.0f) + (i + blockDim.x < n ? in[i + blockDim.x] : 0.0f);
    __syncthreads();
    for (unsigned int s = blockDim.x / 2; s > 32; s >>= 1) {
        if (tid < s) sdata[tid] += sdata[tid + s];
        __syncthreads();
    }
    if (tid < 32) warpReduce(sdata, tid);
    if (tid == 0) out[blockIdx.x] = sdata[0];
}

__global__ void reduceVolatileInt(const int* in, int* out)
{
    __shared__ int s[64];
    volatile int* vs = s;
    unsigned int tid = threadIdx.x;
    s[tid] = in[blockIdx.x * 64 + tid];
    __syncthreads();
    if (tid < 32) {
        vs[tid] += vs[tid + 32]; __syncwarp();
        vs[tid] += vs[tid + 16]; __syncwarp();
        vs[tid] += vs[tid + 8]; __syncwarp();
        vs[tid] += vs[tid + 4]; __syncwarp();
        vs[tid] += vs[tid + 2]; __syncwarp();
        vs[tid] += vs[tid + 1];
    }
    if (tid == 0) out[blockIdx.x] = vs[0];
}

// CHECK: memcheck (reduceVolatileInt is warp-synchronous without __syncwarp:
// racecheck rightly reports its intra-warp hazards, real on Volta and later)
