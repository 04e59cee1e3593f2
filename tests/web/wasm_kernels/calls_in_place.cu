// calls_in_place.cu: calls of short device functions, which the wasm
// target emits in place of the call (src/emit/wasm_inline.c), compared
// with the CPU backend by ctest wasm_kernels: a reference bound to a
// temporary (its address taken), a parameter whose address is taken and
// written through, aggregates in and out, a void function of several
// statements, nested calls, an argument with a side effect evaluated once,
// and a function with an early return (a call, not in place).
// launch: inPlace --grid 2 --block 64 f32[128]=iota:-8:0.25 i32[1024]=zeros
#include <cuda_runtime.h>

struct Pair {
  float lo, hi;
  __device__ float lower() const { return lo; }
  __device__ float upper() const { return hi; }
};

__device__ float larger(float a, float b) { return a > b ? a : b; }

__device__ Pair make(float a, float b) {
  float const &l = larger(b, a) == a ? b : a; /* a reference to a temporary */
  float const &u = larger(a, b);
  return Pair{l, u};
}

__device__ float span(Pair p) { return p.upper() - p.lower(); }

__device__ int bump(int v) {
  int *p = &v;
  *p += 3;
  return *p * 2;
}

__device__ void store2(int *out, int i, int a, int b) {
  out[i] = a;
  out[i + 1] = b;
}

__device__ int clampOrZero(int v) {
  if (v < 0) return 0;
  return v > 100 ? 100 : v;
}

__global__ void inPlace(const float *x, int *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  Pair p = make(x[i], -x[i] * 0.5f);
  out[8 * i] = (int)(span(p) * 16.0f);
  out[8 * i + 1] = (int)(make(span(p), p.lower()).upper() * 16.0f);
  out[8 * i + 2] = bump(i);
  int k = i;
  out[8 * i + 3] = bump(k++); /* once */
  out[8 * i + 4] = k;
  store2(out, 8 * i + 5, clampOrZero(i - 40), bump(bump(i)));
  out[8 * i + 7] = clampOrZero((int)x[i] * 30);
}
