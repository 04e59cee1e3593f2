// atomics_shared.cu: atomics the GLSL target maps to native GLSL atomics
// (integer add on global and shared memory, 64-bit add) and to
// compare-and-swap loops (float add, atomicInc), with dynamic shared memory
// sized per launch through a specialization constant.
#include <cuda_runtime.h>

__global__ void histo(const int* keys, unsigned* bins, float* total,
                      unsigned long long* wide, unsigned* ring, int n)
{
    extern __shared__ unsigned local[];
    int nb = 16;
    for (int b = threadIdx.x; b < nb; b += blockDim.x) local[b] = 0;
    __syncthreads();
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        atomicAdd(&local[keys[i] & 15], 1u);
        atomicAdd(total, 0.5f);
        atomicAdd(wide, (unsigned long long)keys[i]);
        atomicInc(ring, 7u);
    }
    __syncthreads();
    for (int b = threadIdx.x; b < nb; b += blockDim.x) atomicAdd(&bins[b], local[b]);
}
