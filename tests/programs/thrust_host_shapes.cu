// Host code shapes from libraries such as Thrust, which cuwasm cc's host
// pass must keep and strip of CUDA qualifiers: a class template whose
// parameters have defaults, a namespace-scope `__host__ __device__`
// operator, a local class with `__host__ __device__` members inside a host
// function; then Thrust itself (device_vector, sort, sort_by_key,
// transform, reduce, sequence), which cuwasm runs on the host (Thrust's
// C++ or OpenMP system) and nvcc on the GPU; and a kernel of our own
// between Thrust calls, reading data copied from a device_vector.
#include "common.h"
#include <thrust/device_vector.h>
#include <thrust/functional.h>
#include <thrust/host_vector.h>
#include <thrust/reduce.h>
#include <thrust/sequence.h>
#include <thrust/sort.h>
#include <thrust/transform.h>

namespace shapes {
template <typename T, typename Tag = int, int Width = 4>
class Box {
 public:
  __host__ __device__ Box(T v) : v_(v) {}
  __host__ __device__ T get() const { return v_ * Width; }

 private:
  T v_;
};
struct Pair {
  int a, b;
};
__host__ __device__ inline bool operator==(const Pair &x, const Pair &y) {
  return x.a == y.a && x.b == y.b;
}
}  // namespace shapes

static int local_class_sum(int n) {
  struct Twice {
    __host__ __device__ static int of(int x) { return 2 * x; }
  };
  int s = 0;
  for (int i = 0; i < n; i++) s += Twice::of(i);
  return s;
}

struct Square {
  __host__ __device__ int operator()(int x) const { return x * x; }
};

__global__ void add_one(const int *in, int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = in[i] + 1;
}

int main() {
  int errors = 0;
  shapes::Box<int> box(3);
  shapes::Pair p{1, 2}, q{1, 2};
  if (box.get() != 12 || !(p == q) || local_class_sum(10) != 90) {
    printf("host shapes wrong\n");
    errors++;
  }
  const int n = 1000;
  thrust::host_vector<int> h(n);
  for (int i = 0; i < n; i++) h[i] = (i * 7919) % n;
  thrust::device_vector<int> d = h;
  thrust::sort(d.begin(), d.end());
  thrust::device_vector<int> keys(n), vals(n);
  thrust::sequence(keys.begin(), keys.end(), n, -1);  // n, n-1, ..., 1
  thrust::sequence(vals.begin(), vals.end());
  thrust::sort_by_key(keys.begin(), keys.end(), vals.begin());
  thrust::device_vector<int> sq(n);
  thrust::transform(d.begin(), d.end(), sq.begin(), Square());
  long long sum = thrust::reduce(sq.begin(), sq.end(), 0LL, thrust::plus<long long>());
  thrust::host_vector<int> sorted = d, kv = vals;
  for (int i = 0; i < n; i++) {
    if (sorted[i] != i && errors++ < 5) printf("sorted[%d] = %d\n", i, sorted[i]);
    if (kv[i] != n - 1 - i && errors++ < 5) printf("vals[%d] = %d\n", i, kv[i]);
  }
  long long want = (long long)(n - 1) * n * (2 * n - 1) / 6;
  if (sum != want) {
    printf("sum of squares %lld, expected %lld\n", sum, want);
    errors++;
  }
  // our own kernel on memory of our own, fed from Thrust's result
  int *d_in, *d_out;
  CHECK(cudaMalloc(&d_in, n * sizeof(int)));
  CHECK(cudaMalloc(&d_out, n * sizeof(int)));
  CHECK(cudaMemcpy(d_in, sorted.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  add_one<<<(n + 127) / 128, 128>>>(d_in, d_out, n);
  CHECK(cudaGetLastError());
  thrust::host_vector<int> back(n);
  CHECK(cudaMemcpy(back.data(), d_out, n * sizeof(int), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; i++)
    if (back[i] != i + 1 && errors++ < 5) printf("back[%d] = %d\n", i, back[i]);
  return verdict("thrust_host_shapes", errors);
}
