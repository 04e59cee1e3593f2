// jit100.cu — a ~100-line kernel for bench_cpu's JIT figures (cold
// compile into an empty cache, and a load from the cache): device
// functions, a struct, loops, a switch, shared memory and barriers.

struct Stats {
    float sum, sumsq, lo, hi;
};

__device__ inline float clampf(float v, float lo, float hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

__device__ float poly(float x, int degree)
{
    float r = 0.0f, p = 1.0f;
    for (int k = 0; k <= degree; ++k) {
        r += p / (float)(k + 1);
        p *= x;
    }
    return r;
}

__device__ float transform(float v, int mode)
{
    switch (mode) {
    case 0: return v * v;
    case 1: return sqrtf(fabsf(v));
    case 2: return expf(-v * v);
    case 3: return logf(1.0f + fabsf(v));
    case 4: return sinf(v) * cosf(v);
    default: return v;
    }
}

__device__ void accumulate(Stats& s, float v)
{
    s.sum += v;
    s.sumsq += v * v;
    s.lo = fminf(s.lo, v);
    s.hi = fmaxf(s.hi, v);
}

__device__ Stats merge(Stats a, Stats b)
{
    Stats r;
    r.sum = a.sum + b.sum;
    r.sumsq = a.sumsq + b.sumsq;
    r.lo = fminf(a.lo, b.lo);
    r.hi = fmaxf(a.hi, b.hi);
    return r;
}

__global__ void analyse(const float* in, float* out, float* stats, int n, int mode, int degree)
{
    __shared__ float sSum[256];
    __shared__ float sSq[256];
    __shared__ float sLo[256];
    __shared__ float sHi[256];
    int t = threadIdx.x;
    Stats s;
    s.sum = 0.0f;
    s.sumsq = 0.0f;
    s.lo = 1e30f;
    s.hi = -1e30f;
    for (int i = blockIdx.x * blockDim.x + t; i < n; i += blockDim.x * gridDim.x) {
        float v = transform(in[i], mode);
        v = clampf(v + poly(v, degree), -100.0f, 100.0f);
        out[i] = v;
        accumulate(s, v);
    }
    sSum[t] = s.sum;
    sSq[t] = s.sumsq;
    sLo[t] = s.lo;
    sHi[t] = s.hi;
    __syncthreads();
    for (int k = blockDim.x / 2; k > 0; k >>= 1) {
        if (t < k) {
            Stats a, b;
            a.sum = sSum[t]; a.sumsq = sSq[t]; a.lo = sLo[t]; a.hi = sHi[t];
            b.sum = sSum[t + k]; b.sumsq = sSq[t + k]; b.lo = sLo[t + k]; b.hi = sHi[t + k];
            Stats m = merge(a, b);
            sSum[t] = m.sum;
            sSq[t] = m.sumsq;
            sLo[t] = m.lo;
            sHi[t] = m.hi;
        }
        __syncthreads();
    }
    if (t == 0) {
        float* o = stats + 4 * blockIdx.x;
        o[0] = sSum[0];
        o[1] = sSq[0];
        o[2] = sLo[0];
        o[3] = sHi[0];
        atomicAdd(&stats[4 * gridDim.x], sSum[0]);
    }
}
