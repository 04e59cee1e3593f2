// spmv_csr.cu: exercises sparse matrix-vector multiply in CSR format: scalar
// (thread per row) and vector (warp per row, shuffle reduction) kernels, with
// indirect loads through a column-index array. buildBanded fills CSR arrays.
// The spmv launches get real matrices: rowPtr = iota:0:K gives every row K
// entries (3 for the scalar kernel; 40 for the vector one, more than a
// warp, so lanes loop and the shuffle tree sums partial dots), columns are
// rand (0..99, in bounds), values rand.  The vector launch has 128 warps
// for 100 rows, so the early return is taken too.
// launch: buildBanded --grid 4 --block 256 i32[1025]=zeros i32[3072]=zeros f32[3072]=zeros i32:1024
// launch: spmvScalar --grid 4 --block 256 i32:1000 i32[1001]=iota:0:3 i32[3000]=rand:353 f32[3000]=rand:354 f32[1024]=rand:351 f32[1024]=zeros
// launch: spmvVector --grid 32 --block 128 i32:100 i32[101]=iota:0:40 i32[4000]=rand:355 f32[4000]=rand:356 f32[1024]=rand:352 f32[100]=zeros
#include <cuda_runtime.h>

// Tridiagonal-ish: row r has up to 3 entries at r-1, r, r+1 (stored with
// fixed stride 3; missing neighbours get value 0 and column r).
__global__ void buildBanded(int* rowPtr, int* cols, float* vals, int n)
{
    int r = blockIdx.x * blockDim.x + threadIdx.x;
    if (r >= n) return;
    rowPtr[r] = 3 * r;
    if (r == n - 1) rowPtr[n] = 3 * n;
    for (int k = 0; k < 3; ++k) {
        int c = r + k - 1;
        bool ok = c >= 0 && c < n;
        cols[3 * r + k] = ok ? c : r;
        vals[3 * r + k] = ok ? (k == 1 ? 2.0f : -1.0f) : 0.0f;
    }
}

__global__ void spmvScalar(int rows, const int* rowPtr, const int* cols,
                           const float* vals, const float* x, float* y)
{
    int r = blockIdx.x * blockDim.x + threadIdx.x;
    if (r < rows) {
        float dot = 0.0f;
        for (int j = rowPtr[r]; j < rowPtr[r + 1]; ++j) dot += vals[j] * x[cols[j]];
        y[r] = dot;
    }
}

__global__ void spmvVector(int rows, const int* rowPtr, const int* cols,
                           const float* vals, const float* x, float* y)
{
    int warpId = (blockIdx.x * blockDim.x + threadIdx.x) / 32;
    int lane = threadIdx.x & 31;
    if (warpId >= rows) return;
    float sum = 0.0f;
    for (int j = rowPtr[warpId] + lane; j < rowPtr[warpId + 1]; j += 32) sum += vals[j] * x[cols[j]];
    for (int o = 16; o > 0; o /= 2) sum += __shfl_down_sync(0xffffffff, sum, o);
    if (lane == 0) y[warpId] = sum;
}
