// layernorm.cu: exercises layer normalisation with Welford's online mean and
// variance merged across a warp with shuffles, a struct returned from a
// device function, rsqrtf, and gamma/beta affine parameters.
// launch: layerNorm --grid 16 --block 32 f32[4096]=rand:321 f32[256]=fill:1 f32[256]=zeros f32[4096]=zeros i32:256 f32:0.00001
#include <cuda_runtime.h>

struct Welford {
    float mean;
    float m2;
    float count;
};

__device__ Welford welfordAdd(Welford w, float x)
{
    w.count += 1.0f;
    float d = x - w.mean;
    w.mean += d / w.count;
    w.m2 += d * (x - w.mean);
    return w;
}

__device__ Welford welfordMerge(Welford a, Welford b)
{
    if (b.count == 0.0f) return a;
    if (a.count == 0.0f) return b;
    Welford r;
    r.count = a.count + b.count;
    float d = b.mean - a.mean;
    r.mean = a.mean + d * b.count / r.count;
    r.m2 = a.m2 + b.m2 + d * d * a.count * b.count / r.count;
    return r;
}

// One warp per row.
__global__ void layerNorm(const float* x, const float* gamma, const float* beta,
                          float* y, int cols, float eps)
{
    const float* row = x + blockIdx.x * cols;
    Welford w = {0.0f, 0.0f, 0.0f};
    for (int c = threadIdx.x; c < cols; c += 32) w = welfordAdd(w, row[c]);
    for (int o = 16; o > 0; o >>= 1) {
        Welford other;
        other.mean = __shfl_down_sync(0xffffffff, w.mean, o);
        other.m2 = __shfl_down_sync(0xffffffff, w.m2, o);
        other.count = __shfl_down_sync(0xffffffff, w.count, o);
        w = welfordMerge(w, other);
    }
    float mean = __shfl_sync(0xffffffff, w.mean, 0);
    float var = __shfl_sync(0xffffffff, w.m2, 0) / cols;
    float inv = rsqrtf(var + eps);
    for (int c = threadIdx.x; c < cols; c += 32)
        y[blockIdx.x * cols + c] = (row[c] - mean) * inv * gamma[c] + beta[c];
}
