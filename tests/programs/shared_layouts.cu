// Data that host and device code share must have one layout on both
// sides, whatever the host's data model: nvcc's device code follows its
// host's (LP64 on Linux; a web build's host code is ILP32, where long and
// pointers are 4 bytes).  Structs mixing pointers, long, int64_t, size_t
// and doubles go to a kernel by value and through __constant__ memory
// (cudaMemcpyToSymbol), arrays of long and size_t through global memory,
// and the device reports the sizes and offsets it sees, which the host
// checks against its own.
#include "common.h"
#include <cstddef>
#include <cstdint>

struct Mixed {
  char tag;
  float *values;   // device pointer
  long count;      // long: the host's width
  int64_t big;     // 64 bits on every host
  size_t bytes;
  double scale;
  const long *offsets;
  short small;
};

struct Tables {
  const float *a, *b;
  long n;
  unsigned long mask;
};

__constant__ Tables c_tables;

// sizes and offsets as the device code lays them out
__global__ void layout(long *out) {
  Mixed m;
  const char *base = (const char *)&m;
  out[0] = sizeof(long);
  out[1] = sizeof(void *);
  out[2] = sizeof(size_t);
  out[3] = sizeof(Mixed);
  out[4] = (const char *)&m.count - base;
  out[5] = (const char *)&m.big - base;
  out[6] = (const char *)&m.scale - base;
  out[7] = (const char *)&m.offsets - base;
  out[8] = (const char *)&m.small - base;
  out[9] = sizeof(Tables);
}

// every field of a by-value struct, used
__global__ void gather(Mixed m, double *out) {
  long i = blockIdx.x * (long)blockDim.x + threadIdx.x;
  if (i >= m.count) return;
  out[i] = m.scale * m.values[m.offsets[i]] + (double)(m.big >> 32) + (double)m.bytes + m.tag +
           m.small;
}

// a struct of pointers in __constant__ memory, as Rodinia's heartwall has
__global__ void blend(float *out) {
  long i = blockIdx.x * (long)blockDim.x + threadIdx.x;
  if (i < c_tables.n) out[i] = c_tables.a[i & c_tables.mask] + 2.0f * c_tables.b[i];
}

// arrays of long and size_t written on one side, read on the other
__global__ void widen(const long *in, size_t *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = (size_t)(in[i] * 3 + 1);
}

int main() {
  int errors = 0;
  Mixed host_m;
  const char *hb = (const char *)&host_m;
  long want[10] = {(long)sizeof(long), (long)sizeof(void *), (long)sizeof(size_t),
                   (long)sizeof(Mixed), (long)((const char *)&host_m.count - hb),
                   (long)((const char *)&host_m.big - hb), (long)((const char *)&host_m.scale - hb),
                   (long)((const char *)&host_m.offsets - hb), (long)((const char *)&host_m.small - hb),
                   (long)sizeof(Tables)};
  long *d_layout, got[10];
  CHECK(cudaMalloc(&d_layout, sizeof got));
  layout<<<1, 1>>>(d_layout);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(got, d_layout, sizeof got, cudaMemcpyDeviceToHost));
  for (int i = 0; i < 10; i++)
    if (got[i] != want[i]) {
      printf("layout[%d]: device %ld, host %ld\n", i, got[i], want[i]);
      errors++;
    }

  const int n = 1000;
  float *values, *b, *fout;
  long *offsets, *lin;
  double *dout;
  size_t *sout;
  CHECK(cudaMallocManaged(&values, n * sizeof(float)));
  CHECK(cudaMallocManaged(&b, n * sizeof(float)));
  CHECK(cudaMallocManaged(&fout, n * sizeof(float)));
  CHECK(cudaMallocManaged(&offsets, n * sizeof(long)));
  CHECK(cudaMallocManaged(&lin, n * sizeof(long)));
  CHECK(cudaMallocManaged(&dout, n * sizeof(double)));
  CHECK(cudaMallocManaged(&sout, n * sizeof(size_t)));
  for (int i = 0; i < n; i++) {
    values[i] = (float)i;
    b[i] = 0.5f * i;
    offsets[i] = n - 1 - i;
    lin[i] = -i;
  }
  Mixed m = {7, values, n, (int64_t)5 << 32, 12345, 0.25, offsets, -3};
  gather<<<(n + 127) / 128, 128>>>(m, dout);
  Tables t = {values, b, n, 255};
  CHECK(cudaMemcpyToSymbol(c_tables, &t, sizeof t));
  blend<<<(n + 127) / 128, 128>>>(fout);
  widen<<<(n + 127) / 128, 128>>>(lin, sout, n);
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());
  int wrong[3] = {0, 0, 0};
  for (int i = 0; i < n; i++) {
    double g = 0.25 * (n - 1 - i) + 5.0 + 12345.0 + 7 - 3;
    wrong[0] += dout[i] != g;
    wrong[1] += fout[i] != (float)(i & 255) + 2.0f * (0.5f * i);
    wrong[2] += sout[i] != (size_t)(-3L * i + 1);
  }
  const char *what[3] = {"struct by value", "struct in __constant__", "arrays of long and size_t"};
  for (int k = 0; k < 3; k++)
    if (wrong[k]) {
      printf("%s: %d of %d values wrong\n", what[k], wrong[k], n);
      errors++;
    }
  CHECK(cudaFree(values));
  CHECK(cudaFree(b));
  CHECK(cudaFree(fout));
  CHECK(cudaFree(offsets));
  CHECK(cudaFree(lin));
  CHECK(cudaFree(dout));
  CHECK(cudaFree(sout));
  CHECK(cudaFree(d_layout));
  return verdict("shared_layouts", errors);
}
