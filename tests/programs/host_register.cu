// Page-locking memory the program already has (cudaHostRegister), as
// cuda-samples' simpleStreams and simpleZeroCopy do: async copies from and
// to it on a stream, and, registered as mapped, a kernel reading and
// writing it through cudaHostGetDevicePointer; then unregistered and used
// again as ordinary memory.
#include "common.h"
#include <cstdlib>

__global__ void scale_add(const float *in, float *out, int n, float a) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = a * in[i] + 1.0f;
}

int main() {
  const int n = 1 << 16;
  const size_t bytes = n * sizeof(float);
  float *in = (float *)malloc(bytes), *out = (float *)malloc(bytes);
  for (int i = 0; i < n; i++) in[i] = (float)(i % 1000);
  CHECK(cudaHostRegister(in, bytes, cudaHostRegisterMapped));
  CHECK(cudaHostRegister(out, bytes, cudaHostRegisterDefault));
  int errors = 0;

  // async copies through a stream, from and to registered memory
  cudaStream_t s;
  float *din, *dout;
  CHECK(cudaStreamCreate(&s));
  CHECK(cudaMalloc(&din, bytes));
  CHECK(cudaMalloc(&dout, bytes));
  CHECK(cudaMemcpyAsync(din, in, bytes, cudaMemcpyHostToDevice, s));
  scale_add<<<(n + 255) / 256, 256, 0, s>>>(din, dout, n, 2.0f);
  CHECK(cudaMemcpyAsync(out, dout, bytes, cudaMemcpyDeviceToHost, s));
  CHECK(cudaStreamSynchronize(s));
  for (int i = 0; i < n; i++) errors += out[i] != 2.0f * in[i] + 1.0f;

  // zero copy: the kernel reads the mapped host buffer directly
  float *mapped;
  CHECK(cudaHostGetDevicePointer((void **)&mapped, in, 0));
  for (int i = 0; i < n; i++) in[i] = (float)(i % 77); // host writes after registering
  scale_add<<<(n + 255) / 256, 256>>>(mapped, dout, n, 3.0f);
  CHECK(cudaMemcpy(out, dout, bytes, cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; i++) errors += out[i] != 3.0f * (float)(i % 77) + 1.0f;

  CHECK(cudaHostUnregister(in));
  CHECK(cudaHostUnregister(out));
  // ordinary memory again
  CHECK(cudaMemcpy(din, out, bytes, cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(in, din, bytes, cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; i++) errors += in[i] != out[i];

  CHECK(cudaFree(din));
  CHECK(cudaFree(dout));
  CHECK(cudaStreamDestroy(s));
  free(in);
  free(out);
  return verdict("host_register", errors);
}
