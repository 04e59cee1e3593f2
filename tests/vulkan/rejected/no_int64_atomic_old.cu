// expect: 7:31: error: atomicAdd on a 64-bit value whose old value is used needs the Vulkan device features shaderInt64 and shaderBufferInt64Atomics, which this device lacks (without them only its result-discarding form runs, as two 32-bit atomics)
// lacks: int64
// Two 32-bit atomics leave a 64-bit sum exact but cannot return one
// consistent old value.
__global__ void claim(unsigned long long *next, unsigned long long *slot) {
    unsigned i = blockIdx.x * blockDim.x + threadIdx.x;
    unsigned long long mine = atomicAdd(next, 1ull);
    slot[i] = mine;
}
