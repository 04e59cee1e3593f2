// C++ that crosses the host/device line in real programs: a kernel
// template with an enum-typed parameter launched from host code (the
// device pass instantiates `fill<Mode::Twice>` by name), a variadic host
// helper that launches kernels (HeCBench's benchmark_kernel), an explicit
// instantiation of a host function template (Rodinia's DWT), an
// `extern "C" const` host declaration, and kernels using a reduction's
// SharedMemory<T> specialization, inheritance and a lambda.
#include "common.h"
#include <sys/types.h>
#include <type_traits>
#include <utility>

enum class Mode { Twice, Square };

template <Mode M>
__global__ void fill(int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = M == Mode::Twice ? 2 * i : i * i;
}

template <class T> struct SharedMemory {
  __device__ operator T *() { extern __shared__ int smem_i[]; return (T *)smem_i; }
};
template <> struct SharedMemory<double> {
  __device__ operator double *() { extern __shared__ double smem_d[]; return (double *)smem_d; }
};

struct Accumulator { double sum = 0; __device__ void add(double v) { sum += v; } };
struct Scaled : Accumulator { double factor = 1; __device__ double value() const { return sum * factor; } };

template <class T>
__global__ void blockSum(const T *in, T *out, int n) {
  T *s = SharedMemory<T>();
  unsigned t = threadIdx.x, i = blockIdx.x * blockDim.x + t;
  s[t] = i < (unsigned)n ? in[i] : T(0);
  __syncthreads();
  for (unsigned k = blockDim.x / 2; k > 0; k /= 2) {
    if (t < k) s[t] += s[t + k];
    __syncthreads();
  }
  if (t == 0) {
    Scaled acc;
    auto twice = [&](T v) { acc.add(2 * (double)v); };
    twice(s[0]);
    acc.factor = 0.5;
    out[blockIdx.x] = (T)acc.value();
  }
}

template <class Kernel, class... Args>
void launch_n(int times, dim3 grid, dim3 block, size_t shm, Kernel kernel, Args &&...args) {
  for (int i = 0; i < times; i++) kernel<<<grid, block, shm>>>(std::forward<Args>(args)...);
}

template <typename T>
int check_sums(const T *h, int blocks, int per_block) {
  int errors = 0;
  for (int b = 0; b < blocks; b++) {
    double want = 0;
    for (int i = 0; i < per_block; i++) want += b * per_block + i;
    if (h[b] != (T)want) errors++;
  }
  return errors;
}
template int check_sums<float>(const float *, int, int);
template int check_sums<double>(const double *, int, int);

extern "C" const uint kBlocks;
const uint kBlocks = 4;

int main() {
  const int n = 256, per = 64;
  int *d_i;
  CHECK(cudaMalloc(&d_i, n * sizeof(int)));
  int errors = 0, h_i[n];
  fill<Mode::Square><<<2, 128>>>(d_i, n);
  CHECK(cudaMemcpy(h_i, d_i, sizeof h_i, cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; i++) errors += h_i[i] != i * i;
  launch_n(2, dim3(2), dim3(128), 0, fill<Mode::Twice>, d_i, n);
  CHECK(cudaMemcpy(h_i, d_i, sizeof h_i, cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; i++) errors += h_i[i] != 2 * i;

  float h_f[n], s_f[kBlocks];
  double h_d[n], s_d[kBlocks];
  for (int i = 0; i < n; i++) h_f[i] = (float)i, h_d[i] = i;
  float *d_f, *o_f;
  double *d_d, *o_d;
  CHECK(cudaMalloc(&d_f, sizeof h_f));
  CHECK(cudaMalloc(&o_f, sizeof s_f));
  CHECK(cudaMalloc(&d_d, sizeof h_d));
  CHECK(cudaMalloc(&o_d, sizeof s_d));
  CHECK(cudaMemcpy(d_f, h_f, sizeof h_f, cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(d_d, h_d, sizeof h_d, cudaMemcpyHostToDevice));
  blockSum<float><<<kBlocks, per, per * sizeof(float)>>>(d_f, o_f, n);
  blockSum<double><<<kBlocks, per, per * sizeof(double)>>>(d_d, o_d, n);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(s_f, o_f, sizeof s_f, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(s_d, o_d, sizeof s_d, cudaMemcpyDeviceToHost));
  errors += check_sums(s_f, kBlocks, per) + check_sums(s_d, kBlocks, per);
  static_assert(std::is_same<std::remove_const<const int>::type, int>::value, "traits");
  return verdict("cpp_host_device", errors);
}
