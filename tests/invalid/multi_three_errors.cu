// expect: 17:22: too few arguments to function call
// expect: 18:17: no member named 'w' in 'Particle'
// expect: 19:11: redefinition of 'v'
// Three unrelated mistakes in one kernel.
struct Particle {
    float x, y, z;
};

__device__ float dist2(const Particle& a, const Particle& b)
{
    return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y);
}

__global__ void k(const Particle* p, float* out)
{
    Particle q = p[threadIdx.x];
    float d = dist2(q);
    float v = q.w;
    float v = d;
    out[threadIdx.x] = v;
}
