// Template kernels instantiated with integer types that C++ tells apart
// but that have the same size (long / long long, char / signed char,
// typedefs of them), and with scoped enumerators as arguments (the host
// names them E::A, the device by value): each launch must find its kernel
// and compute with the right type.
#include "common.h"
#include <cstdint>

template <typename T, int N>
__global__ void iota(T *a) { a[threadIdx.x] = (T)(N + threadIdx.x); }

template <typename T>
__global__ void neg(T *a) { a[threadIdx.x] = (T)(-1 - (int)threadIdx.x); }

typedef long my_long;

enum class Mode { ADD, MUL };

template <typename T, Mode M>
__global__ void apply(T *a, T v) {
  if (M == Mode::ADD) a[threadIdx.x] += v;
  else a[threadIdx.x] *= v;
}

static int run_modes() {
  int *a;
  CHECK(cudaMallocManaged(&a, 4 * sizeof(int)));
  for (int i = 0; i < 4; i++) a[i] = i;
  apply<int, Mode::ADD><<<1, 4>>>(a, 3);
  apply<int, Mode::MUL><<<1, 4>>>(a, 2);
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());
  int errors = 0;
  for (int i = 0; i < 4; i++) errors += a[i] != (i + 3) * 2;
  CHECK(cudaFree(a));
  return errors;
}

template <typename T>
static int run_iota(const char *name) {
  T *a;
  CHECK(cudaMallocManaged(&a, 8 * sizeof(T)));
  iota<T, 5><<<1, 8>>>(a);
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());
  int errors = 0;
  for (int i = 0; i < 8; i++) errors += a[i] != (T)(5 + i);
  if (errors) printf("iota<%s>: wrong\n", name);
  CHECK(cudaFree(a));
  return errors;
}

template <typename T>
static int run_neg(const char *name) {
  T *a;
  CHECK(cudaMallocManaged(&a, 8 * sizeof(T)));
  neg<T><<<1, 8>>>(a);
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());
  int errors = 0;
  for (int i = 0; i < 8; i++) errors += a[i] != (T)(-1 - i);
  if (errors) printf("neg<%s>: wrong\n", name);
  CHECK(cudaFree(a));
  return errors;
}

int main() {
  int errors = 0;
  errors += run_iota<long>("long") + run_iota<long long>("long long");
  errors += run_iota<unsigned long>("unsigned long") + run_iota<my_long>("my_long");
  errors += run_iota<int64_t>("int64_t") + run_iota<uint64_t>("uint64_t");
  errors += run_neg<char>("char") + run_neg<signed char>("signed char");
  errors += run_neg<unsigned char>("unsigned char") + run_neg<short>("short");
  errors += run_neg<long>("long") + run_neg<long long>("long long");
  errors += run_modes();
  return verdict("template_int_types", errors);
}
