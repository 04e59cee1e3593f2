// Particles as a structure of arrays passed by value to the kernel, with
// an array-of-structures copy for the host reference.
#include "common.h"
#include <cmath>

struct Particles {
  float *x, *y, *vx, *vy;
  int n;
};

struct P { float x, y, vx, vy; };

__global__ void step(Particles p, float dt, float g) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= p.n) return;
  p.vy[i] -= g * dt;
  p.x[i] += p.vx[i] * dt;
  p.y[i] += p.vy[i] * dt;
  if (p.y[i] < 0.0f) { p.y[i] = -p.y[i]; p.vy[i] = -p.vy[i] * 0.9f; }
}

int main() {
  const int n = 5000, steps = 50;
  const float dt = 0.01f, g = 9.81f;
  P *ref = new P[n];
  Particles d;
  d.n = n;
  float **fields[4] = {&d.x, &d.y, &d.vx, &d.vy};
  for (int f = 0; f < 4; ++f) CHECK(cudaMalloc(fields[f], n * sizeof(float)));
  float *tmp = new float[n];
  for (int i = 0; i < n; ++i) ref[i] = P{(float)i, 1.0f + (i % 10), 1.0f, 0.0f};
  for (int f = 0; f < 4; ++f) {
    for (int i = 0; i < n; ++i) tmp[i] = ((float *)&ref[i])[f];
    CHECK(cudaMemcpy(*fields[f], tmp, n * sizeof(float), cudaMemcpyHostToDevice));
  }
  for (int s = 0; s < steps; ++s) step<<<(n + 127) / 128, 128>>>(d, dt, g);
  CHECK(cudaGetLastError());
  for (int s = 0; s < steps; ++s)
    for (int i = 0; i < n; ++i) {
      P &q = ref[i];
      q.vy -= g * dt;
      q.x += q.vx * dt;
      q.y += q.vy * dt;
      if (q.y < 0.0f) { q.y = -q.y; q.vy = -q.vy * 0.9f; }
    }
  int errors = 0;
  for (int f = 0; f < 4; ++f) {
    CHECK(cudaMemcpy(tmp, *fields[f], n * sizeof(float), cudaMemcpyDeviceToHost));
    for (int i = 0; i < n; ++i) errors += fabsf(tmp[i] - ((float *)&ref[i])[f]) > 1e-3f;
    CHECK(cudaFree(*fields[f]));
  }
  delete[] tmp;
  delete[] ref;
  return verdict("struct_of_arrays", errors);
}
