// expect: 5:12: error: a 64-bit integer (long long, size_t, int64_t ...) needs the Vulkan device feature shaderInt64, which this device lacks
// lacks: int64
// A device without shaderInt64 (SwiftShader): pointers still work, a size_t does not.
__global__ void scale(float *x, unsigned n) {
    size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
    if (i < n) x[i] *= 2.0f;
}
