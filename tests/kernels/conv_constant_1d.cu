// conv_constant_1d.cu: exercises __constant__ filter coefficients with a
// static initialiser, a 1-D convolution with a shared-memory tile plus halo,
// and `#pragma unroll` over the filter taps.
// launch: convolve1d --grid 8 --block 256 f32[2048]=rand:81 f32[2048]=zeros i32:2048
// launch: convolve1dNaive --grid 8 --block 256 f32[2048]=rand:81 f32[2048]=zeros i32:2048
#include <cuda_runtime.h>

#define FILTER_RADIUS 4
#define FILTER_WIDTH (2 * FILTER_RADIUS + 1)
#define CONV_BLOCK 256

__constant__ float filter[FILTER_WIDTH] = {
    0.02f, 0.05f, 0.10f, 0.15f, 0.36f, 0.15f, 0.10f, 0.05f, 0.02f
};

__global__ void convolve1d(const float* in, float* out, int n)
{
    __shared__ float tile[CONV_BLOCK + 2 * FILTER_RADIUS];
    int g = blockIdx.x * blockDim.x + threadIdx.x;
    int base = blockIdx.x * blockDim.x - FILTER_RADIUS;
    for (int t = threadIdx.x; t < CONV_BLOCK + 2 * FILTER_RADIUS; t += blockDim.x) {
        int src = base + t;
        tile[t] = (src >= 0 && src < n) ? in[src] : 0.0f;
    }
    __syncthreads();
    if (g >= n) return;
    float acc = 0.0f;
#pragma unroll
    for (int k = 0; k < FILTER_WIDTH; ++k)
        acc += filter[k] * tile[threadIdx.x + k];
    out[g] = acc;
}

__global__ void convolve1dNaive(const float* in, float* out, int n)
{
    int g = blockIdx.x * blockDim.x + threadIdx.x;
    if (g >= n) return;
    float acc = 0.0f;
    for (int k = -FILTER_RADIUS; k <= FILTER_RADIUS; ++k) {
        int src = g + k;
        if (src >= 0 && src < n) acc += filter[k + FILTER_RADIUS] * in[src];
    }
    out[g] = acc;
}
