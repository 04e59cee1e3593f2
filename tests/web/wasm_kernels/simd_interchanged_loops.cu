// simd_interchanged_loops.cu: grid-stride loops that src/emit/wasm_simd.c
// runs interchanged (one pass over the block's threads per iteration, the
// statements before and after the loop in passes of their own, what they
// hand each other kept in columns of the block's scratch memory): bounds
// that end inside a turn of 16 threads and inside a group of 4, `<=`
// bounds, sums and scalars kept across the passes, a value declared
// before the loop and read after it, blocks too narrow for 16-thread
// turns, and a step that is not positive (which must take the ordinary
// turns).  Compared with the CPU backend by ctest wasm_kernels and
// wasm_workers.
// launch: stridedSums --grid 3 --block 64 f32[1001]=rand:11 f32[192]=zeros i32:1001
// launch: stridedSums --grid 2 --block 8 f32[13]=rand:12 f32[16]=zeros i32:13
// launch: stridedSums --grid 1 --block 36 f32[50]=rand:13 f32[36]=zeros i32:50
// launch: inclusiveBound --grid 2 --block 32 i32[64]=zeros i32:77
// launch: keptScalars --grid 2 --block 16 f32[300]=rand:14 f32[32]=zeros i32:300
// launch: steps --grid 1 --block 32 i32[32]=zeros i32:100 i32:100 i32:-7
// launch: steps --grid 1 --block 32 i32[32]=zeros i32:100 i32:100 i32:0
// launch: steps --grid 1 --block 32 i32[32]=zeros i32:0 i32:100 i32:5
#include <cuda_runtime.h>

// a reduction's first phase: the sum (declared before the loop, changed in
// it) and the scaled index (declared before, read after) cross the passes
__global__ void stridedSums(const float* in, float* out, int n)
{
    int t = threadIdx.x;
    float scale = 1.0f + 0.5f * (float)t;
    float sum = 0.0f;
    for (int i = blockIdx.x * blockDim.x + t; i < n; i += blockDim.x * gridDim.x)
        sum += in[i] * scale;
    out[blockIdx.x * blockDim.x + t] = sum - scale;
}

// `i <= bound`, an integer count kept across the passes
__global__ void inclusiveBound(int* out, int bound)
{
    int hits = 3;
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i <= bound; i += blockDim.x * gridDim.x)
        hits += (i & 7) * 2;
    out[blockIdx.x * blockDim.x + threadIdx.x] = hits;
}

// a uniform value (the row) and an affine one (the column) set before the
// loop, and a per-iteration local declared inside it
__global__ void keptScalars(const float* in, float* out, int n)
{
    int row = blockIdx.x * 7 + 1;
    int col = threadIdx.x + row;
    float acc = 0.0f;
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
        float v = in[i] + (float)row;
        acc += v * v;
    }
    out[blockIdx.x * blockDim.x + threadIdx.x] = acc + (float)col;
}

// the step comes from an argument: not positive (the ordinary turns run
// it; from a start at or past the bound it runs no iteration), or positive
__global__ void steps(int* out, int start, int n, int step)
{
    int count = 1;
    for (int i = start + threadIdx.x; i < n; i += step) count += i & 3;
    out[threadIdx.x] = count;
}
