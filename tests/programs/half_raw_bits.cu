// __half_raw / __half2_raw and __nv_bfloat16_raw / __nv_bfloat162_raw:
// the bit patterns of half and bfloat16 values as plain structs.  A
// __device__ __half or __nv_bfloat16 may start from a raw constant (their
// constructors from raw are constexpr); kernels construct halves from raw
// structs, convert them back, and the bits must survive unchanged,
// including an infinity, a subnormal and a negative zero.
#include "common.h"
#include <cuda_fp16.h>
#include <cuda_bf16.h>

__device__ __half one = __half_raw{0x3c00};         // 1.0
__device__ __half tiny = __half_raw{0x0001};        // 2^-24, the least subnormal
__constant__ __half neg_inf = __half_raw{0xfc00};   // -infinity
__device__ __nv_bfloat16 bf_three = __nv_bfloat16_raw{0x4040};  // 3.0

struct Weights {
  __half w[2];
};
__device__ Weights weights = {{__half_raw{0x4000}, __half_raw{0x8000}}};  // 2.0, -0.0

__global__ void round_trip(const unsigned short *in, unsigned short *bits, float *values, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  __half_raw r;
  r.x = in[i];
  __half h(r);             // constructor from raw
  __half copy = r;         // implicit conversion
  __half_raw back = copy;  // and back
  bits[i] = back.x;
  values[i] = __half2float(h);
  __half2_raw r2;
  r2.x = in[i];
  r2.y = in[n - 1 - i];
  __half2 pair = r2;
  __half2_raw pair_back = __hneg2(__hneg2(pair));
  bits[n + i] = pair_back.y;
  __nv_bfloat16_raw br;
  br.x = in[i];
  __nv_bfloat16 b = br;
  __nv_bfloat16_raw bb = b;
  __nv_bfloat162_raw br2;
  br2.x = in[i];
  br2.y = 0x3f80;
  __nv_bfloat162 b2 = br2;
  __nv_bfloat162_raw bb2 = b2;
  bits[2 * n + i] = bb.x == bb2.x && bb2.y == 0x3f80 ? bb.x : 0xdead;
}

__global__ void read_constants(float *out, unsigned short *raw) {
  out[0] = __half2float(one);
  out[1] = __half2float(tiny);
  out[2] = __half2float(neg_inf);
  out[3] = __bfloat162float(bf_three);
  out[4] = __half2float(weights.w[0]);
  __half_raw z = weights.w[1];
  raw[0] = z.x;
}

int main() {
  const int n = 8;
  const unsigned short patterns[n] = {0x3c00, 0xc000, 0x7c00, 0x0001, 0x8000, 0x3555, 0x7bff, 0x0400};
  unsigned short *in, *bits, *raw;
  float *values, *out;
  CHECK(cudaMallocManaged(&in, n * sizeof *in));
  CHECK(cudaMallocManaged(&bits, 3 * n * sizeof *bits));
  CHECK(cudaMallocManaged(&values, n * sizeof *values));
  CHECK(cudaMallocManaged(&out, 5 * sizeof *out));
  CHECK(cudaMallocManaged(&raw, sizeof *raw));
  for (int i = 0; i < n; ++i) in[i] = patterns[i];
  round_trip<<<1, n>>>(in, bits, values, n);
  read_constants<<<1, 1>>>(out, raw);
  CHECK(cudaDeviceSynchronize());
  int errors = 0;
  const float want_values[n] = {1.0f, -2.0f, INFINITY, 5.9604644775390625e-8f, -0.0f,
                                0.333251953125f, 65504.0f, 6.103515625e-5f};
  for (int i = 0; i < n; ++i) {
    if (bits[i] != patterns[i] || bits[n + i] != patterns[n - 1 - i] || bits[2 * n + i] != patterns[i]) {
      printf("pattern %04x: got %04x %04x %04x\n", patterns[i], bits[i], bits[n + i], bits[2 * n + i]);
      errors++;
    }
    if (values[i] != want_values[i] || signbit(values[i]) != signbit(want_values[i])) {
      printf("pattern %04x: value %g, want %g\n", patterns[i], values[i], want_values[i]);
      errors++;
    }
  }
  const float want_out[5] = {1.0f, 5.9604644775390625e-8f, -INFINITY, 3.0f, 2.0f};
  for (int i = 0; i < 5; ++i)
    if (out[i] != want_out[i]) {
      printf("constant %d: got %g, want %g\n", i, out[i], want_out[i]);
      errors++;
    }
  if (raw[0] != 0x8000) {
    printf("negative zero constant: bits %04x\n", raw[0]);
    errors++;
  }
  CHECK(cudaFree(in));
  CHECK(cudaFree(bits));
  CHECK(cudaFree(values));
  CHECK(cudaFree(out));
  CHECK(cudaFree(raw));
  return verdict("half_raw_bits", errors);
}
