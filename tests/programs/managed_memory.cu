// Unified memory: cudaMallocManaged buffers the host reads directly, and
// a __managed__ global the host and the kernel both update.
#include "common.h"

__managed__ int total;
__managed__ float scale = 2.0f;

__global__ void accumulate(const int *v, int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    out[i] = (int)(v[i] * scale);
    atomicAdd(&total, v[i]);
  }
}

int main() {
  const int n = 1000;
  int *v, *out;
  CHECK(cudaMallocManaged(&v, n * sizeof(int)));
  CHECK(cudaMallocManaged(&out, n * sizeof(int)));
  for (int i = 0; i < n; ++i) v[i] = i;
  total = 0;
  accumulate<<<(n + 255) / 256, 256>>>(v, out, n);
  CHECK(cudaDeviceSynchronize());
  int errors = total != n * (n - 1) / 2;
  for (int i = 0; i < n; ++i) errors += out[i] != 2 * i;
  scale = 3.0f; // the host changes a managed variable between launches
  total = 5;
  accumulate<<<(n + 255) / 256, 256>>>(v, out, n);
  CHECK(cudaDeviceSynchronize());
  errors += total != 5 + n * (n - 1) / 2;
  for (int i = 0; i < n; ++i) errors += out[i] != 3 * i;
  struct cudaPointerAttributes a;
  CHECK(cudaPointerGetAttributes(&a, v));
  errors += a.type != cudaMemoryTypeManaged;
  printf("total = %d\n", total);
  CHECK(cudaFree(v));
  CHECK(cudaFree(out));
  return verdict("managed_memory", errors);
}
