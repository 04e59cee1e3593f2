// cpp_variadic_classes.cu — variadic class templates in device code: a
// tuple built by recursive inheritance from a partial specialization
// (`Tuple<T, Rest...> : Tuple<Rest...>`), the empty pack ending the
// recursion, `sizeof...`, a fold over a non-type pack, and an index
// sequence made by recursion over `template <int N, int... Is>`, and
// function templates whose packs are deduced from a class's pack.  Each
// thread computes with them and the host checks every result.
#include "common.h"

template <typename... Ts> struct Tuple;
template <> struct Tuple<> {
  static constexpr int size = 0;
  __device__ float sum() const { return 0.0f; }
};
template <typename T, typename... Rest> struct Tuple<T, Rest...> : Tuple<Rest...> {
  T head;
  static constexpr int size = 1 + sizeof...(Rest);
  __device__ Tuple<Rest...> &tail() { return *this; }
  __device__ const Tuple<Rest...> &tail() const { return *this; }
  __device__ float sum() const { return (float)head + tail().sum(); }
};

template <int... Is> struct Seq {
  static constexpr int size = sizeof...(Is);
  static constexpr int total = (Is + ... + 0);
};
template <int N, int... Is> struct MakeSeq : MakeSeq<N - 1, N - 1, Is...> {};
template <int... Is> struct MakeSeq<0, Is...> { using type = Seq<Is...>; };

// a dot product with weights fixed at compile time, one per pack element
template <int... Ws> struct Weights;
template <> struct Weights<> {
  __device__ static int dot(const int *) { return 0; }
};
template <int W, int... Rest> struct Weights<W, Rest...> {
  __device__ static int dot(const int *x) { return W * x[0] + Weights<Rest...>::dot(x + 1); }
};

// packs deduced from a class instance's pack: the index-sequence idiom
template <typename... Ts> __device__ int count(const Tuple<Ts...> &) { return sizeof...(Ts); }
template <typename T, int... Is> __device__ T dot_at(const T *a, const T *b, Seq<Is...>) {
  return ((a[Is] * b[Is]) + ... + T(0));
}
template <int... Is> __device__ int product() { return (Is * ... * 1); }

enum { N = 256 };

__global__ void use_tuples(const int *x, float *sums, int *dots, int *prods, int *meta) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= N) return;
  Tuple<int, float, double> t;
  t.head = x[i];
  t.tail().head = 0.5f * (float)x[i];
  t.tail().tail().head = 0.25;
  sums[i] = t.sum();
  dots[i] = Weights<1, -2, 3>::dot(x + (i % (N - 2)));
  if (i == 0) {
    using S = MakeSeq<6>::type;
    meta[0] = S::size;
    meta[1] = S::total;
    meta[2] = Tuple<char, short, int, long long>::size;
    meta[3] = Seq<>::size + Tuple<>::size;
    meta[4] = count(t) * 10 + count(Tuple<>{});
    meta[5] = product<2, 3, 7>();
  }
  // x[j..j+4) . x[j+1..j+5), through MakeSeq<4>'s Seq<0, 1, 2, 3>
  int j = i % (N - 5);
  prods[i] = dot_at(x + j, x + j + 1, MakeSeq<4>::type{});
}

int main() {
  int hx[N], hdots[N], hprods[N], meta[6];
  float hsums[N];
  for (int i = 0; i < N; i++) hx[i] = (i * 37) % 101 - 50;
  int *x, *dots, *prods, *dmeta;
  float *sums;
  CHECK(cudaMalloc(&x, sizeof hx));
  CHECK(cudaMalloc(&dots, sizeof hdots));
  CHECK(cudaMalloc(&prods, sizeof hprods));
  CHECK(cudaMalloc(&sums, sizeof hsums));
  CHECK(cudaMalloc(&dmeta, sizeof meta));
  CHECK(cudaMemcpy(x, hx, sizeof hx, cudaMemcpyHostToDevice));
  use_tuples<<<N / 64, 64>>>(x, sums, dots, prods, dmeta);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(hsums, sums, sizeof hsums, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(hdots, dots, sizeof hdots, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(hprods, prods, sizeof hprods, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(meta, dmeta, sizeof meta, cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int i = 0; i < N; i++) {
    float want = (float)hx[i] + 0.5f * (float)hx[i] + 0.25f;
    const int *w = hx + (i % (N - 2));
    int dot = w[0] - 2 * w[1] + 3 * w[2];
    const int *a = hx + i % (N - 5);
    int prod = a[0] * a[1] + a[1] * a[2] + a[2] * a[3] + a[3] * a[4];
    if (hsums[i] != want || hdots[i] != dot || hprods[i] != prod) {
      if (errors++ < 5)
        printf("i=%d: sum %g (want %g), dot %d (want %d), prod %d (want %d)\n", i, hsums[i], want,
               hdots[i], dot, hprods[i], prod);
    }
  }
  const int want_meta[6] = {6, 15, 4, 0, 30, 42};
  for (int k = 0; k < 6; k++)
    if (meta[k] != want_meta[k]) {
      errors++;
      printf("meta[%d] = %d, want %d\n", k, meta[k], want_meta[k]);
    }
  CHECK(cudaFree(x));
  CHECK(cudaFree(dots));
  CHECK(cudaFree(prods));
  CHECK(cudaFree(sums));
  CHECK(cudaFree(dmeta));
  return verdict("cpp_variadic_classes", errors);
}
