// All-pairs n-body accelerations with float4 positions (w = mass) and a
// softening term, tiled through shared memory as in GPU Gems 3.
#include "common.h"
#include <cmath>
#include <vector>

#define TB 64
__device__ float3 interact(float4 bi, float4 bj, float3 a) {
  float3 r = make_float3(bj.x - bi.x, bj.y - bi.y, bj.z - bi.z);
  float d2 = r.x * r.x + r.y * r.y + r.z * r.z + 0.01f;
  float inv = rsqrtf(d2);
  float s = bj.w * inv * inv * inv;
  a.x += r.x * s; a.y += r.y * s; a.z += r.z * s;
  return a;
}

__global__ void accel(const float4 *pos, float3 *acc, int n) {
  __shared__ float4 tile[TB];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float4 me = i < n ? pos[i] : make_float4(0, 0, 0, 0);
  float3 a = make_float3(0, 0, 0);
  for (int t = 0; t < (n + TB - 1) / TB; ++t) {
    int j = t * TB + threadIdx.x;
    tile[threadIdx.x] = j < n ? pos[j] : make_float4(0, 0, 0, 0);
    __syncthreads();
    for (int k = 0; k < TB; ++k) a = interact(me, tile[k], a);
    __syncthreads();
  }
  if (i < n) acc[i] = a;
}

int main() {
  const int n = 1000;
  std::vector<float4> p(n);
  for (int i = 0; i < n; ++i)
    p[i] = make_float4(cosf(i * 0.1f) * i * 0.01f, sinf(i * 0.1f) * i * 0.01f, (i % 10) * 0.1f, 1.0f + (i % 3));
  float4 *dp;
  float3 *da;
  CHECK(cudaMalloc(&dp, n * sizeof(float4)));
  CHECK(cudaMalloc(&da, n * sizeof(float3)));
  CHECK(cudaMemcpy(dp, p.data(), n * sizeof(float4), cudaMemcpyHostToDevice));
  accel<<<(n + TB - 1) / TB, TB>>>(dp, da, n);
  std::vector<float3> a(n);
  CHECK(cudaMemcpy(a.data(), da, n * sizeof(float3), cudaMemcpyDeviceToHost));
  int errors = sizeof(float3) != 12 || sizeof(float4) != 16;
  for (int i = 0; i < n; i += 7) {
    double ax = 0, ay = 0, az = 0;
    for (int j = 0; j < n; ++j) {
      double rx = p[j].x - p[i].x, ry = p[j].y - p[i].y, rz = p[j].z - p[i].z;
      double d2 = rx * rx + ry * ry + rz * rz + 0.01;
      double s = p[j].w / (d2 * sqrt(d2));
      ax += rx * s, ay += ry * s, az += rz * s;
    }
    double err = fabs(ax - a[i].x) + fabs(ay - a[i].y) + fabs(az - a[i].z);
    double mag = fabs(ax) + fabs(ay) + fabs(az) + 1.0;
    errors += err > 1e-3 * mag;
  }
  CHECK(cudaFree(dp));
  CHECK(cudaFree(da));
  return verdict("nbody", errors);
}
