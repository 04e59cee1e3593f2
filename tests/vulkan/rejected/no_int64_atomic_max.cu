// expect: 7:5: error: atomicMax on a 64-bit value needs the Vulkan device features shaderInt64 and shaderBufferInt64Atomics, which this device lacks
// lacks: int64
// A device without shaderInt64 (SwiftShader) holds 64-bit integers as word
// pairs; 64-bit max, min, exchange and CAS have no exact two-word form.
__global__ void peak(const unsigned long long *x, unsigned long long *best) {
    size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
    atomicMax(best, x[i]);
}
