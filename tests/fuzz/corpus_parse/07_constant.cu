#define R 3
__constant__ float taps[2 * R + 1];
__device__ __managed__ int counter;
typedef unsigned long long u64;
static_assert(sizeof(u64) == 8, "u64");
__global__ void conv(const float *in, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float acc = 0.f;
  for (int k = -R; k <= R; ++k) {
    int j = min(max(i + k, 0), n - 1);
    acc = fmaf(taps[k + R], in[j], acc);
  }
  if (i < n) out[i] = acc;
  atomicAdd((u64 *)&counter, (u64)1);
}
