// cpp_lambdas.cu: exercises lambda expressions in device code: capture by
// copy ([=], [name]) and by reference ([&], a __shared__ array), an
// explicit return type, no parameter list, a lambda passed to device
// function templates (called once and in a loop), a lambda stored in
// `auto` and called several times, a lambda across __syncthreads().
// launch: lambdaKernel --grid 2 --block 64 i32[128]=iota i32[128]=zeros
template <typename F> __device__ int apply(F f, int x) { return f(x); }
template <typename F> __device__ void forEach(int n, F f) { for (int i = 0; i < n; i++) f(i); }

__global__ void lambdaKernel(const int *in, int *out)
{
    __shared__ int tile[64];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int base = in[i];
    int acc = 0;
    auto addBase = [=](int x) { return x + base; };
    auto accumulate = [&](int x) { acc += x; };
    auto square = [](int x) -> int { return x * x; };
    forEach(4, accumulate);                 // 0 + 1 + 2 + 3
    accumulate(apply(addBase, 10));         // 10 + base
    tile[threadIdx.x] = base;
    __syncthreads();
    auto neighbour = [&] { return tile[(threadIdx.x + 1) % 64]; };
    out[i] = acc * 1000 + square(3) * 10 + neighbour() + apply([base](int¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶¶ y) { return y * base; }, 2) * 100000;
}
// expect: 24:70: cannot tell the type of member
