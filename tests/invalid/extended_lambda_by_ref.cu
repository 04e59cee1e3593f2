// An extended __device__ lambda in host code that captures host locals by
// reference: the device cannot reach them (nvcc rejects it too).
template <typename F> __global__ void apply(int n, F f) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) f(i);
}
int main() {
  float *x = 0;
  float a = 2.0f;
  apply<<<1, 32>>>(32, [&] __device__(int i) { x[i] = a; });
  // expect: 10:25: capture by reference in the extended __device__ lambda at 10:24
  return 0;
}
