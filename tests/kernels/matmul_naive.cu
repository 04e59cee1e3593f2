// matmul_naive.cu: exercises 2-D grids and blocks, row-major indexing and a
// plain inner-product loop (one thread per output element).
// launch: matmulNaive --grid 4,4 --block 16,16 f32[4096]=rand:1 f32[4096]=rand:2 f32[4096]=zeros i32:64 i32:64 i32:64
// launch: matmulNaiveDouble --grid 2,3 --block 16,16 f64[1536]=rand:5 f64[1024]=rand:6 f64[1536]=zeros i32:48 i32:32 i32:32
#include <cuda_runtime.h>

// C[M x N] = A[M x K] * B[K x N]
__global__ void matmulNaive(const float* A, const float* B, float* C, int M, int N, int K)
{
    int row = blockIdx.y * blockDim.y + threadIdx.y;
    int col = blockIdx.x * blockDim.x + threadIdx.x;
    if (row < M && col < N) {
        float acc = 0.0f;
        for (int k = 0; k < K; ++k)
            acc += A[row * K + k] * B[k * N + col];
        C[row * N + col] = acc;
    }
}

__global__ void matmulNaiveDouble(const double* A, const double* B, double* C, int M, int N, int K)
{
    const int row = blockIdx.y * blockDim.y + threadIdx.y;
    const int col = blockIdx.x * blockDim.x + threadIdx.x;
    if (row >= M || col >= N) return;
    double acc = 0.0;
    for (int k = 0; k < K; k++) acc = fma(A[row * K + k], B[k * N + col], acc);
    C[row * N + col] = acc;
}
