// grid_stride_variants.cu: grid-stride loops of several shapes — a partial
// last round, `<=` with a runtime multiple of the grid, a count-down loop,
// and a loop with a negative runtime stride.
// launch: strideVariants --grid 3 --block 64 i32[1000]=zeros i32:1000 i32:7
// launch: strideVariants --grid 2 --block 96 i32[500]=zeros i32:500 i32:3
#include <cuda_runtime.h>

__global__ void strideVariants(int* out, int n, int step)
{
    int tid = blockIdx.x * blockDim.x + threadIdx.x;
    int grid = blockDim.x * gridDim.x;
    // threads of different loops meet on one element: add atomically
    for (int i = tid; i < n; i += grid) atomicAdd(&out[i], 1);
    for (int i = tid; i <= n - 1; i += step * grid) atomicAdd(&out[i], 10);
    for (int i = n - 1 - tid; i >= 0; i -= grid) atomicAdd(&out[i], 100);
    int back = -step;
    for (int i = tid; i >= 0 && i < n; i += back) atomicAdd(&out[i], 1000);
}
