// cpp_variadic.cu: exercises variadic function templates in device code:
// a recursion over a pack ended by a non-variadic overload, sizeof...,
// unary and binary folds, a pack expanded into a call's arguments and
// forwarded with std::forward, a pack of mixed types, a printf wrapper;
// a program's own max template beside CUDA's max (mixed double/float
// arguments fall back to CUDA's overloads, as with nvcc).
// launch: variadicKernel --grid 2 --block 64 i32[128]=iota i32[128]=zeros
#include <utility>
#include <cstdio>

template <typename T> __device__ T total(T a) { return a; }
template <typename T, typename... Ts> __device__ T total(T a, Ts... rest) { return a + total(rest...); }

template <typename... Ts> __device__ int count(Ts... xs) { return (int)sizeof...(Ts); }
template <typename... Ts> __device__ int product(Ts... xs) { return (xs * ...); }
template <typename... Ts> __device__ int sumPlus(Ts... xs) { return (xs + ... + 100); }
template <typename... Ts> __device__ bool allSet(Ts... xs) { return (... && xs); }

template <class T> __device__ T max(const T &lhs, const T &rhs) { return lhs < rhs ? rhs : lhs; }

struct Weigh {
    __device__ int operator()(int a, float b, int c) const { return a * 100 + (int)b * 10 + c; }
};
template <typename F, typename... Args> __device__ int invoke(F f, Args &&...args) { return f(std::forward<Args>(args)...); }

template <typename... Args> __device__ void report(const char *fmt, Args... args) { printf(fmt, args...); }

__global__ void variadicKernel(const int *in, int *out)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int v = in[i] % 7;
    int a = total(v, 1, 2) * 1000000;                  // v + 3
    a += count(v, 1.5f, 'c', 2.0) * 100000;            // 4
    a += product(v, 2, 3) * 1000;                      // 6v
    a += sumPlus(v, 1) + allSet(v, 1) * 10;            // v + 101, v != 0
    a += invoke(Weigh(), 1, 2.5f, v);                  // 120 + v (temporaries forwarded)
    a += max(v, 5) * 10000000 + (int)max(0.5, 2.0f);    // ours, then CUDA's max(double, float)
    out[i] = a;
    if (i == 0) report("variadic %d %d\n", total(1, 2, 3), count());
}
