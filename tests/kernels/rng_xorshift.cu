// rng_xorshift.cu: exercises per-thread pseudo-random generators: xorshift32
// and a 64-bit splitmix state held in a struct passed by reference, a
// Box-Muller transform with sincosf/logf, and Monte-Carlo pi
// estimation with a block reduction and unsigned long long atomics.
// launch: fillUniform --grid 4 --block 256 f32[1024]=zeros u32:12345 i32:1024
// launch: fillNormal --grid 2 --block 256 f32[1024]=zeros u64:42 i32:512
// launch: monteCarloPi --grid 8 --block 128 u64[1]=zeros u32:7 i32:64
#include <cuda_runtime.h>
#include <cstdint>

__device__ inline uint32_t xorshift32(uint32_t& s)
{
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    return s;
}

struct SplitMix64 {
    uint64_t state;
    __device__ uint64_t next()
    {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    __device__ float uniform() { return (next() >> 40) * (1.0f / 16777216.0f); }
};

__global__ void fillUniform(float* out, uint32_t seed, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    uint32_t s = seed ^ (uint32_t)(i * 747796405u + 1u);
    if (s == 0) s = 1;
    xorshift32(s);
    out[i] = xorshift32(s) * 2.3283064365386963e-10f;
}

// Each thread writes two normals.
__global__ void fillNormal(float* out, uint64_t seed, int pairs)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= pairs) return;
    SplitMix64 rng{seed + (uint64_t)i * 0x632BE59BD9B4E019ull};
    float u1 = fmaxf(rng.uniform(), 1e-7f), u2 = rng.uniform();
    float r = sqrtf(-2.0f * logf(u1)), s, c;
    sincosf(6.28318530718f * u2, &s, &c);
    out[2 * i] = r * c;
    out[2 * i + 1] = r * s;
}

__global__ void monteCarloPi(unsigned long long* hits, uint32_t seed, int samplesPerThread)
{
    __shared__ unsigned int blockHits;
    if (threadIdx.x == 0) blockHits = 0;
    __syncthreads();
    uint32_t s = seed * 2654435761u + blockIdx.x * blockDim.x + threadIdx.x + 1u;
    unsigned int mine = 0;
    for (int k = 0; k < samplesPerThread; ++k) {
        float x = xorshift32(s) * 2.3283064365386963e-10f;
        float y = xorshift32(s) * 2.3283064365386963e-10f;
        mine += (x * x + y * y <= 1.0f);
    }
    atomicAdd(&blockHits, mine);
    __syncthreads();
    if (threadIdx.x == 0) atomicAdd(hits, (unsigned long long)blockHits);
}
