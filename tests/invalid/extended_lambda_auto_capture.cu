// An extended __device__ lambda capturing a host variable declared
// `auto` from a host call: the device pass cannot tell its type.
#include <cstdlib>
template <typename F> __global__ void apply(int n, F f) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) f(i);
}
int main() {
  float *x = 0;
  auto scale = atof("2.5");
  apply<<<1, 32>>>(32, [=] __device__(int i) { x[i] = scale * i; });
  // expect: 11:55: cannot tell the type of 'scale', captured by the extended __device__ lambda at 11:24
  return 0;
}
