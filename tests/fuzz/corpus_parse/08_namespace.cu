namespace util {
constexpr int kWarp = 32;
using idx_t = int;
template <typename T> __host__ __device__ inline T clamp(T v, T lo, T hi) {
  return v < lo ? lo : (v > hi ? hi : v);
}
} // namespace util
using namespace util;
extern "C" __global__ void clampk(float *x, idx_t n) {
  auto i = static_cast<idx_t>(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) x[i] = clamp(x[i], 0.0f, 1.0f) + (float)(i % kWarp);
  decltype(i) j = i;
  (void)j;
}
