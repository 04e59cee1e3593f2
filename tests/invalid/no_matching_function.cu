// expect: 12:24: no matching function for call to 'norm'
// No overload of a user function accepts a struct argument.
struct Vec2 {
    float x, y;
};

__device__ float norm(float x) { return fabsf(x); }
__device__ float norm(const float* v, int n) { return v[0] * n; }

__global__ void lengths(const Vec2* v, float* out)
{
    out[threadIdx.x] = norm(v[threadIdx.x]);
}
