// host_matmul.cu: exercises a host program with dim3 grids and blocks, a
// templated tiled matmul kernel launched with <<<dim3, dim3>>>, a CPU
// reference, cudaMemcpy of std::vector data and a tolerance check.
// launch: matmulTiled<16> --grid 4,4 --block 16,16 f32[4096]=rand:1 f32[4096]=rand:2 f32[4096]=zeros i32:64
// launch: matmulTiled<8> --grid 8,8 --block 8,8 f32[4096]=rand:1 f32[4096]=rand:2 f32[4096]=zeros i32:64
#include <cuda_runtime.h>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#define CHECK(x)                                                              \
    do {                                                                      \
        cudaError_t e = (x);                                                  \
        if (e != cudaSuccess) {                                               \
            printf("%s failed: %s\n", #x, cudaGetErrorString(e));             \
            return 1;                                                         \
        }                                                                     \
    } while (0)

// Square n x n matrices, n a multiple of T.
template <int T>
__global__ void matmulTiled(const float* A, const float* B, float* C, int n)
{
    __shared__ float a[T][T], b[T][T];
    int row = blockIdx.y * T + threadIdx.y, col = blockIdx.x * T + threadIdx.x;
    float sum = 0.0f;
    for (int k0 = 0; k0 < n; k0 += T) {
        a[threadIdx.y][threadIdx.x] = A[row * n + k0 + threadIdx.x];
        b[threadIdx.y][threadIdx.x] = B[(k0 + threadIdx.y) * n + col];
        __syncthreads();
        for (int k = 0; k < T; ++k) sum += a[threadIdx.y][k] * b[k][threadIdx.x];
        __syncthreads();
    }
    C[row * n + col] = sum;
}
template __global__ void matmulTiled<16>(const float*, const float*, float*, int);
template __global__ void matmulTiled<8>(const float*, const float*, float*, int);

int main()
{
    const int n = 128;
    std::vector<float> A(n * n), B(n * n), C(n * n), ref(n * n);
    for (int i = 0; i < n * n; ++i) {
        A[i] = (float)(rand() % 100) / 100.0f;
        B[i] = (float)(rand() % 100) / 100.0f;
    }
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            float s = 0.0f;
            for (int k = 0; k < n; ++k) s += A[i * n + k] * B[k * n + j];
            ref[i * n + j] = s;
        }

    float *dA, *dB, *dC;
    size_t bytes = sizeof(float) * n * n;
    CHECK(cudaMalloc((void**)&dA, bytes));
    CHECK(cudaMalloc((void**)&dB, bytes));
    CHECK(cudaMalloc((void**)&dC, bytes));
    CHECK(cudaMemcpy(dA, A.data(), bytes, cudaMemcpyHostToDevice));
    CHECK(cudaMemcpy(dB, B.data(), bytes, cudaMemcpyHostToDevice));

    dim3 block(16, 16);
    dim3 grid(n / block.x, n / block.y);
    matmulTiled<16><<<grid, block>>>(dA, dB, dC, n);
    CHECK(cudaGetLastError());
    CHECK(cudaMemcpy(C.data(), dC, bytes, cudaMemcpyDeviceToHost));

    double maxErr = 0.0;
    for (int i = 0; i < n * n; ++i) maxErr = std::fmax(maxErr, std::fabs(C[i] - ref[i]));
    printf("max error %g\n", maxErr);
    cudaFree(dA);
    cudaFree(dB);
    cudaFree(dC);
    return maxErr < 1e-3 ? 0 : 1;
}
