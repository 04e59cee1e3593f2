// block_scalars.cu: locals with the same value in every thread, declared
// once per block by the fission pass (src/kir/passes/fission_scalars.c),
// and loops with barriers bounded by them, which then run at block level.
// Compared with the CPU backend by ctest wasm_kernels (the same in a kernel
// whose threads may all return first: tests/kernels/uniform_after_return.cu).
// launch: tiledRowSums --grid 3 --block 32 f32[300]=rand:7 f32[96]=zeros i32:100
// launch: tiledRowSums --grid 2 --block 32 f32[64]=rand:8 f32[64]=zeros i32:1
#include <cuda_runtime.h>

// each block sums its row of `cols` values in tiles of 32 staged through
// shared memory: the tile count is a uniform local with a division
__global__ void tiledRowSums(const float* in, float* out, int cols)
{
    __shared__ float tile[32];
    const float* row = in + blockIdx.x * cols;
    int tiles = (cols + 31) / 32;
    float acc = 0.0f;
    for (int t = 0; t < tiles; ++t) {
        int c = t * 32 + threadIdx.x;
        tile[threadIdx.x] = c < cols ? row[c] : 0.0f;
        __syncthreads();
        for (int k = 0; k < 32; ++k) acc += tile[(threadIdx.x + k) % 32] * (k + 1);
        __syncthreads();
    }
    out[blockIdx.x * 32 + threadIdx.x] = acc;
}
