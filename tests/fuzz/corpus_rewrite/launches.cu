__global__ void scale(float *x, float a, int n) { int i = threadIdx.x; if (i < n) x[i] *= a; }
template <typename T, int B> __global__ void reduce(const T *in, T *out) {}
__device__ float helper(float v) { return v * 2; }
__constant__ float coeffs[16];
__device__ int counter;
#define LAUNCH(k, g, b, ...) k<<<g, b>>>(__VA_ARGS__)
int main() {
  float *d = 0; cudaStream_t s = 0;
  scale<<<4, 256>>>(d, 2.0f, 1000);
  scale << < dim3(4), dim3(256), 0, s >> > (d, 2.0f, 1000);
  reduce<float, 256><<<1, 256, 256 * sizeof(float)>>>(d, d);
  LAUNCH(scale, 1, 32, d, 1.0f, 32);
  scale<<<
    8,
    128>>>(d, 3.0f, 1024);
  return 0;
}
