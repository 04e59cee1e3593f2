struct Body {
  float3 pos, vel;
  float mass;
  __device__ float3 accel_from(const Body &o) const {
    float3 d = make_float3(o.pos.x - pos.x, o.pos.y - pos.y, o.pos.z - pos.z);
    float r2 = d.x * d.x + d.y * d.y + d.z * d.z + 1e-9f;
    float inv = rsqrtf(r2);
    float s = o.mass * inv * inv * inv;
    return make_float3(d.x * s, d.y * s, d.z * s);
  }
};
__global__ void step(Body *b, int n, float dt) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float3 a = {0.f, 0.f, 0.f};
  for (int j = 0; j < n; ++j) {
    float3 f = b[i].accel_from(b[j]);
    a.x += f.x; a.y += f.y; a.z += f.z;
  }
  b[i].vel.x += a.x * dt;
}
