// loops_goto.cu: exercises do-while loops, goto forward to a cleanup label,
// goto backward to form a loop, labelled early exit from nested loops,
// while with complex conditions, comma operators, and for with empty parts.
// launch: collatzSteps --grid 4 --block 256 u32[1024]=iota i32[1024]=zeros i32:1024
// launch: findFirst --grid 1 --block 32 i32[32768]=rand:141 i32[32]=zeros i32:1024 i32:7
// launch: gcdKernel --grid 2 --block 128 u32[256]=rand:142 u32[256]=rand:143 u32[256]=zeros
// launch: digitSum --grid 1 --block 256 i32[256]=iota i32[256]=zeros
#include <cuda_runtime.h>

__global__ void collatzSteps(const unsigned int* start, int* steps, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) goto done;
    {
        unsigned int v = start[i] + 1u;
        int count = 0;
        do {
            v = (v & 1u) ? 3u * v + 1u : v >> 1;
            ++count;
        } while (v != 1u && count < 1000);
        steps[i] = count;
    }
done:
    return;
}

// Each thread scans a row of `cols` for a value with v % 64 == key.
__global__ void findFirst(const int* grid, int* where, int cols, int key)
{
    int row = threadIdx.x;
    int found = -1;
    for (int c = 0; c < cols; ++c) {
        for (int k = 0; k < 1; ++k) {
            int v = grid[row * cols + c];
            if (((v % 64) + 64) % 64 == key) {
                found = c;
                goto out;
            }
        }
    }
out:
    where[row] = found;
}

__global__ void gcdKernel(const unsigned int* a, const unsigned int* b, unsigned int* g)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    unsigned int x = a[i] | 1u, y = b[i] | 1u;
again:
    if (y != 0u) {
        unsigned int t = x % y;
        x = y;
        y = t;
        goto again;
    }
    g[i] = x;
}

__global__ void digitSum(const int* in, int* out)
{
    int v = in[threadIdx.x], s = 0;
    for (;;) {
        s += v % 10;
        v /= 10;
        if (!v) break;
    }
    int i = 0, j = 0;
    while (i < 3 && j < 5) i++, j += 2;
    out[threadIdx.x] = s + i + j;
}
