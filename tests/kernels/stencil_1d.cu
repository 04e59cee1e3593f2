// stencil_1d.cu: exercises a 1-D stencil with a halo of RADIUS cells loaded
// into shared memory by the first threads of the block, with boundary
// clamping, and a weighted 3-point smoother.
// launch: stencil1d --grid 8 --block 128 f32[1024]=rand:5 f32[1024]=zeros i32:1024
// launch: smooth3 --grid 4 --block 256 f32[1000]=iota f32[1000]=zeros i32:1000 f32:0.25
#include <cuda_runtime.h>

#define RADIUS 3
#define BLOCK_SIZE 128

__global__ void stencil1d(const float* in, float* out, int n)
{
    __shared__ float temp[BLOCK_SIZE + 2 * RADIUS];
    int gindex = threadIdx.x + blockIdx.x * blockDim.x;
    int lindex = threadIdx.x + RADIUS;

    temp[lindex] = (gindex < n) ? in[gindex] : 0.0f;
    if (threadIdx.x < RADIUS) {
        int left = gindex - RADIUS;
        int right = gindex + BLOCK_SIZE;
        temp[lindex - RADIUS] = (left >= 0) ? in[left] : 0.0f;
        temp[lindex + BLOCK_SIZE] = (right < n) ? in[right] : 0.0f;
    }
    __syncthreads();

    float result = 0.0f;
    for (int offset = -RADIUS; offset <= RADIUS; offset++)
        result += temp[lindex + offset];
    if (gindex < n) out[gindex] = result;
}

__global__ void smooth3(const float* in, float* out, int n, float w)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float l = in[i > 0 ? i - 1 : 0];
    float r = in[i < n - 1 ? i + 1 : n - 1];
    out[i] = w * l + (1.0f - 2.0f * w) * in[i] + w * r;
}
