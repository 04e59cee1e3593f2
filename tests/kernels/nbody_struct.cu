// nbody_struct.cu: exercises a struct Body with member functions (const and
// non-const), a constructor, a Vec3 struct with operator overloads, passing
// structs by reference and by value, and arrays of structs in shared memory.
// launch: nbodyStep --grid 2 --block 64 f32[896]=rand:51 f32[896]=zeros i32:128 f32:0.01 f32:0.05
#include <cuda_runtime.h>

struct Vec3 {
    float x, y, z;
    Vec3() = default;
    __host__ __device__ Vec3(float x_, float y_, float z_) : x(x_), y(y_), z(z_) {}
    __host__ __device__ Vec3 operator+(const Vec3& o) const { return Vec3(x + o.x, y + o.y, z + o.z); }
    __host__ __device__ Vec3 operator-(const Vec3& o) const { return Vec3(x - o.x, y - o.y, z - o.z); }
    __host__ __device__ Vec3 operator*(float s) const { return Vec3(x * s, y * s, z * s); }
    __host__ __device__ Vec3& operator+=(const Vec3& o) { x += o.x; y += o.y; z += o.z; return *this; }
    __host__ __device__ float dot(const Vec3& o) const { return x * o.x + y * o.y + z * o.z; }
};

struct Body {
    Vec3 pos;
    Vec3 vel;
    float mass;

    __device__ void load(const float* p)
    {
        pos = Vec3(p[0], p[1], p[2]);
        vel = Vec3(p[3], p[4], p[5]);
        mass = p[6];
    }
    __device__ void store(float* p) const
    {
        p[0] = pos.x; p[1] = pos.y; p[2] = pos.z;
        p[3] = vel.x; p[4] = vel.y; p[5] = vel.z;
        p[6] = mass;
    }
    __device__ Vec3 pullFrom(const Body& other, float eps2) const
    {
        Vec3 d = other.pos - pos;
        float r2 = d.dot(d) + eps2;
        float inv = rsqrtf(r2);
        return d * (other.mass * inv * inv * inv);
    }
    __device__ void advance(const Vec3& acc, float dt)
    {
        vel += acc * dt;
        pos += vel * dt;
    }
};

// Each body is 7 floats: pos xyz, vel xyz, mass.
__global__ void nbodyStep(const float* in, float* out, int n, float dt, float eps)
{
    __shared__ Body tile[64];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    Body me{};
    if (i < n) me.load(in + 7 * i);
    Vec3 acc(0.f, 0.f, 0.f);
    for (int base = 0; base < n; base += blockDim.x) {
        int j = base + threadIdx.x;
        if (j < n) tile[threadIdx.x].load(in + 7 * j);
        __syncthreads();
        int count = min((int)blockDim.x, n - base);
        for (int k = 0; k < count; ++k)
            acc += me.pullFrom(tile[k], eps * eps);
        __syncthreads();
    }
    if (i < n) {
        me.advance(acc, dt);
        me.store(out + 7 * i);
    }
}
