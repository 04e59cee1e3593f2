// float3_ops.cu: exercises user-defined operator overloads on the CUDA vector
// types float3/float2 (+, -, *, +=, unary -), inline dot/cross/normalize
// helpers, make_float3, and structs returned by value.
// launch: reflectRays --grid 4 --block 256 f32[3072]=rand:271 f32[3072]=rand:272 f32[3072]=zeros i32:1024
// launch: rotate2d --grid 2 --block 256 f32[1024]=rand:273 f32[1024]=zeros i32:512 f32:0.7
#include <cuda_runtime.h>

__host__ __device__ inline float3 operator+(float3 a, float3 b) { return make_float3(a.x + b.x, a.y + b.y, a.z + b.z); }
__host__ __device__ inline float3 operator-(float3 a, float3 b) { return make_float3(a.x - b.x, a.y - b.y, a.z - b.z); }
__host__ __device__ inline float3 operator-(float3 a) { return make_float3(-a.x, -a.y, -a.z); }
__host__ __device__ inline float3 operator*(float3 a, float s) { return make_float3(a.x * s, a.y * s, a.z * s); }
__host__ __device__ inline float3 operator*(float s, float3 a) { return a * s; }
__host__ __device__ inline float3& operator+=(float3& a, float3 b) { a.x += b.x; a.y += b.y; a.z += b.z; return a; }
__host__ __device__ inline float dot(float3 a, float3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
__host__ __device__ inline float3 cross(float3 a, float3 b)
{
    return make_float3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x);
}
__device__ inline float3 normalize(float3 v) { return v * rsqrtf(dot(v, v) + 1e-12f); }

__host__ __device__ inline float2 operator*(float2 a, float2 b) { return make_float2(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x); }

__global__ void reflectRays(const float* dirs, const float* normals, float* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float3 d = make_float3(dirs[3 * i], dirs[3 * i + 1], dirs[3 * i + 2]);
    float3 nrm = normalize(make_float3(normals[3 * i], normals[3 * i + 1], normals[3 * i + 2]) - make_float3(0.5f, 0.5f, 0.5f));
    float3 r = d - 2.0f * dot(d, nrm) * nrm;
    r += cross(nrm, d) * 0.0f;
    r = -(-r);
    out[3 * i] = r.x;
    out[3 * i + 1] = r.y;
    out[3 * i + 2] = r.z;
}

// Complex multiply of each point by (cos t, sin t).
__global__ void rotate2d(const float2* pts, float2* out, int n, float t)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = pts[i] * make_float2(cosf(t), sinf(t));
}
