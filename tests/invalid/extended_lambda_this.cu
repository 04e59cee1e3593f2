// An extended __device__ lambda in a host member function that uses a
// member: it captures `this`, a host pointer.
template <typename F> __global__ void apply(int n, F f) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) f(i);
}
struct Scaler {
  float *data;
  float factor;
  void run(int n) { apply<<<1, 32>>>(n, [=] __device__(int i) { data[i] *= 2.0f; }); }
  // expect: 10:65: using member 'data' in the extended __device__ lambda at 10:41 captures 'this'
};
int main() { return 0; }
