// template_specialization.cu: exercises explicit and partial template
// specialization in device code: the reduction samples' SharedMemory<T>
// idiom (a conversion function, explicit specialization for double), a
// trait chosen by partial specialization (the most specialized of T* and
// const T* wins), compile-time recursion ended by an explicit
// specialization, an explicit specialization of a function template, an
// enum-typed non-type template parameter named from host code, and the
// device-pass <type_traits>/<limits>; a member function template of a
// class template deducing a bool through a member class template, and the
// class naming its own instance (the Rodinia DWT shape).
// launch: blockSum<float> --grid 2 --block 64 --shared 512 f32[128]=iota f32[2]=zeros
// launch: blockSum<double> --grid 2 --block 64 --shared 512 f64[128]=iota f64[2]=zeros
// launch: traitsKernel<int> --grid 1 --block 32 i32[32]=zeros
// launch: traitsKernel<float> --grid 1 --block 32 f32[32]=zeros
// launch: modeKernel<Mode::Twice> --grid 1 --block 32 i32[32]=iota
// launch: modeKernel<Mode::Square> --grid 1 --block 32 i32[32]=iota
// launch: windowKernel<4> --grid 1 --block 32 i32[32]=iota i32[32]=zeros
#include <type_traits>
#include <limits>

template <class T> struct SharedMemory {
  __device__ inline operator T *() {
    extern __shared__ int smem_words[];
    return (T *)smem_words;
  }
};
template <> struct SharedMemory<double> {
  __device__ inline operator double *() {
    extern __shared__ double smem_doubles[];
    return (double *)smem_doubles;
  }
};

template <class T>
__global__ void blockSum(const T *in, T *out) {
  T *s = SharedMemory<T>();
  s[threadIdx.x] = in[blockIdx.x * blockDim.x + threadIdx.x];
  __syncthreads();
  for (unsigned k = blockDim.x / 2; k > 0; k /= 2) {
    if (threadIdx.x < k) s[threadIdx.x] += s[threadIdx.x + k];
    __syncthreads();
  }
  if (threadIdx.x == 0) out[blockIdx.x] = s[0];
}

template <class T> struct Kind { static constexpr int value = 0; };
template <class T> struct Kind<T *> { static constexpr int value = 1; };
template <class T> struct Kind<const T *> { static constexpr int value = 2; };
template <class A, class B> struct Pair { static constexpr int value = 3; };
template <class A> struct Pair<A, A> { static constexpr int value = 4; };
template <> struct Pair<int, int> { static constexpr int value = 5; };

template <int N> struct Factorial { static constexpr int value = N * Factorial<N - 1>::value; };
template <> struct Factorial<0> { static constexpr int value = 1; };

template <typename T> __device__ T bump(T x) { return x + 1; }
template <> __device__ int bump<int>(int x) { return x + 100; }

template <class T>
__global__ void traitsKernel(T *out) {
  int r = Kind<T>::value + 10 * Kind<T *>::value + 100 * Kind<const T *>::value;
  r += 1000 * Pair<T, T>::value + 10000 * Pair<T, int>::value;
  r += std::is_same<T, int>::value ? 100000 : 200000;
  r += std::numeric_limits<T>::is_specialized ? 1000000 : 0;
  out[threadIdx.x] = (T)(r + Factorial<5>::value * 10000000) + bump(T(threadIdx.x));
}

enum class Mode { Twice, Square };

template <Mode M>
__global__ void modeKernel(int *data) {
  int v = data[threadIdx.x];
  data[threadIdx.x] = M == Mode::Twice ? 2 * v : v * v;
}

template __global__ void blockSum<float>(const float *, float *);
template __global__ void blockSum<double>(const double *, double *);
template __global__ void traitsKernel<int>(int *);
template __global__ void traitsKernel<float>(float *);
template __global__ void modeKernel<Mode::Twice>(int *);
template __global__ void modeKernel<Mode::Square>(int *);

template <int W>
class Window {
    template <bool CHECKED> struct Column {
        int offset;
        __device__ void clear() { offset = CHECKED ? 1 : 2; }
    };
    template <bool CHECKED>
    __device__ void initColumn(Column<CHECKED> &c, const int *in, int x) { c.offset += in[x] * W; }
public:
    template <bool A>
    __device__ int transform(const int *in) {
        Column<A> c;
        c.clear();
        initColumn(c, in, threadIdx.x);
        return c.offset;
    }
    __device__ static void run(const int *in, int *out) {
        __shared__ Window<W> w;
        out[threadIdx.x] = w.transform<true>(in) * 10 + w.transform<false>(in);
    }
};

template <int W>
__global__ void windowKernel(const int *in, int *out) { Window<W>::run(in, out); }
template __global__ void windowKernel<4>(const int *, int *);
