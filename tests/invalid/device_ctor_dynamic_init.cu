// expect: 12:21: dynamic initialization is not supported
// A __device__ variable constructed by a constructor that is not
// constexpr would need code to run before any kernel, which CUDA does not
// do for device memory: nvcc rejects it, and so must we.
struct Gain {
  float g;
  Gain() = default;
  Gain(float v) : g(v) {}
};

__device__ float ok = 1.0f;
__device__ Gain gain(2.0f);

__global__ void apply(float *x) { x[threadIdx.x] *= gain.g + ok; }
