// cpp_classes.cu: exercises class features of C++ in device code that
// real programs use: default member initializers (in aggregates, brace
// lists, default-initialized objects and constructors that override
// them), a constructor's braced member initializers used before the
// members are declared, members of a class template defined outside the
// class (constructor, const accessor, static member), a const member
// function declared before the fields, T{} calling the default
// constructor, a template parameter default ending in '>>', a namespace
// alias inside a function, a kernel declared first with other parameter
// names, and `uint` from <sys/types.h>; range-based for over an array (by
// value, by reference, const auto &) and over a class with begin()/end();
// bit-fields (packing, truncation on store, a signed one, sizeof).
// launch: classKernel --grid 2 --block 64 i32[128]=iota i32[128]=zeros i32:128
// launch: rangeKernel --grid 1 --block 64 i32[64]=iota i32[64]=zeros
// launch: bitsKernel --grid 1 --block 64 i32[64]=iota i32[64]=zeros
#include <sys/types.h>

namespace geom {
struct Counter {
    int start = 7;
    int step{2};
    int pad;
};
}

struct Particle {
    __device__ Particle() : pos{}, acc{1, 2} {}
    __device__ int sum() const { return pos[0] + pos[2] + acc[0] + acc[1] + acc[2] + bias; }
    int pos[3];
    int acc[3];
    int bias = 100;
};

struct Defaulted {
    int a = 5;
    int b = 6;
    __device__ Defaulted() : b(60) {}
    __device__ Defaulted(int x) : a(x) {}
};

template <class T> class Range {
public:
    __device__ Range(T lo, T hi);
    __device__ T const &lower() const;
    __device__ T width() const;
    static __device__ Range unit();
private:
    T lo_;
    T hi_;
};
template <class T> __device__ Range<T>::Range(T lo, T hi) : lo_(lo), hi_(hi) {}
template <class T> __device__ T const &Range<T>::lower() const { return lo_; }
template <class T> __device__ T Range<T>::width() const { return hi_ - lo_; }
template <class T> __device__ Range<T> Range<T>::unit() { return Range<T>(T(0), T(1)); }

template <class T> struct Box { T v = T(3); };
template <class T, class B = Box<T>> struct Holder {
    B box;
    __device__ T get() const { return box.v; }
};

__global__ void classKernel(const int *input, int *output, uint count);

__global__ void classKernel(const int *in, int *out, uint n)
{
    namespace g = geom;
    uint i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    g::Counter c;
    g::Counter d{1};
    g::Counter e = {1, 1, 1};
    Particle pt;
    Defaulted x, y(9);
    Defaulted z{};
    Range<int> r(in[i], in[i] + 10);
    Holder<int> h;
    int v = c.start + c.step * 10 + c.pad * 1000;       // 27
    v += d.start * 100 + d.step * 1000 + e.pad * 10000; // 2100 + 10000
    v += pt.sum() * 100000;                             // 103 -> 10300000
    v += x.a + x.b + y.a + y.b + z.b;                   // 5 + 60 + 9 + 6 + 60
    v += r.lower() * 2 + r.width() + Range<int>::unit().width() + h.get();
    out[i] = v;
}

struct Triple {
    int v[3];
    __device__ int *begin() { return v; }
    __device__ int *end() { return v + 3; }
};

__global__ void rangeKernel(const int *in, int *out)
{
    int i = threadIdx.x;
    int a[4] = {in[i], 1, 2, 3};
    int s = 0;
    for (int x : a) s += x;            // in + 6
    for (auto &x : a) x *= 10;
    for (const auto &x : a) s += x;    // + 10 * (in + 6)
    Triple t = {{i, 2 * i, 3}};
    for (int &y : t) y += 1;
    for (int y : t) s += 100 * y;      // 100 * (3i + 6)
    out[i] = s;
}

struct Packed {
    unsigned lo : 3;
    unsigned mid : 5;
    int sgn : 4;
    unsigned short tail;
    unsigned wide : 30;
    unsigned top : 4;
};

__global__ void bitsKernel(const int *in, int *out)
{
    int i = threadIdx.x;
    Packed p = {};
    p.lo = in[i];          // keeps i % 8
    p.mid = 31;
    p.mid += 2;            // wraps to 1
    p.sgn = -(i % 8);      // fits in 4 signed bits
    p.tail = 7;
    p.wide = i;
    p.top = 15;
    out[i] = p.lo * 1000 + p.mid * 100 + p.sgn + (int)sizeof(Packed) * 100000 + p.wide * 10000000 + p.top * 10 + p.tail;
}
