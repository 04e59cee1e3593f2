// odd_even_sort.cu: exercises odd-even transposition sort inside one block
// (n phases, alternating parity, __syncthreads between phases) and Batcher's
// odd-even merge step as a global kernel.
// launch: oddEvenTransposition --grid 1 --block 256 i32[256]=rand:31 i32:256
// launch: oddEvenTransposition --grid 1 --block 256 i32[200]=rand:32 i32:200
// launch: oddEvenMergeStep --grid 4 --block 256 f32[1024]=rand:33 i32:1024 i32:4 i32:2
#include <cuda_runtime.h>

__global__ void oddEvenTransposition(int* a, int n)
{
    __shared__ int s[256];
    int t = threadIdx.x;
    if (t < n) s[t] = a[t];
    __syncthreads();
    for (int phase = 0; phase < n; ++phase) {
        int i = 2 * t + (phase & 1);
        if (i + 1 < n && s[i] > s[i + 1]) {
            int tmp = s[i];
            s[i] = s[i + 1];
            s[i + 1] = tmp;
        }
        __syncthreads();
    }
    if (t < n) a[t] = s[t];
}

// One (p, k) step of Batcher's odd-even merge sort, as in the usual nested loop
// for (p = 1; p < n; p <<= 1) for (k = p; k >= 1; k >>= 1).
__global__ void oddEvenMergeStep(float* a, int n, int p, int k)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int j = i % k + (i / k) * 2 * k;    // candidate low index
    int lo = j + k % p;
    int hi = lo + k;
    if (hi < n && (lo / (p * 2)) == (hi / (p * 2))) {
        float x = a[lo], y = a[hi];
        if (x > y) { a[lo] = y; a[hi] = x; }
    }
}
