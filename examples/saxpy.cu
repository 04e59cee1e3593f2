// saxpy.cu — y = a*x + y over a million floats, the "hello world" of CUDA.
//
// A complete program as people write it: a kernel with a grid-stride loop,
// host code that allocates device memory, copies data in, launches, copies
// the result back and checks it.  cuwasm compiles the device part itself;
// the host part is plain C++.
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <cuda_runtime.h>

// Every runtime call returns a status; stop at the first failure.
#define CUDA_CHECK(call)                                                    \
  do {                                                                      \
    cudaError_t err_ = (call);                                              \
    if (err_ != cudaSuccess) {                                              \
      fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__,                    \
              cudaGetErrorString(err_));                                    \
      exit(1);                                                              \
    }                                                                       \
  } while (0)

// A grid-stride loop lets any grid size cover any n.
__global__ void saxpy(int n, float a, const float *__restrict__ x,
                      float *__restrict__ y) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += blockDim.x * gridDim.x)
    y[i] = a * x[i] + y[i];
}

int main() {
  const int n = 1 << 20;
  const float a = 2.5f;
  const size_t bytes = n * sizeof(float);

  float *x = (float *)malloc(bytes), *y = (float *)malloc(bytes);
  for (int i = 0; i < n; ++i) {
    x[i] = (float)(i % 100) * 0.01f;
    y[i] = 1.0f;
  }

  float *dx, *dy;
  CUDA_CHECK(cudaMalloc(&dx, bytes));
  CUDA_CHECK(cudaMalloc(&dy, bytes));
  CUDA_CHECK(cudaMemcpy(dx, x, bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dy, y, bytes, cudaMemcpyHostToDevice));

  const int block = 256;
  const int grid = (n + block - 1) / block < 1024 ? (n + block - 1) / block : 1024;
  saxpy<<<grid, block>>>(n, a, dx, dy);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(y, dy, bytes, cudaMemcpyDeviceToHost));

  int errors = 0;
  for (int i = 0; i < n; ++i) {
    float want = a * ((float)(i % 100) * 0.01f) + 1.0f;
    if (fabsf(y[i] - want) > 1e-5f && errors++ < 5)
      fprintf(stderr, "y[%d] = %f, want %f\n", i, y[i], want);
  }
  printf("saxpy: n=%d, %s\n", n, errors ? "FAILED" : "ok");

  CUDA_CHECK(cudaFree(dx));
  CUDA_CHECK(cudaFree(dy));
  free(x);
  free(y);
  return errors ? 1 : 0;
}
