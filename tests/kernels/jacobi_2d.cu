// jacobi_2d.cu: exercises a Jacobi iteration step for the 2-D Poisson
// equation with interior-only updates, a fused residual (max abs change)
// computed with a shared-memory reduction and a float atomicMax via CAS, and
// a boundary-condition kernel.
// launch: setBoundary --grid 1 --block 64 f32[4096]=zeros i32:64 f32:1.0
// launch: jacobiStep --grid 4,4 --block 16,16 f32[4096]=rand:371 f32[4096]=zeros f32[4096]=fill:0.01 f32[1]=zeros i32:64
#include <cuda_runtime.h>

__device__ void atomicMaxPositive(float* addr, float v)
{
    // For non-negative floats the int ordering matches the float ordering.
    atomicMax(reinterpret_cast<int*>(addr), __float_as_int(v));
}

__global__ void setBoundary(float* u, int n, float value)
{
    int i = threadIdx.x;
    if (i < n) {
        u[i] = value;                 // top
        u[(n - 1) * n + i] = 0.0f;    // bottom
        if (i > 0) {                  // corners of the top row stay `value`
            u[i * n] = 0.0f;          // left
            u[i * n + n - 1] = 0.0f;  // right
        }
    }
}

__global__ void jacobiStep(const float* u, float* unew, const float* f, float* residual, int n)
{
    __shared__ float diff[256];
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    int t = threadIdx.y * blockDim.x + threadIdx.x;
    float d = 0.0f;
    if (x > 0 && y > 0 && x < n - 1 && y < n - 1) {
        float h2 = 1.0f / ((n - 1) * (n - 1));
        float v = 0.25f * (u[(y - 1) * n + x] + u[(y + 1) * n + x] + u[y * n + x - 1] + u[y * n + x + 1] + h2 * f[y * n + x]);
        unew[y * n + x] = v;
        d = fabsf(v - u[y * n + x]);
    } else if (x < n && y < n) {
        unew[y * n + x] = u[y * n + x];
    }
    diff[t] = d;
    __syncthreads();
    for (int s = 128; s > 0; s >>= 1) {
        if (t < s) diff[t] = fmaxf(diff[t], diff[t + s]);
        __syncthreads();
    }
    if (t == 0) atomicMaxPositive(residual, diff[0]);
}
