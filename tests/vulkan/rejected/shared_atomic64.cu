// expect: 6:30: error: 64-bit atomicAdd on shared memory is not supported on the Vulkan target
__global__ void k(unsigned long long* out)
{
    __shared__ unsigned long long total;
    total = 0;
    unsigned long long old = atomicAdd(&total, 1ull);
    out[0] = total + old;
}
