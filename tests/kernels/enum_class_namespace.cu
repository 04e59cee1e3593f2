// enum_class_namespace.cu: exercises enum class with an underlying type,
// static_cast to and from it, nested namespaces, `using namespace`, a
// namespace-qualified device function and constant, and anonymous namespaces.
// launch: activate --grid 4 --block 256 f32[1024]=rand:151 f32[1024]=zeros i32:1024 i32:2
// launch: ml::kernels::countKinds --grid 1 --block 256 i32[256]=iota u32[4]=zeros
#include <cuda_runtime.h>

enum class Activation : int { Identity = 0, Relu = 1, LeakyRelu = 2, Tanh = 3 };

namespace ml {
namespace detail {
constexpr float kLeakSlope = 0.01f;

__device__ float apply(Activation a, float x)
{
    switch (a) {
    case Activation::Relu: return x > 0.0f ? x : 0.0f;
    case Activation::LeakyRelu: return x > 0.0f ? x : kLeakSlope * x;
    case Activation::Tanh: return tanhf(x);
    case Activation::Identity:
    default: return x;
    }
}
} // namespace detail

namespace kernels {
enum class Kind : unsigned char { Zero, Small, Medium, Large };

__device__ Kind kindOf(int v)
{
    if (v == 0) return Kind::Zero;
    if (v < 16) return Kind::Small;
    return v < 128 ? Kind::Medium : Kind::Large;
}

__global__ void countKinds(const int* v, unsigned int* counts)
{
    Kind k = kindOf(v[threadIdx.x]);
    atomicAdd(&counts[static_cast<int>(k)], 1u);
}
} // namespace kernels
} // namespace ml

namespace {
__device__ float shift(float x) { return x - 0.5f; }
}

using namespace ml;

__global__ void activate(const float* in, float* out, int n, int act)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        Activation a = static_cast<Activation>(act);
        out[i] = detail::apply(a, shift(in[i]));
    }
}
