// matmul.cu — C = A * B for square float matrices, tiled in shared memory.
//
// Each block computes one TILE x TILE tile of C.  It walks along K one tile
// at a time: the block's threads load a tile of A and a tile of B into
// __shared__ arrays, wait for each other, and accumulate the partial dot
// products from the fast shared copies.  Sizes need not be multiples of
// TILE: out-of-range loads read zeros and out-of-range threads store
// nothing.  The host checks the result against a simple CPU loop.
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <vector>
#include <cuda_runtime.h>

#define TILE 16

#define CUDA_CHECK(call)                                                    \
  do {                                                                      \
    cudaError_t err_ = (call);                                              \
    if (err_ != cudaSuccess) {                                              \
      fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__,                    \
              cudaGetErrorString(err_));                                    \
      exit(1);                                                              \
    }                                                                       \
  } while (0)

// Row-major M x K times K x N.
__global__ void __launch_bounds__(TILE * TILE)
matmul_tiled(const float *A, const float *B, float *C, int M, int N, int K) {
  __shared__ float As[TILE][TILE];
  __shared__ float Bs[TILE][TILE + 1];  // +1 column: no bank conflicts

  const int tx = threadIdx.x, ty = threadIdx.y;
  const int row = blockIdx.y * TILE + ty;
  const int col = blockIdx.x * TILE + tx;
  float acc = 0.0f;

  for (int t = 0; t < (K + TILE - 1) / TILE; ++t) {
    const int a_col = t * TILE + tx, b_row = t * TILE + ty;
    As[ty][tx] = (row < M && a_col < K) ? A[row * K + a_col] : 0.0f;
    Bs[ty][tx] = (b_row < K && col < N) ? B[b_row * N + col] : 0.0f;
    __syncthreads();  // the tile is complete before anyone reads it
#pragma unroll
    for (int k = 0; k < TILE; ++k)
      acc = fmaf(As[ty][k], Bs[k][tx], acc);
    __syncthreads();  // everyone is done before the next tile overwrites it
  }
  if (row < M && col < N)
    C[row * N + col] = acc;
}

int main() {
  const int M = 300, N = 200, K = 250;
  std::vector<float> A(M * K), B(K * N), C(M * N);
  for (int i = 0; i < M * K; ++i) A[i] = (float)((i * 7) % 13) / 13.0f - 0.5f;
  for (int i = 0; i < K * N; ++i) B[i] = (float)((i * 5) % 11) / 11.0f - 0.5f;

  float *dA, *dB, *dC;
  CUDA_CHECK(cudaMalloc(&dA, A.size() * sizeof(float)));
  CUDA_CHECK(cudaMalloc(&dB, B.size() * sizeof(float)));
  CUDA_CHECK(cudaMalloc(&dC, C.size() * sizeof(float)));
  CUDA_CHECK(cudaMemcpy(dA, A.data(), A.size() * sizeof(float), cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dB, B.data(), B.size() * sizeof(float), cudaMemcpyHostToDevice));

  dim3 block(TILE, TILE);
  dim3 grid((N + TILE - 1) / TILE, (M + TILE - 1) / TILE);
  matmul_tiled<<<grid, block>>>(dA, dB, dC, M, N, K);  // warm-up (and JIT)
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());

  // Time a few launches with events, as CUDA programs usually do.
  cudaEvent_t start, stop;
  CUDA_CHECK(cudaEventCreate(&start));
  CUDA_CHECK(cudaEventCreate(&stop));
  const int reps = 10;
  CUDA_CHECK(cudaEventRecord(start));
  for (int r = 0; r < reps; ++r) matmul_tiled<<<grid, block>>>(dA, dB, dC, M, N, K);
  CUDA_CHECK(cudaEventRecord(stop));
  CUDA_CHECK(cudaEventSynchronize(stop));
  float ms = 0;
  CUDA_CHECK(cudaEventElapsedTime(&ms, start, stop));
  CUDA_CHECK(cudaEventDestroy(start));
  CUDA_CHECK(cudaEventDestroy(stop));
  double per = ms / reps;
  CUDA_CHECK(cudaMemcpy(C.data(), dC, C.size() * sizeof(float), cudaMemcpyDeviceToHost));

  // Reference on the CPU, in double to keep its own rounding out of the way.
  int errors = 0;
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      double want = 0;
      for (int k = 0; k < K; ++k) want += (double)A[i * K + k] * B[k * N + j];
      if (fabs(C[i * N + j] - want) > 1e-3 && errors++ < 5)
        fprintf(stderr, "C[%d][%d] = %f, want %f\n", i, j, C[i * N + j], want);
    }
  printf("matmul: %dx%d * %dx%d, %.3f ms per launch (%.2f GFLOP/s), %s\n", M, K, K, N, per,
         2.0 * M * N * K / (per * 1e6), errors ? "FAILED" : "ok");

  CUDA_CHECK(cudaFree(dA));
  CUDA_CHECK(cudaFree(dB));
  CUDA_CHECK(cudaFree(dC));
  return errors ? 1 : 0;
}
