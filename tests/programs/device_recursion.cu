// Recursive device code as interval-arithmetic solvers write it: a plain
// recursive function, a function template that instantiates itself
// (bisection with an explicit depth), a class template whose accessor is
// overloaded on const, const references bound to temporaries, and nan().
// Each thread's results are checked against the same recursion on the host.
// Recursion leaves the stack's size unknown to the compiler, so the program
// asks for a larger one (cudaLimitStackSize), as CUDA programs must: the
// default 1 KiB per thread need not hold fib's and bisect's frames.
#include "common.h"
#include <cmath>
#include <vector>

__host__ __device__ long long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

template <class T, int N> class small_stack {
  T buf[N];
  int tos;

public:
  __host__ __device__ small_stack() : tos(-1) {}
  __host__ __device__ T const &top() const { return buf[tos]; }
  __host__ __device__ T &top() { return buf[tos]; }
  __host__ __device__ void push(T const &v) { buf[++tos] = v; }
  __host__ __device__ int size() const { return tos + 1; }
};

template <class T> __host__ __device__ T larger(T const &a, T const &b) { return a > b ? a : b; }

// Counts the roots of x*x - c in [lo, hi] by bisection to a fixed depth and
// keeps the last midpoint in the stack's top element.
template <class T, int DEPTH>
__host__ __device__ int bisect(small_stack<T, 4> &st, T lo, T hi, T c, int depth) {
  T const &mid = (lo + hi) / 2; // a const reference to a temporary
  T const flo = lo * lo - c, fhi = hi * hi - c;
  if ((flo > 0) == (fhi > 0) && flo != 0) return 0;
  if (depth == DEPTH) {
    st.top() = mid; // the non-const top()
    return 1;
  }
  return bisect<T, DEPTH>(st, lo, mid, c, depth + 1) + bisect<T, DEPTH>(st, mid, hi, c, depth + 1);
}

template <class T> __global__ void solve(const T *c, T *root, int *count, long long *f, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  small_stack<T, 4> st;
  st.push(T(-1));
  count[i] = bisect<T, 20>(st, T(0), T(8), c[i], 0);
  const small_stack<T, 4> &view = st;
  T const &best = larger(view.top(), T(0)); // the const top(), and a temporary
  root[i] = c[i] < 0 ? T(nan("")) : best;
  f[i] = fib(i % 20);
}

template <class T> static int run(const char *name) {
  const int n = 96;
  std::vector<T> c(n);
  for (int i = 0; i < n; i++) c[i] = T(i) * T(0.5) - T(2);
  T *dc, *droot;
  int *dcount;
  long long *df;
  CHECK(cudaMalloc(&dc, n * sizeof(T)));
  CHECK(cudaMalloc(&droot, n * sizeof(T)));
  CHECK(cudaMalloc(&dcount, n * sizeof(int)));
  CHECK(cudaMalloc(&df, n * sizeof(long long)));
  CHECK(cudaMemcpy(dc, c.data(), n * sizeof(T), cudaMemcpyHostToDevice));
  solve<T><<<3, 32>>>(dc, droot, dcount, df, n);
  CHECK(cudaGetLastError());
  std::vector<T> root(n);
  std::vector<int> count(n);
  std::vector<long long> f(n);
  CHECK(cudaMemcpy(root.data(), droot, n * sizeof(T), cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(count.data(), dcount, n * sizeof(int), cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(f.data(), df, n * sizeof(long long), cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int i = 0; i < n; i++) {
    small_stack<T, 4> st;
    st.push(T(-1));
    int want_count = bisect<T, 20>(st, T(0), T(8), c[i], 0);
    T want_root = c[i] < 0 ? T(NAN) : (st.top() > 0 ? st.top() : T(0));
    // nvcc and the CPU target may contract lo * lo - c into an fma
    bool root_ok = std::isnan(want_root) ? std::isnan(root[i])
                                         : std::fabs(root[i] - want_root) <= 1e-5 * (1 + want_root);
    bool sqrt_ok = c[i] < 0 || c[i] > 64 || std::fabs(root[i] - std::sqrt(c[i])) < 1e-4;
    if ((count[i] != want_count || !root_ok || !sqrt_ok || f[i] != fib(i % 20)) && errors++ < 5)
      printf("%s %d: count %d (want %d) root %g (want %g) fib %lld\n", name, i, count[i],
             want_count, (double)root[i], (double)want_root, f[i]);
  }
  CHECK(cudaFree(dc));
  CHECK(cudaFree(droot));
  CHECK(cudaFree(dcount));
  CHECK(cudaFree(df));
  return errors;
}

int main() {
  CHECK(cudaDeviceSetLimit(cudaLimitStackSize, 16 * 1024));
  int errors = run<float>("float") + run<double>("double");
  return verdict("device_recursion", errors);
}
