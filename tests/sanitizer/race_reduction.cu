// racecheck: a tree reduction whose barrier sits outside the loop, so
// each step reads partial sums other threads are still writing.
// CHECK: racecheck
// expect: Race reported between (Write and Read|Read and Write|Write and Write) accesses
// expect: race_reduction.cu:14:.* in kernel 'reduce'
#include <cstdio>

__global__ void reduce(const float *in, float *out) {
  __shared__ float s[128];
  int t = threadIdx.x;
  s[t] = in[blockIdx.x * 128 + t];
  __syncthreads();
  for (int stride = 64; stride > 0; stride /= 2)
    if (t < stride) s[t] += s[t + stride];   // no barrier per step
  __syncthreads();
  if (t == 0) out[blockIdx.x] = s[0];
}

int main() {
  float *in, *out;
  cudaMalloc(&in, 512 * sizeof(float));
  cudaMalloc(&out, 4 * sizeof(float));
  cudaMemset(in, 0, 512 * sizeof(float));
  reduce<<<4, 128>>>(in, out);
  cudaDeviceSynchronize();
  cudaFree(in);
  cudaFree(out);
  printf("done\n");
  return 0;
}
