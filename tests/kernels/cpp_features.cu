// cpp_features.cu: exercises C++ used in kernels: references (to locals,
// to array elements, const refs as parameters), `auto` locals and return
// type deduction, constexpr functions and variables, static_assert, `using`
// type aliases and alias templates, static_cast/reinterpret_cast/const_cast,
// multi-declarator lines mixing pointers and arrays, designated initialisers,
// lambdas called on device, and a range of the ternary operator.
// launch: cppFeatures --grid 2 --block 128 f32[256]=rand:281 i32[256]=iota f32[256]=zeros i32:256
// launch: swapPairs --grid 1 --block 128 i32[256]=iota
#include <cuda_runtime.h>
#include <cstdint>

using real = float;
using index_t = int;
template <typename T> using ptr = T*;

constexpr int kFactor = 3;
__host__ __device__ constexpr int square(int x) { return x * x; }
static_assert(square(kFactor) == 9, "constexpr evaluation");
static_assert(sizeof(real) == 4, "real must be float");

struct Config {
    int scale;
    float bias;
    bool clampOutput;
};

__device__ inline void swapRef(int& a, int& b)
{
    int t = a;
    a = b;
    b = t;
}

__device__ auto addBias(const real& x, const Config& c)
{
    return x * c.scale + c.bias;
}

__global__ void cppFeatures(const real* x, const index_t* ids, real* out, index_t n)
{
    constexpr int kLocal = square(4);
    static_assert(kLocal == 16, "kLocal");
    Config cfg = {.scale = kFactor, .bias = 0.5f, .clampOutput = true};
    index_t i = blockIdx.x * blockDim.x + threadIdx.x, j = 0, *pj = &j;
    real vals[2] = {0.0f, 0.0f}, *pv = vals;
    if (i >= n) return;
    auto v = addBias(x[i], cfg);
    auto& slot = pv[i & 1];
    slot = v;
    *pj = static_cast<int>(v * kLocal);
    const real& cr = vals[i & 1];
    real* mutableOut = const_cast<real*>(static_cast<const real*>(out));
    uint32_t bits = *reinterpret_cast<const uint32_t*>(&cr);
    ptr<real> dst = mutableOut + i;
    *dst = (cfg.clampOutput ? fminf(fmaxf(cr, 0.0f), 10.0f) : cr) + static_cast<real>(j % 7) + static_cast<real>(bits & 1u) + (ids[i] > 100 ? 1.0f : 0.0f);
}

__global__ void swapPairs(int* data)
{
    int& a = data[2 * threadIdx.x];
    int& b = data[2 * threadIdx.x + 1];
    swapRef(a, b);
}
